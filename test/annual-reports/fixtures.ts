import type { Client } from '../helpers/app.js'

export const narrative = {
  shortcomings: ['法治宣传教育的针对性和实效性有待进一步增强。'],
  nextSteps: ['持续深化普法宣传，推动法治宣传教育进村入户。'],
}

/** A draft report body of `unitId` for `year`, with a complete narrative. */
export function reportBody(unitId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { gridUnitId: unitId, year: 2025, addressee: '旗委全面依法治旗委员会办公室', issuer: '团结镇人民政府', narrative, ...fields }
}

export async function createReport(api: Client, unitId: string, fields: Record<string, unknown> = {}) {
  const res = await api.post('/v1/annual-reports', reportBody(unitId, fields))
  if (res.status !== 201) throw new Error(`annual report not created: ${res.status} ${res.text}`)
  return res.body as { id: string; version: number; figures: any; status: string; submittedAt?: string; late: boolean; dueAt: string }
}
