import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { FIRST_OF_2026, LAST_OF_2025, remove } from './fixtures/ledgers.js'
import { insertCase, insertDecision } from './fixtures/records.js'

// 公开 and 行政执法公示: decisions and cases of the year (by proposedAt, registeredAt) with a publishedAt,
// whenever that publication was.

const { admin, database } = await buildTestApp(t)
const db = database.db

async function figures(unitId: string, year: number) {
  const res = await admin.get(`/v1/statistics?year=${year}&gridUnitId=${unitId}`)
  if (res.status !== 200) throw new Error(`statistics answered ${res.status}: ${res.text}`)
  return res.body
}

const at = (value: string) => new Date(value)

t.test('decisions.published: decisions of the year with a publishedAt', async (t) => {
  const { town, village, otherTown } = await createCounty(admin)
  await insertDecision(db, village.id, '2025-03-01T09:00:00+08:00', { publishedAt: at('2025-03-20T02:00:00.000Z') })
  // Proposed in the last half hour of 2025, published in 2026: a publication of a 2025 decision.
  await insertDecision(db, town.id, LAST_OF_2025, { publishedAt: at('2026-01-05T02:00:00.000Z') })
  await insertDecision(db, town.id, '2025-05-01T09:00:00+08:00')
  await insertDecision(db, town.id, FIRST_OF_2026, { publishedAt: at('2026-02-01T02:00:00.000Z') })
  // Proposed in 2024, published in 2025: it counts in 2024.
  await insertDecision(db, town.id, '2024-11-01T09:00:00+08:00', { publishedAt: at('2025-01-10T02:00:00.000Z') })
  const deleted = await insertDecision(db, town.id, '2025-06-01T09:00:00+08:00', { publishedAt: at('2025-06-10T02:00:00.000Z') })
  await remove(admin, '/v1/decisions', deleted.id)
  await insertDecision(db, otherTown.id, '2025-06-01T09:00:00+08:00', { publishedAt: at('2025-06-10T02:00:00.000Z') })

  t.match((await figures(town.id, 2025)).decisions, { total: 3, published: 2 })
  t.match((await figures(village.id, 2025)).decisions, { total: 1, published: 1 })
  t.match((await figures(town.id, 2026)).decisions, { total: 1, published: 1 })
  t.match((await figures(town.id, 2024)).decisions, { total: 1, published: 1 })
  t.match((await figures(otherTown.id, 2025)).decisions, { total: 1, published: 1 })
})

t.test('enforcement.published: cases of the year with a publishedAt', async (t) => {
  const { town, grid, otherTown } = await createCounty(admin)
  await insertCase(db, grid.id, '2025-03-01T09:00:00+08:00', { status: 'decided', publishedAt: at('2025-04-01T02:00:00.000Z') })
  await insertCase(db, town.id, LAST_OF_2025, { status: 'decided', publishedAt: at('2026-01-10T02:00:00.000Z') })
  await insertCase(db, town.id, '2025-05-01T09:00:00+08:00', { status: 'decided' })
  await insertCase(db, town.id, FIRST_OF_2026, { status: 'decided', publishedAt: at('2026-02-01T02:00:00.000Z') })
  await insertCase(db, town.id, '2024-12-01T09:00:00+08:00', { status: 'decided', publishedAt: at('2025-01-10T02:00:00.000Z') })
  const deleted = await insertCase(db, town.id, '2025-06-01T09:00:00+08:00', { status: 'decided', publishedAt: at('2025-06-10T02:00:00.000Z') })
  await remove(admin, '/v1/enforcement-cases', deleted.id)
  await insertCase(db, otherTown.id, '2025-06-01T09:00:00+08:00', { status: 'decided', publishedAt: at('2025-06-10T02:00:00.000Z') })

  t.match((await figures(town.id, 2025)).enforcement, { registered: 3, published: 2 })
  t.match((await figures(grid.id, 2025)).enforcement, { registered: 1, published: 1 })
  t.match((await figures(town.id, 2026)).enforcement, { registered: 1, published: 1 })
  t.match((await figures(town.id, 2024)).enforcement, { registered: 1, published: 1 })
  t.match((await figures(otherTown.id, 2025)).enforcement, { registered: 1, published: 1 })
})
