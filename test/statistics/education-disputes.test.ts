import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { insertDispute, insertEvent } from './fixtures/records.js'

const { admin, database } = await buildTestApp(t)
const db = database.db

async function figures(unitId: string, year: number) {
  const res = await admin.get(`/v1/statistics?year=${year}&gridUnitId=${unitId}`)
  if (res.status !== 200) throw new Error(`statistics answered ${res.status}: ${res.text}`)
  return res.body
}

t.test('legal education: events by venue (every venue listed), sums, cadre trainings and study sessions', async (t) => {
  const { town, village } = await createCounty(admin)
  await insertEvent(db, village.id, '2025-03-15T09:00:00+08:00', { venueType: 'village', materialsDistributed: 500, attendance: 800 })
  await insertEvent(db, town.id, '2025-04-15T09:00:00+08:00', { venueType: 'school', audience: 'students', materialsDistributed: 300, attendance: 1200 })
  await insertEvent(db, town.id, '2025-05-15T09:00:00+08:00', { venueType: 'online', format: 'short_video', audience: 'general_public', mediaItems: 6 })
  await insertEvent(db, town.id, '2025-06-15T09:00:00+08:00', { venueType: 'government', format: 'training', audience: 'cadres', attendance: 60 })
  // Training for villagers is no cadre training; a study session counts whatever its audience.
  await insertEvent(db, town.id, '2025-07-15T09:00:00+08:00', { venueType: 'village', format: 'training', audience: 'villagers', attendance: 40 })
  await insertEvent(db, town.id, '2025-08-15T09:00:00+08:00', { venueType: 'government', format: 'study_session', audience: 'cadres', attendance: 30 })
  await insertEvent(db, town.id, '2025-09-15T09:00:00+08:00', { venueType: 'government', format: 'study_session', audience: 'other' })

  const s = await figures(town.id, 2025)
  t.same(s.legalEducation, {
    events: 7,
    byVenueType: { village: 2, school: 1, enterprise: 0, community: 0, government: 3, online: 1, other: 0 },
    // 进乡村、进学校: the two village events (one a training) and the school one.
    outreach: { events: 3, materialsDistributed: 800, attendance: 2040 },
    materialsDistributed: 800,
    attendance: 2130,
    mediaItems: 6,
    cadreTrainings: 1,
    officerTrainings: 0,
    studySessions: 2,
  })
})

t.test('disputes: resolved, open (all reported in February, so long overdue), rate, categories (every category listed), petition backlog resolved', async (t) => {
  const { town, grid } = await createCounty(admin)
  const resolved = { status: 'resolved', resolution: { method: 'people_mediation', summary: '调解成功', agreementReached: true, resolvedAt: '2025-06-01T02:00:00.000Z' } }
  await insertDispute(db, grid.id, '2025-02-01T09:00:00+08:00', { category: 'land', ...resolved })
  await insertDispute(db, grid.id, '2025-02-02T09:00:00+08:00', { category: 'land', isPetitionBacklog: true, source: 'petition', ...resolved })
  await insertDispute(db, grid.id, '2025-02-03T09:00:00+08:00', { category: 'neighborhood', isPetitionBacklog: true, source: 'petition', status: 'mediating' })
  await insertDispute(db, town.id, '2025-02-04T09:00:00+08:00', { category: 'labor', status: 'reported' })
  await insertDispute(db, town.id, '2025-02-05T09:00:00+08:00', { category: 'labor', status: 'escalated' })
  await insertDispute(db, town.id, '2025-02-06T09:00:00+08:00', { category: 'other', status: 'unresolved' })

  const s = await figures(town.id, 2025)
  t.same(s.disputes, {
    total: 6,
    resolved: 2,
    resolutionRate: 2 / 6,
    open: 3,
    overdue: 3,
    byCategory: { land: 2, neighborhood: 1, marriage_family: 0, labor: 2, contract: 0, property_management: 0, damages: 0, village_affairs: 0, other: 1 },
    petitionBacklogResolved: 1,
  })
})

t.test('a year without disputes has a null resolution rate, not 0 or 1', async (t) => {
  const { town } = await createCounty(admin)
  const s = await figures(town.id, 2025)
  t.equal(s.disputes.total, 0)
  t.equal(s.disputes.resolutionRate, null)
  t.same(Object.keys(s.disputes.byCategory), ['land', 'neighborhood', 'marriage_family', 'labor', 'contract', 'property_management', 'damages', 'village_affairs', 'other'])
  t.ok(Object.values(s.disputes.byCategory).every((n) => n === 0))
  t.same(Object.values(s.legalEducation.byVenueType), [0, 0, 0, 0, 0, 0, 0])
  t.same(s.decisions.byConclusion, { lawful: 0, lawful_with_revisions: 0, unlawful: 0 })
})
