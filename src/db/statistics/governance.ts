import { sql, type SQL } from 'drizzle-orm'
import { decisions, legalServices, publicityItems, ruleOfLawMeetings, workPlans } from '../schema/index.js'
import { aliased } from '../statements.js'
import { countWhere, object, perValue, sumOf, type YearScope } from './scope.js'

// 一、强化政治引领 and 二、规范行政决策: meetings, work plans, decisions, legal services, publicity.

const meetingRows = aliased(ruleOfLawMeetings, 'm')
const m = meetingRows.columns
const planRows = aliased(workPlans, 'w')
const w = planRows.columns
const decisionRows = aliased(decisions, 'd')
const d = decisionRows.columns
const serviceRows = aliased(legalServices, 's')
const s = serviceRows.columns
const itemRows = aliased(publicityItems, 'i')
const i = itemRows.columns

export function meetingFigures({ inYear, perUnit }: YearScope): SQL {
  const year = perUnit(meetingRows, inYear(m.heldAt))
  const kind = (value: string) => countWhere(sql`${m.kind} = ${value}`)
  return sql`SELECT ${object({
    specialMeetings: kind('special_meeting'),
    centralGroupStudies: kind('central_group_study'),
    executiveStudies: kind('executive_study'),
    // Of the three kinds the report names, so that "主要负责人主持召开…各N次" never claims an `other` meeting.
    principalChaired: countWhere(sql`${m.chairIsPrincipal} AND ${m.kind} <> 'other'`),
    issuesStudied: sumOf(sql`jsonb_array_length(${m.issues})`),
    issuesResolved: sumOf(sql`(SELECT count(*) FROM jsonb_array_elements(${m.issues}) issue WHERE issue ->> 'status' = 'resolved')`),
  })} FROM ${year}`
}

export function workPlanFigures({ year, today, perUnit }: YearScope): SQL {
  const adopted = perUnit(planRows, sql`${w.year} = ${year} AND ${w.status} = 'adopted'`)
  const tasks = (condition: SQL) => sumOf(sql`(SELECT count(*) FROM jsonb_array_elements(${w.tasks}) task WHERE ${condition})`)
  return sql`SELECT ${object({
    adopted: sql`count(*)`,
    tasks: sumOf(sql`jsonb_array_length(${w.tasks})`),
    tasksDone: tasks(sql`task ? 'doneAt'`),
    tasksOverdue: tasks(sql`NOT task ? 'doneAt' AND task ->> 'dueOn' < ${today}`),
  })} FROM ${adopted}`
}

export function decisionFigures({ inYear, inYearAsText, perUnit, v }: YearScope): SQL {
  const reviewed = perUnit(decisionRows, sql`${d.legalityReview} IS NOT NULL AND ${inYearAsText(sql`${d.legalityReview} ->> 'completedAt'`)}`)
  const adopted = perUnit(decisionRows, sql`${d.status} = 'adopted' AND ${inYearAsText(sql`${d.collectiveDiscussion} ->> 'heldAt'`)}`)
  return sql`SELECT ${object({
    total: sql`count(*)`,
    legalityReviewed: sql`(SELECT count(*) FROM ${reviewed})`,
    byConclusion: sql`(SELECT ${perValue(v.legalityConclusions, (c) => countWhere(sql`${d.legalityReview} ->> 'conclusion' = ${c}`))} FROM ${reviewed})`,
    adopted: sql`(SELECT count(*) FROM ${adopted})`,
    published: countWhere(sql`${d.publishedAt} IS NOT NULL`),
  })} FROM ${perUnit(decisionRows, inYear(d.proposedAt))}`
}

export function legalServiceFigures({ inYear, perUnit, v }: YearScope): SQL {
  return sql`SELECT ${object({
    governmentServices: sumOf(s.quantity, sql`${s.recipient} = 'government'`),
    legalOpinions: countWhere(sql`${s.opinionIssued}`),
    publicServed: sumOf(s.quantity, sql`${s.recipient} = 'public'`),
    byKind: perValue(v.serviceKinds, (kind) => sumOf(s.quantity, sql`${s.kind} = ${kind}`)),
  })} FROM ${perUnit(serviceRows, inYear(s.servedAt))}`
}

export function publicityFigures({ inYear, perUnit, v }: YearScope): SQL {
  return sql`SELECT ${object({
    items: sql`count(*)`,
    byCategory: perValue(v.publicityCategories, (category) => countWhere(sql`${i.category} = ${category}`)),
    byChannel: perValue(v.publicityChannels, (channel) => countWhere(sql`${channel} = ANY(${i.channels})`)),
  })} FROM ${perUnit(itemRows, inYear(i.publishedAt))}`
}
