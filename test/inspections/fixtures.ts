import type { Client } from '../helpers/app.js'

// Shared data of the inspection tests (not a test itself).

export const inspectionsUrl = '/v1/inspections'
export const STARTED = '2025-09-01T09:00:00+08:00'
export const STARTED_UTC = '2025-09-01T01:00:00.000Z'

/** A finding put right at the instant given (or still open). */
export const finding = (rectifiedAt?: string) => ({ description: '3 件案卷缺少送达回证', ...(rectifiedAt ? { rectifiedAt } : {}) })

/** The fields a closed inspection needs: an end, and every finding put right. */
export const closedFields = { status: 'closed', endedAt: '2025-10-15T09:00:00Z', findings: [finding('2025-09-30T08:00:00Z')] }

/** A valid planned inspection, started 1 September 2025 09:00 Beijing time. Undefined leaves a field out. */
export function inspectionBody(gridUnitId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    gridUnitId,
    title: '2025年安全生产领域执法专项检查',
    kind: 'special_inspection',
    domain: 'safety_production',
    startedAt: STARTED,
    ...fields,
  }
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined))
}

export async function createInspection(api: Client, gridUnitId: string, fields: Record<string, unknown> = {}): Promise<any> {
  const res = await api.post(inspectionsUrl, inspectionBody(gridUnitId, fields))
  if (res.status !== 201) throw new Error(`inspection not created: ${res.status} ${res.text}`)
  return res.body
}
