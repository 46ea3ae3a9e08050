import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport, getReport, narrative, patchReport, reportBody, reportsUrl, rulesOf } from './fixtures.js'

// The rules of API.md §5 "Annual reports", each pinned by its slug: narrative-complete,
// frozen-after-submission, publication-date. Each test uses a year of its own (one live report per
// unit and year).

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)

t.test('narrative-complete: a submitted report states a problem and a next step', async (t) => {
  const draft = await createReport(admin, c.town.id, { year: 2001, narrative: { shortcomings: [], nextSteps: [] } })
  t.equal(draft.status, 'draft', 'a draft may have neither')
  for (const [what, given] of [
    ['neither', { shortcomings: [], nextSteps: [] }],
    ['no next step', { shortcomings: ['问题'], nextSteps: [] }],
    ['no problem', { shortcomings: [], nextSteps: ['措施'] }],
  ] as const) {
    const res = await admin.patch(`${reportsUrl}/${draft.id}`, { status: 'submitted', narrative: given })
    assertProblem(t, res, 409, 'rule-violation', what)
    t.same(rulesOf(res), ['narrative-complete'], `${what}: narrative-complete`)
  }
  const unchanged = await getReport(admin, draft.id)
  t.equal(unchanged.version, 1, 'a refused submission changes nothing')
  t.equal(unchanged.status, 'draft')

  const done = await patchReport(admin, draft.id, { status: 'submitted', narrative: { shortcomings: ['问题'], nextSteps: ['措施'] } })
  t.equal(done.status, 'submitted', 'one paragraph of each is enough')
})

t.test('narrative-complete holds for a report created already submitted or published', async (t) => {
  for (const status of ['submitted', 'published']) {
    const res = await admin.post(reportsUrl, reportBody(c.town.id, { year: 2002, status, publishedAt: '2026-03-20T02:00:00Z', narrative: { shortcomings: ['问题'], nextSteps: [] } }))
    assertProblem(t, res, 409, 'rule-violation', status)
    t.same(rulesOf(res), ['narrative-complete'])
  }
})

t.test('frozen-after-submission: a filed report keeps its words', async (t) => {
  const report = await createReport(admin, c.town.id, { year: 2003, status: 'submitted' })
  const changes: Record<string, unknown>[] = [
    { title: '另一个标题' },
    { addressee: '旗司法局' },
    { issuer: '团结镇党委' },
    { year: 2004 },
    { gridUnitId: c.otherTown.id },
    { narrative: { other: '补充说明' } },
    { narrative: { shortcomings: ['改写的问题'] } },
    { submittedAt: '2026-02-01T00:00:00Z' },
    { submittedAt: null },
  ]
  for (const change of changes) {
    const res = await admin.patch(`${reportsUrl}/${report.id}`, change)
    assertProblem(t, res, 409, 'rule-violation', JSON.stringify(change))
    t.same(rulesOf(res), ['frozen-after-submission'], JSON.stringify(change))
  }
  const res = await admin.patch(`${reportsUrl}/${report.id}`, { status: 'published', publishedAt: '2026-03-20T02:00:00Z', issuer: '别的署名' })
  t.same(rulesOf(res), ['frozen-after-submission'], 'a publication that also rewrites a field is refused whole')
  t.equal((await getReport(admin, report.id)).version, 1, 'nothing was written')

  const withDate = await patchReport(admin, report.id, { publishedAt: '2026-03-18T02:00:00Z' })
  t.equal(withDate.publishedAt, '2026-03-18T02:00:00.000Z', 'publishedAt may change while submitted')
  const published = await patchReport(admin, report.id, { status: 'published' })
  t.equal(published.status, 'published')
  for (const change of [{ addressee: '旗司法局' }, { narrative: { nextSteps: ['新措施'] } }]) {
    t.same(rulesOf(await admin.patch(`${reportsUrl}/${report.id}`, change)), ['frozen-after-submission'], `published: ${JSON.stringify(change)}`)
  }
  const moved = await patchReport(admin, report.id, { publishedAt: '2026-03-25T02:00:00Z' })
  t.equal(moved.publishedAt, '2026-03-25T02:00:00.000Z', 'a published report may correct its publication date')
})

t.test('a patch that names a filed report’s own values is not a change', async (t) => {
  const report = await createReport(admin, c.town.id, { year: 2005, status: 'submitted', submittedAt: '2006-02-01T00:00:00Z' })
  const same = await patchReport(admin, report.id, { addressee: report.addressee, narrative: { shortcomings: narrative.shortcomings }, submittedAt: '2006-02-01T08:00:00+08:00' })
  t.equal(same.version, 1, 'the same words and the same instant written another way change nothing')
})

t.test('publication-date: a published report says when', async (t) => {
  const report = await createReport(admin, c.town.id, { year: 2006, status: 'submitted' })
  const res = await admin.patch(`${reportsUrl}/${report.id}`, { status: 'published' })
  assertProblem(t, res, 409, 'rule-violation')
  t.same(rulesOf(res), ['publication-date'])
  const created = await admin.post(reportsUrl, reportBody(c.town.id, { year: 2007, status: 'published' }))
  t.same(rulesOf(created), ['publication-date'], 'created published without a date')
  const both = await admin.post(reportsUrl, reportBody(c.town.id, { year: 2007, status: 'published', narrative: { shortcomings: [], nextSteps: [] } }))
  t.same(rulesOf(both).sort(), ['narrative-complete', 'publication-date'], 'every broken rule is listed')
  const ok = await admin.post(reportsUrl, reportBody(c.town.id, { year: 2007, status: 'published', publishedAt: '2008-03-20T02:00:00Z' }))
  t.equal(ok.status, 201, 'with a date and a complete narrative')
  t.equal(ok.body.status, 'published')
  t.type(ok.body.submittedAt, 'string', 'a report published at once was also submitted')
})

t.test('read-only fields and unknown fields are refused as input', async (t) => {
  const report = await createReport(admin, c.town.id, { year: 2008 })
  for (const field of ['figures', 'dueAt', 'late', 'id', 'version']) {
    const value = field === 'late' ? true : field === 'figures' ? {} : field === 'version' ? 3 : '2026-01-01T00:00:00Z'
    const patch = await admin.patch(`${reportsUrl}/${report.id}`, { [field]: value })
    assertProblem(t, patch, 400, 'validation-error', `PATCH ${field}`)
    t.ok(patch.body.errors.some((e: any) => e.pointer === `/${field}`), `the pointer names /${field}`)
    assertProblem(t, await admin.post(reportsUrl, reportBody(c.town.id, { year: 2009, [field]: value })), 400, 'validation-error', `POST ${field}`)
  }
  const typo = await admin.post(reportsUrl, reportBody(c.town.id, { year: 2009, narrative: { shortcomings: ['a'], nextSteps: ['b'], nextstep: ['c'] } }))
  assertProblem(t, typo, 400, 'validation-error')
  t.ok(typo.body.errors.some((e: any) => e.pointer === '/narrative/nextstep'), 'an unknown narrative member is named')
  const many = await admin.post(reportsUrl, reportBody(c.town.id, { year: 2009, narrative: { shortcomings: Array(11).fill('问题'), nextSteps: ['b'] } }))
  assertProblem(t, many, 400, 'validation-error', 'at most 10 paragraphs')
  assertProblem(t, await admin.post(reportsUrl, reportBody(c.town.id, { year: 1999 })), 400, 'validation-error', 'a year before 2000')
  assertProblem(t, await admin.post(reportsUrl, reportBody(c.town.id, { year: 2009, status: 'filed' })), 400, 'validation-error', 'an unknown status')
})
