import t, { type Test } from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { discussion, insertCase, insertDecision, insertDispute, insertEvent, review } from './fixtures/records.js'

// A year is reckoned in China Standard Time: 31 December 23:30 (UTC+8) is still that year,
// 1 January 00:30 (UTC+8) already the next, although both fall on 31 December in UTC.
const lateOn31December = '2024-12-31T23:30:00+08:00'
const earlyOn1January = '2025-01-01T00:30:00+08:00'

const { admin, database } = await buildTestApp(t)
const db = database.db
const { town } = await createCounty(admin)

const figures = async (t: Test, year: number) => {
  const res = await admin.get(`/v1/statistics?year=${year}&gridUnitId=${town.id}`)
  t.equal(res.status, 200)
  return res.body
}

await insertDispute(db, town.id, lateOn31December)
await insertDispute(db, town.id, earlyOn1January)
await insertDispute(db, town.id, earlyOn1January)
await insertCase(db, town.id, lateOn31December)
await insertCase(db, town.id, earlyOn1January, { reviews: [{ kind: 'reconsideration', filedAt: lateOn31December, result: 'revoked', closedAt: earlyOn1January }] })
await insertEvent(db, town.id, lateOn31December, { attendance: 10 })
await insertEvent(db, town.id, earlyOn1January, { attendance: 100 })
await insertDecision(db, town.id, lateOn31December, {
  status: 'adopted',
  legalityReview: review('lawful', new Date(lateOn31December).toISOString()),
  collectiveDiscussion: discussion(new Date(earlyOn1January).toISOString()),
})

t.test('records on 31 December 23:30 (UTC+8) count in that year', async (t) => {
  const s = await figures(t, 2024)
  t.equal(s.disputes.total, 1, 'dispute by reportedAt')
  t.equal(s.enforcement.registered, 1, 'case by registeredAt')
  t.equal(s.enforcement.reconsiderations, 1, 'review by filedAt, whatever the case’s year')
  t.equal(s.enforcement.lost, 0, 'lost by closedAt, which fell in the next year')
  t.equal(s.legalEducation.events, 1, 'event by startsAt')
  t.equal(s.legalEducation.attendance, 10)
  t.equal(s.decisions.total, 1, 'decision by proposedAt')
  t.equal(s.decisions.legalityReviewed, 1, 'legality review by completedAt')
  t.equal(s.decisions.adopted, 0, 'adoption by heldAt, which fell in the next year')
})

t.test('records on 1 January 00:30 (UTC+8) count in the next year', async (t) => {
  const s = await figures(t, 2025)
  t.equal(s.disputes.total, 2)
  t.equal(s.enforcement.registered, 1)
  t.equal(s.enforcement.reconsiderations, 0)
  t.equal(s.enforcement.lost, 1, 'the review closed on 1 January counts as lost in that year')
  t.equal(s.legalEducation.events, 1)
  t.equal(s.legalEducation.attendance, 100)
  t.equal(s.decisions.total, 0)
  t.equal(s.decisions.legalityReviewed, 0)
  t.equal(s.decisions.adopted, 1)
})

t.test('a year with no records answers zeros', async (t) => {
  const s = await figures(t, 2023)
  t.equal(s.year, 2023)
  t.equal(s.disputes.total, 0)
  t.equal(s.enforcement.registered, 0)
  t.equal(s.legalEducation.events, 0)
  t.equal(s.decisions.total, 0)
})
