import t from 'tap'
import type { components } from '../../sdk/schema.js'
import type { Client } from '../helpers/app.js'
import { buildTestApp } from '../helpers/app.js'
import { createCounty, createGridUnit } from '../helpers/factories.js'
import { FIRST_OF_2026, LAST_OF_2025, remove } from './fixtures/ledgers.js'

// 五、坚持法治为民: disputes overdue after 30 days, petition backlogs by the year they were resolved,
// and the 法治阵地 of the subtree with those established in the year.

const { admin } = await buildTestApp(t)

async function figures(unitId: string, year: number) {
  const res = await admin.get(`/v1/statistics?year=${year}&gridUnitId=${unitId}`)
  if (res.status !== 200) throw new Error(`statistics answered ${res.status}: ${res.text}`)
  return res.body
}

let counter = 0
async function createDispute(api: Client, gridUnitId: string, reportedAt: string, fields: Record<string, unknown> = {}) {
  const res = await api.post('/v1/disputes', {
    gridUnitId,
    title: `矛盾纠纷${++counter}`,
    category: 'neighborhood',
    source: 'grid_inspection',
    parties: [{ name: '张三', role: 'applicant' }],
    reportedAt,
    ...fields,
  })
  if (res.status !== 201) throw new Error(`dispute not created: ${res.status} ${res.text}`)
  return res.body as { id: string }
}
const resolvedAt = (at: string) => ({ status: 'resolved', resolution: { method: 'people_mediation', summary: '达成调解协议', agreementReached: true, resolvedAt: at } })
const backlog = { isPetitionBacklog: true, source: 'petition' }
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)
const chinaYear = (instant: Date) => Number(new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 4))

t.test('disputes.overdue: the open disputes of the year, 30 days after their report', async (t) => {
  const { town, village, otherTown } = await createCounty(admin)
  await createDispute(admin, village.id, '2025-02-01T09:00:00+08:00')
  await createDispute(admin, town.id, '2025-02-02T09:00:00+08:00', { status: 'mediating' })
  await createDispute(admin, town.id, LAST_OF_2025, { status: 'escalated' })
  // Final, however old: neither open nor overdue.
  await createDispute(admin, town.id, '2025-02-03T09:00:00+08:00', resolvedAt('2025-03-01T02:00:00.000Z'))
  await createDispute(admin, town.id, '2025-02-04T09:00:00+08:00', { status: 'unresolved' })
  await createDispute(admin, town.id, FIRST_OF_2026)
  const deleted = await createDispute(admin, town.id, '2025-02-05T09:00:00+08:00')
  await remove(admin, '/v1/disputes', deleted.id)
  await createDispute(admin, otherTown.id, '2025-02-06T09:00:00+08:00')

  t.match((await figures(town.id, 2025)).disputes, { total: 5, resolved: 1, open: 3, overdue: 3 })
  t.match((await figures(village.id, 2025)).disputes, { total: 1, open: 1, overdue: 1 })
  t.match((await figures(town.id, 2026)).disputes, { total: 1, open: 1, overdue: 1 })
  t.match((await figures(otherTown.id, 2025)).disputes, { total: 1, open: 1, overdue: 1 })

  // Open 29 days: not overdue yet; open 31 days: overdue. Each in a unit of its own, as the two may
  // fall in different years.
  const fresh = await createCounty(admin)
  const recent = daysAgo(29)
  const old = daysAgo(31)
  await createDispute(admin, fresh.village.id, recent.toISOString(), { status: 'mediating' })
  await createDispute(admin, fresh.community.id, old.toISOString(), { status: 'mediating' })
  t.match((await figures(fresh.village.id, chinaYear(recent))).disputes, { total: 1, open: 1, overdue: 0 })
  t.match((await figures(fresh.community.id, chinaYear(old))).disputes, { total: 1, open: 1, overdue: 1 })
})

t.test('petitionBacklogResolved: backlogs resolved in the year, whenever they were reported', async (t) => {
  const { town, village, otherTown } = await createCounty(admin)
  // Reported in 2023, resolved in 2025: a 2025 figure.
  await createDispute(admin, village.id, '2023-05-01T09:00:00+08:00', { ...backlog, ...resolvedAt('2025-06-01T09:00:00+08:00') })
  // Resolved in the last half hour of 2025, written with its offset (the API stores it in UTC).
  await createDispute(admin, town.id, '2025-02-01T09:00:00+08:00', { ...backlog, ...resolvedAt(LAST_OF_2025) })
  await createDispute(admin, town.id, '2025-03-01T09:00:00+08:00', { ...backlog, ...resolvedAt(FIRST_OF_2026) })
  await createDispute(admin, town.id, '2024-01-01T09:00:00+08:00', { ...backlog, status: 'mediating' })
  // Resolved in 2025 but no backlog.
  await createDispute(admin, town.id, '2023-06-01T09:00:00+08:00', resolvedAt('2025-06-01T09:00:00+08:00'))
  const deleted = await createDispute(admin, town.id, '2024-06-01T09:00:00+08:00', { ...backlog, ...resolvedAt('2025-06-01T09:00:00+08:00') })
  await remove(admin, '/v1/disputes', deleted.id)
  await createDispute(admin, otherTown.id, '2024-06-01T09:00:00+08:00', { ...backlog, ...resolvedAt('2025-06-01T09:00:00+08:00') })

  t.match((await figures(town.id, 2025)).disputes, { total: 2, petitionBacklogResolved: 2 })
  t.match((await figures(village.id, 2025)).disputes, { total: 0, petitionBacklogResolved: 1 })
  t.match((await figures(town.id, 2026)).disputes, { total: 0, petitionBacklogResolved: 1 })
  t.match((await figures(town.id, 2023)).disputes, { total: 2, petitionBacklogResolved: 0 })
  t.match((await figures(otherTown.id, 2025)).disputes, { total: 0, petitionBacklogResolved: 1 })
})

const none = { rule_of_law_square: 0, legal_service_window: 0, mediation_room: 0, legal_library: 0, other: 0 }
const facility = (kind: components['schemas']['GridFacility']['kind'], establishedOn: string) => ({ kind, name: `法治阵地${++counter}`, establishedOn })

t.test('gridUnits.facilities as of now by kind; facilitiesEstablished by the year of establishedOn', async (t) => {
  const { town, village, grid, community, otherTown } = await createCounty(admin)
  const patch = async (id: string, facilities: object[]) => t.equal((await admin.patch(`/v1/grid-units/${id}`, { facilities })).status, 200)
  await patch(town.id, [facility('legal_service_window', '2019-05-10')])
  await patch(village.id, [facility('rule_of_law_square', '2025-07-01'), facility('legal_library', '2025-12-31')])
  await patch(grid.id, [facility('mediation_room', '2026-01-01'), facility('other', '2025-01-01')])
  await patch(community.id, [facility('mediation_room', '2024-12-31')])
  const gone = await createGridUnit(admin, { name: '新华社区二网格', level: 'grid', parentId: community.id, facilities: [facility('rule_of_law_square', '2025-03-01')] })
  t.equal((await admin.delete(`/v1/grid-units/${gone.id}`)).status, 204)
  await patch(otherTown.id, [facility('rule_of_law_square', '2025-05-01')])

  const all = { rule_of_law_square: 1, legal_service_window: 1, mediation_room: 2, legal_library: 1, other: 1 }
  const s = (await figures(town.id, 2025)).gridUnits
  t.same(s.facilities, all)
  t.same(s.facilitiesEstablished, { ...none, rule_of_law_square: 1, legal_library: 1, other: 1 })
  t.same(Object.keys(s.facilitiesEstablished), Object.keys(none), 'every kind, in the order of the enum')
  const later = (await figures(town.id, 2026)).gridUnits
  t.same(later.facilities, all, 'the facilities are today’s, in any year')
  t.same(later.facilitiesEstablished, { ...none, mediation_room: 1 })
  t.same((await figures(town.id, 2024)).gridUnits.facilitiesEstablished, { ...none, mediation_room: 1 })
  t.same((await figures(town.id, 2019)).gridUnits.facilitiesEstablished, { ...none, legal_service_window: 1 })
  const v = (await figures(village.id, 2025)).gridUnits
  t.same(v.facilities, { ...none, rule_of_law_square: 1, mediation_room: 1, legal_library: 1, other: 1 })
  t.same(v.facilitiesEstablished, { ...none, rule_of_law_square: 1, legal_library: 1, other: 1 })
  t.same((await figures(otherTown.id, 2025)).gridUnits, { grids: 1, gridWorkers: 0, legalLiterates: 0, villagesAndCommunities: 0, withLegalAdviser: 0, legalAdviserCoverage: null, facilities: { ...none, rule_of_law_square: 1 }, facilitiesEstablished: { ...none, rule_of_law_square: 1 } })
})
