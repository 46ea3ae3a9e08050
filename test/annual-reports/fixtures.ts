import type { Client, Response } from '../helpers/app.js'

// Shared data of the annual-report tests (not a test itself).

export const reportsUrl = '/v1/annual-reports'

export const narrative = {
  shortcomings: ['法治宣传教育的针对性和实效性有待进一步增强。'],
  nextSteps: ['持续深化普法宣传，推动法治宣传教育进村入户。'],
}

/** A draft report body of `unitId` for `year`, with a complete narrative. */
export function reportBody(unitId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { gridUnitId: unitId, year: 2025, addressee: '旗委全面依法治旗委员会办公室', issuer: '团结镇人民政府', narrative, ...fields }
}

export interface Report {
  id: string
  version: number
  year: number
  gridUnitId: string
  figures: any
  status: string
  submittedAt?: string
  publishedAt?: string
  late: boolean
  dueAt: string
  [field: string]: unknown
}

export async function createReport(api: Client, unitId: string, fields: Record<string, unknown> = {}): Promise<Report> {
  const res = await api.post(reportsUrl, reportBody(unitId, fields))
  if (res.status !== 201) throw new Error(`annual report not created: ${res.status} ${res.text}`)
  return res.body as Report
}

/** A merge patch of a report that must succeed; the new record. */
export async function patchReport(api: Client, id: string, patch: Record<string, unknown>): Promise<Report> {
  const res = await api.patch(`${reportsUrl}/${id}`, patch)
  if (res.status !== 200) throw new Error(`annual report not changed: ${res.status} ${res.text}`)
  return res.body as Report
}

export async function getReport(api: Client, id: string): Promise<Report> {
  const res = await api.get(`${reportsUrl}/${id}`)
  if (res.status !== 200) throw new Error(`annual report not read: ${res.status} ${res.text}`)
  return res.body as Report
}

/** The rule slugs of a 409 rule-violation answer. */
export const rulesOf = (res: Response): string[] => (res.body?.violations ?? []).map((v: { rule: string }) => v.rule)

/** Every item of the report list for a query, walking all pages. */
export async function walkReports(api: Client, query: string): Promise<{ items: Report[]; pages: number }> {
  const items: Report[] = []
  let pages = 0
  let cursor: string | null = null
  do {
    const res: Response = await api.get(`${reportsUrl}?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    if (res.status !== 200) throw new Error(`list failed: ${res.status} ${res.text}`)
    items.push(...res.body.items)
    cursor = res.body.nextCursor
    pages++
  } while (cursor && pages < 100)
  return { items, pages }
}
