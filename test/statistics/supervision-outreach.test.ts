import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { FIRST_OF_2026, LAST_OF_2025, createInspection, remove } from './fixtures/ledgers.js'
import { insertEvent } from './fixtures/records.js'

// 三、严格规范执法 and 四、深化普法宣传: inspections by startedAt, outreach and officers' training by startsAt.

const { admin, database } = await buildTestApp(t)
const db = database.db

async function figures(unitId: string, year: number) {
  const res = await admin.get(`/v1/statistics?year=${year}&gridUnitId=${unitId}`)
  if (res.status !== 200) throw new Error(`statistics answered ${res.status}: ${res.text}`)
  return res.body
}

const finding = (rectifiedAt?: string) => ({ description: '案卷缺少送达回证', ...(rectifiedAt ? { rectifiedAt } : {}) })
const noInspections = { specialInspections: 0, caseFileReviews: 0, selfInspections: 0, riskScreenings: 0, findings: 0, rectified: 0 }

t.test('supervision: inspections of the year by kind, their findings and those rectified', async (t) => {
  const { town, village, otherTown } = await createCounty(admin)
  await createInspection(admin, village.id, '2025-03-01T09:00:00+08:00', { status: 'in_progress', findings: [finding('2025-03-10T02:00:00.000Z'), finding()] })
  // Started in the last half hour of 2025, rectified in 2026: the finding and its rectification count in 2025.
  await createInspection(admin, town.id, LAST_OF_2025, { kind: 'case_file_review', status: 'rectifying', findings: [finding('2026-01-03T02:00:00.000Z')] })
  await createInspection(admin, town.id, '2025-05-01T09:00:00+08:00', { kind: 'self_inspection' })
  await createInspection(admin, town.id, '2025-06-01T09:00:00+08:00', { kind: 'risk_screening', status: 'rectifying', findings: [finding(), finding()] })
  await createInspection(admin, town.id, '2025-07-01T09:00:00+08:00', {
    status: 'closed',
    endedAt: '2025-07-20T09:00:00+08:00',
    findings: [finding('2025-07-10T02:00:00.000Z')],
  })
  await createInspection(admin, town.id, FIRST_OF_2026, { status: 'in_progress', findings: [finding()] })
  const deleted = await createInspection(admin, town.id, '2025-08-01T09:00:00+08:00', { kind: 'self_inspection', status: 'in_progress', findings: [finding()] })
  await remove(admin, '/v1/inspections', deleted.id)
  await createInspection(admin, otherTown.id, '2025-08-01T09:00:00+08:00', { kind: 'risk_screening', status: 'in_progress', findings: [finding('2025-08-02T02:00:00.000Z')] })

  t.same((await figures(town.id, 2025)).supervision, { specialInspections: 2, caseFileReviews: 1, selfInspections: 1, riskScreenings: 1, findings: 6, rectified: 3 })
  t.same((await figures(village.id, 2025)).supervision, { ...noInspections, specialInspections: 1, findings: 2, rectified: 1 })
  t.same((await figures(town.id, 2026)).supervision, { ...noInspections, specialInspections: 1, findings: 1 })
  t.same((await figures(otherTown.id, 2025)).supervision, { ...noInspections, riskScreenings: 1, findings: 1, rectified: 1 })
  t.same((await figures(town.id, 2024)).supervision, noInspections)
})

t.test('legal education: outreach is the village, community, school and enterprise events; officer trainings by audience and format', async (t) => {
  const { town, village, otherTown } = await createCounty(admin)
  await insertEvent(db, village.id, '2025-03-01T09:00:00+08:00', { venueType: 'village', materialsDistributed: 100, attendance: 200 })
  await insertEvent(db, town.id, LAST_OF_2025, { venueType: 'community', materialsDistributed: 50, attendance: 80 })
  await insertEvent(db, town.id, '2025-04-01T09:00:00+08:00', { venueType: 'school', audience: 'students', attendance: 300 })
  await insertEvent(db, town.id, '2025-05-01T09:00:00+08:00', { venueType: 'enterprise', audience: 'enterprise_staff', materialsDistributed: 30, attendance: 60 })
  // Not outreach: online and at the government's own offices.
  await insertEvent(db, town.id, '2025-06-01T09:00:00+08:00', { venueType: 'online', format: 'short_video', attendance: 500, mediaItems: 3 })
  await insertEvent(db, town.id, '2025-07-01T09:00:00+08:00', { venueType: 'government', format: 'training', audience: 'enforcement_officers', attendance: 40 })
  // A lecture for officers is no training; a training for cadres is a cadre training, not an officers' one.
  await insertEvent(db, town.id, '2025-08-01T09:00:00+08:00', { venueType: 'government', audience: 'enforcement_officers', attendance: 20 })
  await insertEvent(db, town.id, '2025-09-01T09:00:00+08:00', { venueType: 'government', format: 'training', audience: 'cadres', attendance: 30 })
  await insertEvent(db, town.id, FIRST_OF_2026, { venueType: 'government', format: 'training', audience: 'enforcement_officers', attendance: 25 })
  const deleted = await insertEvent(db, town.id, '2025-10-01T09:00:00+08:00', { venueType: 'village', materialsDistributed: 999, attendance: 999 })
  await remove(admin, '/v1/legal-education-events', deleted.id)
  await insertEvent(db, otherTown.id, '2025-10-01T09:00:00+08:00', { venueType: 'village', format: 'training', audience: 'enforcement_officers', materialsDistributed: 10, attendance: 10 })

  const l = (await figures(town.id, 2025)).legalEducation
  t.same(l.outreach, { events: 4, materialsDistributed: 180, attendance: 640 })
  t.match(l, { events: 8, materialsDistributed: 180, attendance: 1230, mediaItems: 3, cadreTrainings: 1, officerTrainings: 1, studySessions: 0 })
  t.same(l.byVenueType, { village: 1, school: 1, enterprise: 1, community: 1, government: 3, online: 1, other: 0 })
  const village2025 = (await figures(village.id, 2025)).legalEducation
  t.same(village2025.outreach, { events: 1, materialsDistributed: 100, attendance: 200 })
  t.equal(village2025.officerTrainings, 0)
  const next = (await figures(town.id, 2026)).legalEducation
  t.same(next.outreach, { events: 0, materialsDistributed: 0, attendance: 0 })
  t.match(next, { events: 1, officerTrainings: 1, cadreTrainings: 0 })
  const other = (await figures(otherTown.id, 2025)).legalEducation
  t.same(other.outreach, { events: 1, materialsDistributed: 10, attendance: 10 })
  t.equal(other.officerTrainings, 1)
})
