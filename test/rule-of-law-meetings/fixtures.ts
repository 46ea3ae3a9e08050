import type { Client } from '../helpers/app.js'

/** A meeting's writable fields; `fields` override them. */
export function meetingBody(gridUnitId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    gridUnitId,
    title: '团结镇2025年第一次法治专题会议',
    kind: 'special_meeting',
    heldAt: '2025-03-18T01:30:00.000Z',
    chairedBy: '镇党委书记 王建国',
    ...fields,
  }
}

export async function createMeeting(api: Client, gridUnitId: string, fields: Record<string, unknown> = {}): Promise<any> {
  const res = await api.post('/v1/rule-of-law-meetings', meetingBody(gridUnitId, fields))
  if (res.status !== 201) throw new Error(`meeting not created: ${res.status} ${res.text}`)
  return res.body
}

/** The rule ids of a 409 rule-violation answer, sorted. */
export const rulesOf = (res: { body: any }): string[] => ((res.body?.violations ?? []) as { rule: string }[]).map((v) => v.rule).sort()
