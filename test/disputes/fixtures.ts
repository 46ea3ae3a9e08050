import type { Client } from '../helpers/app.js'

// Shared data of the dispute tests (not a test itself).

export const PHONE = '13812345678'
export const MASKED_PHONE = '138****5678'

export const resolution = (resolvedAt = '2025-04-15T07:00:00.000Z') => ({
  method: 'people_mediation',
  summary: '经村调委会调解，双方按原合同面积重新丈量，合作社补交流转费 3600 元',
  agreementReached: true,
  resolvedAt,
})

/** A valid create body for a dispute in `gridUnitId`; fields may be overridden. */
export function disputeBody(gridUnitId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    gridUnitId,
    title: '团结村三组土地流转纠纷',
    description: '承包户与种植合作社因流转土地面积和流转费结算发生争议',
    category: 'land',
    source: 'grid_inspection',
    parties: [
      { name: '张福', role: 'applicant', phone: PHONE },
      { name: '丰源种植专业合作社', role: 'respondent' },
    ],
    reportedAt: '2025-04-08T02:30:00.000Z',
    ...fields,
  }
}

export async function createDispute(api: Client, gridUnitId: string, fields: Record<string, unknown> = {}): Promise<any> {
  const res = await api.post('/v1/disputes', disputeBody(gridUnitId, fields))
  if (res.status !== 201) throw new Error(`dispute not created: ${res.status} ${res.text}`)
  return res.body
}

/** Ids of one list page, in order. */
export async function listIds(api: Client, query: string): Promise<string[]> {
  const res = await api.get(`/v1/disputes?${query}`)
  if (res.status !== 200) throw new Error(`list failed: ${res.status} ${res.text}`)
  return res.body.items.map((d: { id: string }) => d.id)
}
