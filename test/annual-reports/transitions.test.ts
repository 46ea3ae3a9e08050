import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport, getReport, patchReport, reportBody, reportsUrl, rulesOf } from './fixtures.js'

// The status graph of API.md §5: draft → submitted → published, submitted → draft (returned for
// revision); published is final. `submittedAt` is the service's when none is given, and goes when
// the report is returned.

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)
let year = 2010
const publishedAt = '2026-03-20T02:00:00.000Z'

/** A report moved through `path` from a new draft; the record at the end. */
async function reportAt(path: string[]) {
  let report = await createReport(admin, c.town.id, { year: year++ })
  for (const status of path) report = await patchReport(admin, report.id, { status, ...(status === 'published' ? { publishedAt } : {}) })
  return report
}

t.test('every allowed move', async (t) => {
  const before = Date.now()
  const submitted = await reportAt(['submitted'])
  t.equal(submitted.status, 'submitted', 'draft → submitted')
  t.ok(Date.parse(submitted.submittedAt!) >= before - 1000 && Date.parse(submitted.submittedAt!) <= Date.now() + 1000, 'submittedAt stamped with the time of the request')
  t.equal(submitted.version, 2)

  const published = await patchReport(admin, submitted.id, { status: 'published', publishedAt })
  t.equal(published.status, 'published', 'submitted → published')
  t.equal(published.submittedAt, submitted.submittedAt, 'publishing keeps the submission date')
  t.equal(published.publishedAt, publishedAt)

  const returned = await reportAt(['submitted', 'draft'])
  t.equal(returned.status, 'draft', 'submitted → draft')
  t.equal(returned.submittedAt, undefined, 'a returned report has no submission date')
  const revised = await patchReport(admin, returned.id, { narrative: { nextSteps: ['修改后的下一步工作。'] } })
  t.same((revised.narrative as any).nextSteps, ['修改后的下一步工作。'], 'a returned report can be revised again')
  const again = await patchReport(admin, returned.id, { status: 'submitted' })
  t.type(again.submittedAt, 'string', 're-submitted, it is stamped anew')
})

t.test('a submission keeps the submittedAt it was given', async (t) => {
  const report = await createReport(admin, c.town.id, { year: year++ })
  const submitted = await patchReport(admin, report.id, { status: 'submitted', submittedAt: '2026-02-20T10:00:00+08:00' })
  t.equal(submitted.submittedAt, '2026-02-20T02:00:00.000Z')
})

t.test('every refused move', async (t) => {
  const refused: [string[], string][] = [
    [[], 'published'],
    [['submitted', 'published'], 'draft'],
    [['submitted', 'published'], 'submitted'],
  ]
  for (const [path, to] of refused) {
    const report = await reportAt(path)
    const res = await admin.patch(`${reportsUrl}/${report.id}`, { status: to, ...(to === 'published' ? { publishedAt } : {}) })
    const from = path.at(-1) ?? 'draft'
    assertProblem(t, res, 409, 'rule-violation', `${from} → ${to}`)
    t.ok(rulesOf(res).includes('status-transition'), `${from} → ${to}: status-transition`)
    t.equal((await getReport(admin, report.id)).status, from, 'the status stays')
  }
})

t.test('created straight into submitted', async (t) => {
  const before = Date.now()
  const res = await admin.post(reportsUrl, reportBody(c.town.id, { year: year++, status: 'submitted' }))
  t.equal(res.status, 201, 'a complete report')
  t.equal(res.body.status, 'submitted')
  t.ok(Date.parse(res.body.submittedAt) >= before - 1000, 'submittedAt stamped by the service')
  t.not(res.body.figures, null, 'its figures are frozen at once')

  const given = await admin.post(reportsUrl, reportBody(c.town.id, { year: year++, status: 'submitted', submittedAt: '2026-02-20T02:00:00Z' }))
  t.equal(given.body.submittedAt, '2026-02-20T02:00:00.000Z', 'another system’s submission date is kept')

  const incomplete = await admin.post(reportsUrl, reportBody(c.town.id, { year: year++, status: 'submitted', narrative: { shortcomings: ['问题'], nextSteps: [] } }))
  assertProblem(t, incomplete, 409, 'rule-violation')
  t.same(rulesOf(incomplete), ['narrative-complete'])
})

t.test('a draft is the default', async (t) => {
  const report = await createReport(admin, c.town.id, { year: year++ })
  t.equal(report.status, 'draft')
  t.equal(report.submittedAt, undefined)
  t.equal(report.version, 1)
})
