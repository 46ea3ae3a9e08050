import t from 'tap'
import { eq } from 'drizzle-orm'
import { decisions, disputes, enforcementCases, legalEducationEvents } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { insertCase, insertDecision, insertDispute, insertEvent } from './fixtures/records.js'

const { admin, database } = await buildTestApp(t)
const db = database.db
const c = await createCounty(admin)
const when = '2025-05-01T09:00:00+08:00'

async function figures(unitId: string) {
  const res = await admin.get(`/v1/statistics?year=2025&gridUnitId=${unitId}`)
  if (res.status !== 200) throw new Error(`statistics answered ${res.status}: ${res.text}`)
  return res.body
}

// One dispute on every level of 团结镇 and one in 陕坝镇.
for (const unit of [c.town, c.village, c.grid, c.community, c.otherGrid]) await insertDispute(db, unit.id, when)

t.test('a unit’s figures roll up every unit below it, and nothing beside it', async (t) => {
  t.equal((await figures(c.county.id)).disputes.total, 5, 'the county sees both towns')
  t.equal((await figures(c.town.id)).disputes.total, 4, 'the town sees itself, its village, grid and community')
  t.equal((await figures(c.village.id)).disputes.total, 2, 'the village sees itself and its grid')
  t.equal((await figures(c.grid.id)).disputes.total, 1)
  t.equal((await figures(c.otherTown.id)).disputes.total, 1, 'the other town sees only its own')
})

t.test('the answer names the unit it covers', async (t) => {
  const s = await figures(c.town.id)
  t.same(s.gridUnit, { id: c.town.id, name: '团结镇', level: 'town' })
  t.equal(s.year, 2025)
})

t.test('deleted records never count', async (t) => {
  const { town } = await createCounty(admin)
  const deletedAt = new Date()
  const gone = [
    [disputes, await insertDispute(db, town.id, when, { status: 'resolved' })],
    [enforcementCases, await insertCase(db, town.id, when, { reviews: [{ kind: 'litigation', filedAt: '2025-06-01T02:00:00.000Z', result: 'revoked', closedAt: '2025-07-01T02:00:00.000Z' }] })],
    [legalEducationEvents, await insertEvent(db, town.id, when, { attendance: 500 })],
    [decisions, await insertDecision(db, town.id, when, { legalityReview: { reviewer: '司法所', conclusion: 'lawful', completedAt: '2025-06-01T02:00:00.000Z' } })],
  ] as const
  await insertDispute(db, town.id, when)
  for (const [table, row] of gone) await db.update(table).set({ deletedAt }).where(eq(table.id, row.id))

  const s = await figures(town.id)
  t.match(s.disputes, { total: 1, resolved: 0 })
  t.match(s.enforcement, { registered: 0, litigations: 0, lost: 0 })
  t.match(s.legalEducation, { events: 0, attendance: 0 })
  t.match(s.decisions, { total: 0, legalityReviewed: 0 })
})

