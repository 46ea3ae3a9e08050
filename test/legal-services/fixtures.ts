import type { Client } from '../helpers/app.js'

/** A legal service's writable fields; `fields` override them. */
export function serviceBody(gridUnitId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    gridUnitId,
    subject: '审查团结镇农村人居环境整治项目施工合同',
    provider: 'government_legal_adviser',
    recipient: 'government',
    kind: 'contract_review',
    servedAt: '2025-04-11T02:00:00.000Z',
    ...fields,
  }
}

export async function createService(api: Client, gridUnitId: string, fields: Record<string, unknown> = {}): Promise<any> {
  const res = await api.post('/v1/legal-services', serviceBody(gridUnitId, fields))
  if (res.status !== 201) throw new Error(`legal service not created: ${res.status} ${res.text}`)
  return res.body
}
