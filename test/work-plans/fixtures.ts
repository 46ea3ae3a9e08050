import { chinaToday } from '../../src/core/china-time.js'
import type { Client } from '../helpers/app.js'

/** A draft plan's writable fields; `fields` override them. */
export function planBody(gridUnitId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { gridUnitId, year: 2025, title: '团结镇2025年法治政府建设工作方案', ...fields }
}

export async function createPlan(api: Client, gridUnitId: string, fields: Record<string, unknown> = {}): Promise<any> {
  const res = await api.post('/v1/work-plans', planBody(gridUnitId, fields))
  if (res.status !== 201) throw new Error(`work plan not created: ${res.status} ${res.text}`)
  return res.body
}

/** The date `days` from today in UTC+8 (negative: before), as a task's `dueOn`. */
export function chinaDay(days: number): string {
  const d = new Date(`${chinaToday()}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export const adopted = { status: 'adopted', adoptedAt: '2025-02-20T02:00:00.000Z' }

/** The rule ids of a 409 rule-violation answer, sorted. */
export const rulesOf = (res: { body: any }): string[] => ((res.body?.violations ?? []) as { rule: string }[]).map((v) => v.rule).sort()
