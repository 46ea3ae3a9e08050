import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { FIRST_OF_2026, LAST_OF_2025, createMeeting, createWorkPlan, issue, remove, task } from './fixtures/ledgers.js'

// 一、强化政治引领: the meetings of the year by heldAt, the work plans by their year.

const { admin } = await buildTestApp(t)

async function figures(unitId: string, year: number) {
  const res = await admin.get(`/v1/statistics?year=${year}&gridUnitId=${unitId}`)
  if (res.status !== 200) throw new Error(`statistics answered ${res.status}: ${res.text}`)
  return res.body
}

t.test('meetings: by kind, chaired by the principal, issues studied and resolved, in the year of heldAt', async (t) => {
  const { town, village, otherTown } = await createCounty(admin)
  await createMeeting(admin, village.id, '2025-03-01T09:00:00+08:00', {
    chairIsPrincipal: true,
    issues: [issue('2025-04-01T02:00:00.000Z'), issue()],
  })
  // Held in the last half hour of 2025 (UTC+8), its issue resolved in 2026: both count in 2025.
  await createMeeting(admin, town.id, LAST_OF_2025, { issues: [issue('2026-01-05T02:00:00.000Z')] })
  await createMeeting(admin, town.id, '2025-05-01T09:00:00+08:00', { kind: 'central_group_study', chairIsPrincipal: true })
  await createMeeting(admin, town.id, '2025-06-01T09:00:00+08:00', { kind: 'executive_study', issues: [issue()] })
  // Of kind `other`: in no kind's count nor among those the principal chaired, but its issues count.
  await createMeeting(admin, town.id, '2025-07-01T09:00:00+08:00', { kind: 'other', chairIsPrincipal: true, issues: [issue('2025-07-02T02:00:00.000Z')] })
  await createMeeting(admin, town.id, FIRST_OF_2026, { chairIsPrincipal: true, issues: [issue('2026-01-02T02:00:00.000Z')] })
  const deleted = await createMeeting(admin, town.id, '2025-04-01T09:00:00+08:00', { chairIsPrincipal: true, issues: [issue()] })
  await remove(admin, '/v1/rule-of-law-meetings', deleted.id)
  await createMeeting(admin, otherTown.id, '2025-04-01T09:00:00+08:00', { chairIsPrincipal: true, issues: [issue()] })

  t.same((await figures(town.id, 2025)).meetings, {
    specialMeetings: 2,
    centralGroupStudies: 1,
    executiveStudies: 1,
    principalChaired: 2,
    issuesStudied: 5,
    issuesResolved: 3,
  })
  t.same((await figures(village.id, 2025)).meetings, {
    specialMeetings: 1,
    centralGroupStudies: 0,
    executiveStudies: 0,
    principalChaired: 1,
    issuesStudied: 2,
    issuesResolved: 1,
  })
  t.same((await figures(town.id, 2026)).meetings, {
    specialMeetings: 1,
    centralGroupStudies: 0,
    executiveStudies: 0,
    principalChaired: 1,
    issuesStudied: 1,
    issuesResolved: 1,
  })
  t.same((await figures(otherTown.id, 2025)).meetings, {
    specialMeetings: 1,
    centralGroupStudies: 0,
    executiveStudies: 0,
    principalChaired: 1,
    issuesStudied: 1,
    issuesResolved: 0,
  })
})

t.test('work plans: those of the year now adopted, their tasks, done and overdue', async (t) => {
  const { town, village, otherTown } = await createCounty(admin)
  // Due long ago: overdue unless done; due in 2099: not overdue yet.
  await createWorkPlan(admin, town.id, 2025, {
    tasks: [task('2020-03-01', '2020-02-20T02:00:00.000Z'), task('2020-06-30'), task('2099-12-31')],
  })
  await createWorkPlan(admin, village.id, 2025, { tasks: [task('2025-06-30', '2025-06-01T02:00:00.000Z'), task('2021-01-01')] })
  await createWorkPlan(admin, town.id, 2025, { status: 'draft', adoptedAt: undefined, tasks: [task('2020-01-01')] })
  const repealed = await createWorkPlan(admin, town.id, 2025, { tasks: [task('2020-01-01')] })
  t.equal((await admin.patch(`/v1/work-plans/${repealed.id}`, { status: 'repealed' })).status, 200)
  await createWorkPlan(admin, town.id, 2026, { adoptedAt: '2025-12-20T02:00:00.000Z', tasks: [task('2020-01-01')] })
  const deleted = await createWorkPlan(admin, town.id, 2025, { tasks: [task('2020-01-01')] })
  await remove(admin, '/v1/work-plans', deleted.id)
  await createWorkPlan(admin, otherTown.id, 2025, { tasks: [task('2020-01-01')] })

  t.same((await figures(town.id, 2025)).workPlans, { adopted: 2, tasks: 5, tasksDone: 2, tasksOverdue: 2 })
  t.same((await figures(village.id, 2025)).workPlans, { adopted: 1, tasks: 2, tasksDone: 1, tasksOverdue: 1 })
  t.same((await figures(town.id, 2026)).workPlans, { adopted: 1, tasks: 1, tasksDone: 0, tasksOverdue: 1 })
  t.same((await figures(town.id, 2024)).workPlans, { adopted: 0, tasks: 0, tasksDone: 0, tasksOverdue: 0 })
})
