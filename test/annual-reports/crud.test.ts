import t from 'tap'
import { createEvent } from '../legal-education-events/fixtures/events.js'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport, reportBody, reportsUrl } from './fixtures.js'

// The record conventions of API.md §1 on an annual report: 201 with Location and ETag, the default
// title left to the document, If-None-Match, If-Match, soft delete.

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)

t.test('create answers 201 with Location, ETag and the read-only fields', async (t) => {
  const res = await admin.post(reportsUrl, reportBody(c.town.id))
  t.equal(res.status, 201)
  t.equal(res.headers.location, `${reportsUrl}/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.match(res.body, { gridUnitId: c.town.id, year: 2025, status: 'draft', version: 1, addressee: '旗委全面依法治旗委员会办公室', issuer: '团结镇人民政府' })
  t.equal(res.body.title, undefined, 'no title stored when none was given (the document writes the default)')
  t.equal(res.body.dueAt, '2026-02-28T16:00:00.000Z')
  t.type(res.body.late, 'boolean')
  t.equal(res.body.figures.year, 2025)
  const got = await admin.get(res.headers.location as string)
  t.equal(got.status, 200)
  t.same(got.body, res.body, 'read back as created')
})

t.test('a submitted report answers 304 to its ETag; a draft never does, its figures follow other records', async (t) => {
  const filed = await createReport(admin, c.otherTown.id, { status: 'submitted' })
  t.equal((await admin.get(`${reportsUrl}/${filed.id}`, { 'if-none-match': '"1"' })).status, 304, 'filed: the version says it all')

  const draft = await createReport(admin, c.village.id)
  await createEvent(admin, c.grid.id, { attendance: 12 })
  const again = await admin.get(`${reportsUrl}/${draft.id}`, { 'if-none-match': '"1"' })
  t.equal(again.status, 200, 'a draft with the same version has new figures: it is answered whole')
  t.equal(again.headers.etag, '"1"', 'its ETag is still its version (If-Match compares versions)')
  t.equal(again.body.figures.legalEducation.attendance, 12)
})

t.test('If-Match on a change and on a delete', async (t) => {
  const report = await createReport(admin, c.town.id, { year: 2024 })
  assertProblem(t, await admin.patch(`${reportsUrl}/${report.id}`, { issuer: '团结镇党委' }, { 'if-match': '"7"' }), 412, 'precondition-failed')
  const changed = await admin.patch(`${reportsUrl}/${report.id}`, { issuer: '团结镇党委', title: '团结镇2024年法治政府建设工作报告' }, { 'if-match': '"1"' })
  t.equal(changed.status, 200)
  t.equal(changed.headers.etag, '"2"')
  t.equal(changed.body.title, '团结镇2024年法治政府建设工作报告')
  const cleared = await admin.patch(`${reportsUrl}/${report.id}`, { title: null }, { 'content-type': 'application/merge-patch+json' })
  t.equal(cleared.body.title, undefined, 'null clears the title')
  t.equal(cleared.body.version, 3)
  assertProblem(t, await admin.delete(`${reportsUrl}/${report.id}`, { 'if-match': '"2"' }), 412, 'precondition-failed')
  t.equal((await admin.delete(`${reportsUrl}/${report.id}`, { 'if-match': '"3"' })).status, 204)
  assertProblem(t, await admin.get(`${reportsUrl}/${report.id}`), 404, 'not-found')
  assertProblem(t, await admin.patch(`${reportsUrl}/${report.id}`, { issuer: 'x' }), 404, 'not-found')
  assertProblem(t, await admin.delete(`${reportsUrl}/${report.id}`), 404, 'not-found')
})

t.test('a filed report may be deleted (withdrawn); the unit it names must exist', async (t) => {
  const report = await createReport(admin, c.community.id, { status: 'submitted' })
  t.equal((await admin.delete(`${reportsUrl}/${report.id}`)).status, 204)
  const res = await admin.post(reportsUrl, reportBody('00000000-0000-4000-8000-000000000000'))
  assertProblem(t, res, 409, 'rule-violation')
  t.equal(res.body.violations[0].rule, 'grid-unit-exists')
  assertProblem(t, await admin.get(`${reportsUrl}/not-a-uuid`), 400, 'validation-error')
})

t.test('a unit with a report cannot be deleted', async (t) => {
  const unit = await createCounty(admin)
  await createReport(admin, unit.otherGrid.id)
  const res = await admin.delete(`/v1/grid-units/${unit.otherGrid.id}`)
  assertProblem(t, res, 409, 'rule-violation')
  t.equal(res.body.violations[0].rule, 'grid-unit-in-use')
})
