import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport, getReport, patchReport, reportsUrl } from './fixtures.js'

// API.md §5: `dueAt` is 1 March of the next year, 00:00 UTC+8 (a township reports the past year
// before 1 March); `late` is submitted on or after it, or still a draft past it.

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)

t.test('dueAt is 1 March of the next year at midnight in UTC+8', async (t) => {
  const report = await createReport(admin, c.town.id, { year: 2025 })
  t.equal(report.dueAt, '2026-02-28T16:00:00.000Z')
  t.equal((await createReport(admin, c.town.id, { year: 2023 })).dueAt, '2024-02-29T16:00:00.000Z', 'a leap year’s February has 29 days')
})

t.test('submitted before 1 March 00:00 UTC+8 is on time; at or after it, late', async (t) => {
  const cases: [number, string, boolean][] = [
    [2030, '2031-02-20T10:00:00+08:00', false],
    [2031, '2032-02-29T23:59:59.999+08:00', false],
    [2032, '2033-03-01T00:00:00+08:00', true],
    [2033, '2034-02-28T16:00:00.001Z', true],
    [2034, '2035-06-01T00:00:00Z', true],
  ]
  for (const [year, submittedAt, late] of cases) {
    const created = await createReport(admin, c.town.id, { year, status: 'submitted', submittedAt })
    t.equal(created.late, late, `${year} submitted ${submittedAt}: ${late ? 'late' : 'on time'}`)
    t.equal((await getReport(admin, created.id)).late, late, 'the same on read')
  }
  const listed = (await admin.get(`${reportsUrl}?gridUnitId=${c.town.id}&status=submitted&limit=100`)).body.items
  t.same(listed.filter((r: any) => r.year >= 2030 && r.year <= 2034).map((r: any) => [r.year, r.late]), cases.map(([y, , l]) => [y, l]).reverse(), 'and in the list')
})

t.test('a draft is late once its due date has passed; a draft of a year to come is not', async (t) => {
  const past = await createReport(admin, c.otherTown.id, { year: 2020 })
  t.equal(past.late, true, 'a draft of 2020 is late')
  const coming = await createReport(admin, c.otherTown.id, { year: 2099 })
  t.equal(coming.late, false, 'a draft of 2099 is not (yet)')
  t.equal(coming.dueAt, '2100-02-28T16:00:00.000Z')
})

t.test('a late report stays late once published; a returned report is judged as a draft again', async (t) => {
  const report = await createReport(admin, c.village.id, { year: 2021, status: 'submitted', submittedAt: '2022-03-05T02:00:00Z' })
  t.equal(report.late, true)
  t.equal((await patchReport(admin, report.id, { status: 'published', publishedAt: '2022-03-20T02:00:00Z' })).late, true)
  const onTime = await createReport(admin, c.village.id, { year: 2022, status: 'submitted', submittedAt: '2023-02-01T02:00:00Z' })
  t.equal(onTime.late, false)
  const returned = await patchReport(admin, onTime.id, { status: 'draft' })
  t.equal(returned.late, true, 'returned after its due date, it is a draft past it')
})

t.test('a draft that carries a submittedAt is still judged as a draft', async (t) => {
  // Another system may send a draft with a submission date of its own; the draft is not filed.
  const draft = await createReport(admin, c.grid.id, { year: 2019, submittedAt: '2020-01-10T02:00:00Z' })
  t.equal(draft.status, 'draft')
  t.equal(draft.late, true, 'a draft of 2019 is late whatever date it carries')
  const markdown = (await admin.get(`${reportsUrl}/${draft.id}/document`, { accept: 'text/markdown' })).text
  t.notMatch(markdown, /2020年1月10日/, 'its document is dated today, as a draft, not with that date')
})
