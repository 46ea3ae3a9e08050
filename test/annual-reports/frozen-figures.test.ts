import t from 'tap'
import { createDispute } from '../disputes/fixtures.js'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createEvent, eventsUrl } from '../legal-education-events/fixtures/events.js'
import { createReport, getReport, patchReport, reportsUrl } from './fixtures.js'

// API.md §5: a report's `figures` are its unit's statistics of its year, live while it is a draft and
// frozen at the moment of submission — a filed report never changes because a record was added,
// edited or deleted afterwards. Returned for revision, the figures are live again.

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)
const statisticsOf = async (unitId: string, year = 2025) => (await admin.get(`/v1/statistics?year=${year}&gridUnitId=${unitId}`)).body

/** The report's figures as get, list and the Markdown document each show them. */
async function seen(id: string, unitId: string) {
  const got = await getReport(admin, id)
  const listed = (await admin.get(`${reportsUrl}?gridUnitId=${unitId}&limit=100`)).body.items.find((r: { id: string }) => r.id === id)
  const document = (await admin.get(`${reportsUrl}/${id}/document`, { accept: 'text/markdown' })).text
  return { got: got.figures, listed: listed?.figures, document }
}

t.test('a draft’s figures follow the records as they change', async (t) => {
  const { village, grid } = c
  const report = await createReport(admin, c.town.id)
  t.equal(report.figures.disputes.total, 0, 'a unit with no records has zeros')
  t.same(report.figures, await statisticsOf(c.town.id), 'the figures are the unit’s statistics of the year')
  t.same(report.figures.gridUnit, { id: c.town.id, name: '团结镇', level: 'town' })

  const dispute = await createDispute(admin, grid.id)
  const event = await createEvent(admin, village.id, { attendance: 120, materialsDistributed: 300 })
  let now = await seen(report.id, c.town.id)
  t.equal(now.got.disputes.total, 1, 'get: a dispute added meanwhile counts')
  t.equal(now.listed.disputes.total, 1, 'list: the same')
  t.equal(now.got.legalEducation.attendance, 120, 'get: an event added meanwhile counts')
  t.match(now.document, /受教育群众120人次/, 'the document is written from the live figures')

  await admin.patch(`${eventsUrl}/${event.id}`, { attendance: 150 })
  await admin.patch(`/v1/disputes/${dispute.id}`, { reportedAt: '2024-12-01T00:00:00Z' })
  now = await seen(report.id, c.town.id)
  t.equal(now.got.legalEducation.attendance, 150, 'an edit shows at once')
  t.equal(now.got.disputes.total, 0, 'a dispute moved to another year leaves the figures')
  t.equal(now.listed.legalEducation.attendance, 150)
  t.match(now.document, /受教育群众150人次/)
  t.equal((await getReport(admin, report.id)).version, 1, 'the report itself did not change')
})

t.test('after submission nothing done to the unit’s records changes the filed figures', async (t) => {
  const unit = c.otherTown
  const dispute = await createDispute(admin, c.otherGrid.id)
  const event = await createEvent(admin, c.otherGrid.id, { attendance: 80, materialsDistributed: 200 })
  const report = await createReport(admin, unit.id, { issuer: '陕坝镇人民政府' })
  const submitted = await patchReport(admin, report.id, { status: 'submitted' })
  const filed = submitted.figures
  t.equal(filed.disputes.total, 1)
  t.equal(filed.legalEducation.attendance, 80)
  t.same(filed, await statisticsOf(unit.id), 'frozen as they were at the moment of submission')

  const before = await seen(report.id, unit.id)
  t.same(before.got, filed)
  t.same(before.listed, filed)

  // Add, edit and delete records of that unit and year, of both kinds.
  await createDispute(admin, c.otherGrid.id, { title: '提交后登记的纠纷' })
  await createEvent(admin, c.otherGrid.id, { title: '提交后开展的活动', attendance: 500 })
  t.equal((await admin.patch(`${eventsUrl}/${event.id}`, { attendance: 90, materialsDistributed: 250 })).status, 200)
  t.equal((await admin.patch(`/v1/disputes/${dispute.id}`, { category: 'labor' })).status, 200)
  t.equal((await admin.delete(`/v1/disputes/${dispute.id}`)).status, 204)

  const live = await statisticsOf(unit.id)
  t.equal(live.disputes.total, 1, 'GET /v1/statistics does change: one added, one deleted')
  t.equal(live.disputes.byCategory.land, 1)
  t.equal(live.legalEducation.attendance, 590, 'GET /v1/statistics sees the new event and the edit')

  const after = await seen(report.id, unit.id)
  t.same(after.got, filed, 'get: the filed figures')
  t.same(after.listed, filed, 'list: the filed figures')
  t.same(after.document, before.document, 'the document is the same text')
  t.match(after.document, /受教育群众80人次/)
  t.notMatch(after.document, /受教育群众590人次/)

  const published = await patchReport(admin, report.id, { status: 'published', publishedAt: '2026-03-20T02:00:00Z' })
  t.same(published.figures, filed, 'publishing keeps the filed figures')
  await createEvent(admin, c.otherGrid.id, { title: '公开后开展的活动', attendance: 7 })
  t.same((await getReport(admin, report.id)).figures, filed, 'and a published report keeps them too')
})

t.test('returned to draft the figures are live again; re-submitted they freeze anew', async (t) => {
  const unit = await createCounty(admin)
  const report = await createReport(admin, unit.town.id, { year: 2025, status: 'submitted' })
  t.equal(report.figures.legalEducation.events, 0)
  await createEvent(admin, unit.village.id, { attendance: 33 })
  t.equal((await getReport(admin, report.id)).figures.legalEducation.events, 0, 'still frozen')

  const returned = await patchReport(admin, report.id, { status: 'draft' })
  t.equal(returned.figures.legalEducation.events, 1, 'returned: live again, the event counts')
  await createEvent(admin, unit.village.id, { attendance: 44 })
  t.equal((await getReport(admin, report.id)).figures.legalEducation.attendance, 77, 'and keeps following the records')

  const again = await patchReport(admin, report.id, { status: 'submitted' })
  t.equal(again.figures.legalEducation.attendance, 77, 're-submitted: frozen as of the new submission')
  await createEvent(admin, unit.village.id, { attendance: 1000 })
  t.equal((await getReport(admin, report.id)).figures.legalEducation.attendance, 77, 'frozen anew')
  t.equal((await statisticsOf(unit.town.id)).legalEducation.attendance, 1077)
})

t.test('the filed figures are those of the report’s own unit and year only', async (t) => {
  const unit = await createCounty(admin)
  await createEvent(admin, unit.village.id, { startsAt: '2024-06-01T02:00:00Z', attendance: 10 })
  await createEvent(admin, unit.otherGrid.id, { attendance: 20 })
  const report = await createReport(admin, unit.town.id, { status: 'submitted' })
  t.equal(report.figures.legalEducation.events, 0, 'another year and another town do not count')
  const county = await createReport(admin, unit.county.id, { status: 'submitted' })
  t.equal(county.figures.legalEducation.events, 1, 'the county’s report covers its whole subtree')
  t.same(county.figures.gridUnit, { id: unit.county.id, name: '杭锦后旗', level: 'county' })
})
