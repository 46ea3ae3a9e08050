import { sql } from 'drizzle-orm'
import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { closedFields, createCase, daysAgo, fine, twoOfficers } from './fixtures.js'

const { admin, database } = await buildTestApp(t)
const county = await createCounty(admin)
// Each test owns a village-level subtree so that its overdue lists are its own.
const { grid, community, otherTown, otherGrid } = county
const ids = (res: { body: any }) => res.body.items.map((c: any) => c.id).sort()

t.test('overdue: open more than 90 days after registeredAt', async (t) => {
  const open = { status: 'investigating', officers: twoOfficers }
  const fresh = await createCase(admin, grid.id, { ...open, registeredAt: daysAgo(89) })
  const old = await createCase(admin, grid.id, { ...open, registeredAt: daysAgo(91) })
  const oldRegistered = await createCase(admin, grid.id, { registeredAt: daysAgo(200) })
  const oldInReview = await createCase(admin, grid.id, { ...open, status: 'legal_review', registeredAt: daysAgo(120) })
  const oldDecided = await createCase(admin, grid.id, { status: 'decided', officers: twoOfficers, decision: { ...fine, decidedAt: daysAgo(100) }, registeredAt: daysAgo(200) })
  const oldClosed = await createCase(admin, grid.id, { ...closedFields, decision: { ...fine, decidedAt: daysAgo(100) }, registeredAt: daysAgo(200) })
  const oldDismissed = await createCase(admin, grid.id, { status: 'dismissed', officers: twoOfficers, registeredAt: daysAgo(200) })

  t.equal(fresh.overdue, false, '89 days open')
  t.equal(old.overdue, true, '91 days investigating')
  t.equal(oldRegistered.overdue, true, '200 days registered')
  t.equal(oldInReview.overdue, true, '120 days in legal review')
  t.equal(oldDecided.overdue, false, 'decided in time is never overdue')
  t.equal(oldClosed.overdue, false, 'closed')
  t.equal(oldDismissed.overdue, false, 'dismissed is final')

  const overdue = await admin.get(`/v1/enforcement-cases?gridUnitId=${grid.id}&overdue=true&limit=100`)
  t.equal(overdue.status, 200)
  t.same(ids(overdue), [old.id, oldRegistered.id, oldInReview.id].sort())
  t.ok(overdue.body.items.every((c: any) => c.overdue === true))
  const notOverdue = await admin.get(`/v1/enforcement-cases?gridUnitId=${grid.id}&overdue=false&limit=100`)
  t.same(ids(notOverdue), [fresh.id, oldDecided.id, oldClosed.id, oldDismissed.id].sort())
  t.ok(notOverdue.body.items.every((c: any) => c.overdue === false))
  const combined = await admin.get(`/v1/enforcement-cases?gridUnitId=${grid.id}&overdue=true&status=registered&status=legal_review&limit=100`)
  t.same(ids(combined), [oldRegistered.id, oldInReview.id].sort())

  const decided = await admin.patch(`/v1/enforcement-cases/${old.id}`, { status: 'decided', decision: { ...fine, decidedAt: daysAgo(1) } })
  t.equal(decided.status, 200)
  t.equal(decided.body.overdue, false, 'a decision ends the overdue state')
})

t.test('a case turns overdue as time passes, with no write', async (t) => {
  const record = await createCase(admin, community.id, { registeredAt: daysAgo(89) })
  t.equal(record.overdue, false)
  const before = await admin.get(`/v1/enforcement-cases?gridUnitId=${community.id}&overdue=true`)
  t.same(ids(before), [])
  // Two days pass: moving the stored instant back is the same as moving the clock forward.
  await database.db.execute(sql`UPDATE enforcement_cases SET registered_at = registered_at - interval '2 days' WHERE id = ${record.id}`)
  const later = await admin.get(`/v1/enforcement-cases/${record.id}`)
  t.equal(later.body.overdue, true)
  t.equal(later.body.version, 1, 'nothing was written through the API')
  const after = await admin.get(`/v1/enforcement-cases?gridUnitId=${community.id}&overdue=true`)
  t.same(ids(after), [record.id])
})

t.test('lostOnReview: a review ended revoked, modified or confirmed unlawful', async (t) => {
  const review = (result: string) => ({ kind: 'reconsideration', filedAt: '2025-05-20T02:00:00.000Z', result, ...(result === 'pending' ? {} : { closedAt: '2025-07-20T02:00:00.000Z' }) })
  const expectations: [string, boolean][] = [
    ['pending', false], ['upheld', false], ['dismissed', false], ['withdrawn', false], ['settled', false],
    ['revoked', true], ['modified', true], ['confirmed_unlawful', true],
  ]
  for (const [result, lost] of expectations) {
    const record = await createCase(admin, otherTown.id, { ...closedFields, reviews: [review('upheld'), review(result)] })
    t.equal(record.lostOnReview, lost, `a review ${result}`)
  }
  const closed = await createCase(admin, otherGrid.id, closedFields)
  t.equal(closed.lostOnReview, false, 'no review')
  const lost = await admin.patch(`/v1/enforcement-cases/${closed.id}`, { reviews: [{ kind: 'litigation', filedAt: '2025-06-01T00:00:00Z', result: 'revoked', closedAt: '2025-12-01T00:00:00Z' }] })
  t.equal(lost.status, 200)
  t.equal(lost.body.lostOnReview, true)
  t.equal((await admin.get(`/v1/enforcement-cases/${closed.id}`)).body.lostOnReview, true)
})

t.test('read-only fields cannot be patched; lostOnReview is no filter', async (t) => {
  const record = await createCase(admin, grid.id)
  for (const body of [{ overdue: false }, { lostOnReview: true }, { version: 5 }, { id: record.id }, { createdAt: '2025-01-01T00:00:00Z' }]) {
    const res = await admin.patch(`/v1/enforcement-cases/${record.id}`, body)
    assertProblem(t, res, 400, 'validation-error', `patching ${Object.keys(body)[0]}`)
    t.equal(res.body.errors[0].pointer, `/${Object.keys(body)[0]}`)
  }
  assertProblem(t, await admin.get('/v1/enforcement-cases?overdue=sometimes'), 400, 'validation-error')
  assertProblem(t, await admin.get('/v1/enforcement-cases?lostOnReview=true'), 400, 'validation-error')
})
