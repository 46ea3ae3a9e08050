import { sql } from 'drizzle-orm'
import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDispute, disputeBody, resolution } from './fixtures.js'

// `overdue`: not resolved or unresolved 30 days after `reportedAt` (a mediation is settled within a
// month as a rule). Each test keeps to a unit of its own so that its overdue lists are its own.

const { admin, database } = await buildTestApp(t)
const county = await createCounty(admin)
const { grid, community, otherGrid } = county
const HOUR_MS = 3600_000
const DAY_MS = 24 * HOUR_MS
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()
const ids = (res: { body: any }) => res.body.items.map((d: any) => d.id).sort()

t.test('overdue at 30 days open: an hour short is not, an hour past is', async (t) => {
  const dayBefore = await createDispute(admin, grid.id, { reportedAt: ago(29 * DAY_MS) })
  const justShort = await createDispute(admin, grid.id, { reportedAt: ago(30 * DAY_MS - HOUR_MS) })
  const justPast = await createDispute(admin, grid.id, { reportedAt: ago(30 * DAY_MS + HOUR_MS) })
  const dayAfter = await createDispute(admin, grid.id, { reportedAt: ago(31 * DAY_MS), status: 'mediating' })
  t.equal(dayBefore.overdue, false, '29 days open')
  t.equal(justShort.overdue, false, '30 days less an hour')
  t.equal(justPast.overdue, true, '30 days and an hour')
  t.equal(dayAfter.overdue, true, '31 days mediating')
  t.equal((await admin.get(`/v1/disputes/${justPast.id}`)).body.overdue, true, 'a read answers the same')
})

t.test('only open statuses turn overdue; a final one never does', async (t) => {
  const old = ago(200 * DAY_MS)
  const reported = await createDispute(admin, community.id, { reportedAt: old })
  const mediating = await createDispute(admin, community.id, { reportedAt: old, status: 'mediating' })
  const escalated = await createDispute(admin, community.id, { reportedAt: old, status: 'escalated' })
  const resolved = await createDispute(admin, community.id, { reportedAt: old, status: 'resolved', resolution: resolution(ago(190 * DAY_MS)) })
  const unresolved = await createDispute(admin, community.id, { reportedAt: old, status: 'unresolved' })
  const fresh = await createDispute(admin, community.id, { reportedAt: ago(2 * DAY_MS) })
  t.same([reported, mediating, escalated].map((d) => d.overdue), [true, true, true])
  t.same([resolved, unresolved, fresh].map((d) => d.overdue), [false, false, false])

  const yes = await admin.get(`/v1/disputes?gridUnitId=${community.id}&overdue=true&limit=100`)
  t.equal(yes.status, 200)
  t.same(ids(yes), [reported.id, mediating.id, escalated.id].sort())
  t.ok(yes.body.items.every((d: any) => d.overdue === true))
  const no = await admin.get(`/v1/disputes?gridUnitId=${community.id}&overdue=false&limit=100`)
  t.same(ids(no), [resolved.id, unresolved.id, fresh.id].sort())
  t.ok(no.body.items.every((d: any) => d.overdue === false))
  const all = await admin.get(`/v1/disputes?gridUnitId=${community.id}&limit=100`)
  t.equal(all.body.items.length, 6, 'without the filter, every one')
  const combined = await admin.get(`/v1/disputes?gridUnitId=${community.id}&overdue=true&status=mediating&status=resolved`)
  t.same(ids(combined), [mediating.id], 'with a status filter: both apply')

  const settled = await admin.patch(`/v1/disputes/${mediating.id}`, { status: 'resolved', resolution: resolution(ago(DAY_MS)) })
  t.equal(settled.status, 200)
  t.equal(settled.body.overdue, false, 'resolving ends the overdue state')
  t.same(ids(await admin.get(`/v1/disputes?gridUnitId=${community.id}&overdue=true`)), [reported.id, escalated.id].sort())
})

t.test('a dispute turns overdue as time passes, with no write', async (t) => {
  const record = await createDispute(admin, otherGrid.id, { reportedAt: ago(29 * DAY_MS) })
  t.equal(record.overdue, false)
  t.same(ids(await admin.get(`/v1/disputes?gridUnitId=${otherGrid.id}&overdue=true`)), [])
  // Two days pass: moving the stored instant back is the same as moving the clock forward.
  await database.db.execute(sql`UPDATE disputes SET reported_at = reported_at - interval '2 days' WHERE id = ${record.id}`)
  const later = await admin.get(`/v1/disputes/${record.id}`)
  t.equal(later.body.overdue, true)
  t.equal(later.body.version, 1, 'nothing was written through the API')
  t.same(ids(await admin.get(`/v1/disputes?gridUnitId=${otherGrid.id}&overdue=true`)), [record.id])
})

t.test('overdue is read-only and its filter a boolean', async (t) => {
  const record = await createDispute(admin, grid.id)
  const patched = await admin.patch(`/v1/disputes/${record.id}`, { overdue: false })
  assertProblem(t, patched, 400, 'validation-error')
  t.equal(patched.body.errors[0].pointer, '/overdue')
  const created = await admin.post('/v1/disputes', disputeBody(grid.id, { overdue: true }))
  assertProblem(t, created, 400, 'validation-error', 'a create naming overdue')
  t.ok(created.body.errors.some((e: any) => e.pointer === '/overdue'))
  const bad = await admin.get('/v1/disputes?overdue=sometimes')
  assertProblem(t, bad, 400, 'validation-error')
  t.ok(bad.body.errors.some((e: any) => e.in === 'query'))
})
