import type { RuleViolation } from '../../core/problems.js'
import { anyOf, dateRange } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { ruleOfLawMeetings } from '../../db/schema/index.js'
import { defineResource, ownedByUnit, type WritableOf } from '../../records/define-resource.js'
import { MeetingIssue, RuleOfLawMeeting, RuleOfLawMeetingCreate, RuleOfLawMeetingUpdate, ruleOfLawMeetingFilters } from './schema.js'

/** `issue-resolution`: a resolved issue was resolved at or after the meeting; an open one has no date. */
export function meetingRules(next: WritableOf<typeof RuleOfLawMeetingCreate>): RuleViolation[] {
  const heldAt = Date.parse(next.heldAt)
  const wrong = (next.issues ?? []).flatMap((issue, i) => {
    if (issue.status === 'open' && issue.resolvedAt !== undefined) return [`issues/${i} is open but has a resolvedAt`]
    if (issue.status === 'resolved' && issue.resolvedAt === undefined) return [`issues/${i} is resolved but has no resolvedAt`]
    if (issue.resolvedAt !== undefined && Date.parse(issue.resolvedAt) < heldAt) return [`issues/${i} was resolved before the meeting was held`]
    return []
  })
  return wrong.length > 0 ? [{ rule: 'issue-resolution', message: wrong.join('; ') }] : []
}

export const ruleOfLawMeetingsResource = defineResource({
  collection: 'rule-of-law-meetings',
  noun: 'rule-of-law meeting',
  names: { one: 'RuleOfLawMeeting', many: 'RuleOfLawMeetings' },
  label: '法治会议',
  tag: { name: 'Rule-of-law meetings', description: '法治会议与学法: 法治专题会议, 党委中心组学法 and the problems they solved.' },
  schemas: { create: RuleOfLawMeetingCreate, update: RuleOfLawMeetingUpdate, record: RuleOfLawMeeting, filters: ruleOfLawMeetingFilters, components: [MeetingIssue] },
  table: ruleOfLawMeetings,
  owner: ownedByUnit(ruleOfLawMeetings.gridUnitId),
  rules: meetingRules,
  sorts: { heldAt: sortBy(ruleOfLawMeetings.heldAt, { perUnitIndex: true }), ...timeSorts(ruleOfLawMeetings) },
  defaultSort: '-heldAt',
  filters: (query) => [...anyOf(ruleOfLawMeetings.kind, query.kind), ...dateRange(ruleOfLawMeetings.heldAt, query.heldFrom, query.heldTo)],
  docs: {
    list: 'Filters: `kind` (repeatable), `heldFrom`, `heldTo` (inclusive; a plain date is that whole day in UTC+8), `gridUnitId` (the unit and its whole subtree), `q` (title, chairedBy, summary), `updatedSince`.',
    rules: 'A resolved issue has a `resolvedAt` not before `heldAt`, an open one has none (`issue-resolution`).',
  },
  sheet: {
    headers: {
      title: '会议名称',
      gridUnitCode: '网格编码',
      gridUnitName: '所属单位',
      kind: '类型',
      heldAt: '召开时间',
      chairedBy: '主持人',
      chairIsPrincipal: '主要负责人主持',
      attendance: '参会人数',
      summary: '会议内容',
      issues: '研究的重点难点问题',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
  },
})
