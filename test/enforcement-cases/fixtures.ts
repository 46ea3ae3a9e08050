import type { Client } from '../helpers/app.js'
import { uniqueCode } from '../helpers/factories.js'

const DAY_MS = 24 * 60 * 60 * 1000
/** An instant `days` before now, as the API answers it (UTC, milliseconds). */
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString()

export const twoOfficers = [
  { name: '王海军', certificateNumber: '15082619001' },
  { name: '李春梅', certificateNumber: '15082619007' },
]
export const recording = { kind: 'body_camera', uri: 'https://evidence.example.gov.cn/2025/012/body-cam-01.mp4', recordedAt: '2025-03-10T02:15:00.000Z' }
export const approvedReview = { reviewer: '刘志强', conclusion: 'approved', opinion: '事实清楚，证据确凿。', completedAt: '2025-04-18T07:00:00.000Z' }
export const fine = { type: 'fine', fineAmountFen: 200_000, documentNumber: '杭后团综执罚决字〔2025〕第012号', decidedAt: '2025-04-25T02:00:00.000Z' }

/** A registered case's writable fields; `fields` override them. */
export function caseBody(gridUnitId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    gridUnitId,
    caseNumber: uniqueCode('杭后团综执立字〔2025〕'),
    title: '团结镇综合行政执法队查处占道经营案',
    domain: 'urban_management',
    party: { type: 'person', name: '张某某', idNumber: '150826198805121234', phone: '13804785678' },
    registeredAt: '2025-03-10T01:30:00.000Z',
    ...fields,
  }
}

/** The fields a case needs to be created straight into `closed`. */
export const closedFields = { status: 'closed', officers: twoOfficers, decision: fine, recordings: [recording] }

export async function createCase(api: Client, gridUnitId: string, fields: Record<string, unknown> = {}): Promise<any> {
  const res = await api.post('/v1/enforcement-cases', caseBody(gridUnitId, fields))
  if (res.status !== 201) throw new Error(`enforcement case not created: ${res.status} ${res.text}`)
  return res.body
}

/** The rule ids of a 409 rule-violation answer, sorted. */
export const rulesOf = (res: { body: any }): string[] => ((res.body?.violations ?? []) as { rule: string }[]).map((v) => v.rule).sort()
