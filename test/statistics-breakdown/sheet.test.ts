import ExcelJS from 'exceljs'
import t from 'tap'
import { createReport } from '../annual-reports/fixtures.js'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { breakdownUrl, countyWithTowns } from './fixtures.js'

// The breakdown as the county's 汇总表 (API.md §5): `?format=xlsx` or the xlsx Accept; one sheet,
// the header row frozen, Chinese headers, a row per child in code order and a 合计 row equal to
// `total`, numbers as numeric cells. Read back with exceljs, as a clerk's Excel would open it.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const { app, admin, adminKey } = await buildTestApp(t)
const c = await countyWithTowns(admin)
await createReport(admin, c.townA.id, { status: 'submitted', submittedAt: '2026-02-20T02:00:00Z' })
await createReport(admin, c.townB.id)
const query = `year=2025&gridUnitId=${c.county.id}`
const json = (await admin.get(`${breakdownUrl}?${query}`)).body

async function sheetOf(url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${adminKey}`, ...headers } })
  const workbook = new ExcelJS.Workbook()
  if (res.statusCode === 200) await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer)
  return { res, workbook }
}

/** A header's column (1-based) in the sheet. */
const columnOf = (sheet: ExcelJS.Worksheet, header: string) => {
  const values = sheet.getRow(1).values as unknown[]
  const index = values.indexOf(header)
  if (index < 1) throw new Error(`no column ${header} in ${values.join(',')}`)
  return index
}

t.test('?format=xlsx and the xlsx Accept answer the same workbook', async (t) => {
  for (const [what, url, headers] of [
    ['?format=xlsx', `${breakdownUrl}?${query}&format=xlsx`, {}],
    ['Accept', `${breakdownUrl}?${query}`, { accept: XLSX }],
    ['a quality list', `${breakdownUrl}?${query}`, { accept: `application/json;q=0.1, ${XLSX}` }],
  ] as const) {
    const { res, workbook } = await sheetOf(url, headers)
    t.equal(res.statusCode, 200, what)
    t.equal(res.headers['content-type'], XLSX, `${what}: the xlsx media type`)
    t.same([...res.rawPayload.subarray(0, 2)], [0x50, 0x4b], `${what}: a zip`)
    t.equal(workbook.worksheets.length, 1, `${what}: one sheet`)
    const disposition = String(res.headers['content-disposition'])
    t.match(disposition, /^attachment; /)
    t.equal(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!), '杭锦后旗2025年法治政府建设汇总表.xlsx')
  }
})

t.test('the sheet: frozen Chinese header, a row per child by code, then 合计', async (t) => {
  const { workbook } = await sheetOf(`${breakdownUrl}?${query}&format=xlsx`)
  const sheet = workbook.worksheets[0]!
  t.equal(sheet.name, '2025年汇总表')
  t.match(sheet.views[0], { state: 'frozen', ySplit: 1 }, 'the header row is frozen')
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[]
  t.equal(headers.slice(0, 4).join(','), '单位编码,单位名称,年度报告,报送时间')
  t.ok(headers.every((h) => /[\u4e00-\u9fff]/.test(h)), 'every header is Chinese')
  for (const h of ['法治专题会议（次）', '矛盾纠纷（件）', '化解率', '受教育群众（人次）', '网格员（名）']) t.ok(headers.includes(h), h)

  t.equal(sheet.rowCount, 1 + json.items.length + 1, 'a header, a row per child, a total row')
  const cell = (row: number, header: string) => sheet.getRow(row).getCell(columnOf(sheet, header)).value
  t.same([2, 3, 4, 5].map((r) => cell(r, '单位名称')), ['甲镇', '乙镇', '丙镇', '杭锦后旗'], 'children in code order, then the unit')
  t.same([2, 3, 4].map((r) => cell(r, '单位编码')), [c.townA.code, c.townB.code, c.townC.code])
  t.equal(cell(5, '单位编码'), '合计')
  t.same([2, 3, 4, 5].map((r) => cell(r, '年度报告')), ['已报送', '草稿', null, null], 'each report’s status as its Chinese label')
  const submitted = cell(2, '报送时间')
  t.ok(submitted instanceof Date, 'the submission time is a date cell')
  t.equal((submitted as Date).toISOString(), '2026-02-20T10:00:00.000Z', 'in UTC+8 wall time (10:00)')
})

t.test('numbers are numeric cells, and the 合计 row equals `total`', async (t) => {
  const { workbook } = await sheetOf(`${breakdownUrl}?${query}&format=xlsx`)
  const sheet = workbook.worksheets[0]!
  const figures: [string, (s: any) => number | null][] = [
    ['矛盾纠纷（件）', (s) => s.disputes.total],
    ['化解（件）', (s) => s.disputes.resolved],
    ['化解率', (s) => s.disputes.resolutionRate],
    ['信访积案化解（起）', (s) => s.disputes.petitionBacklogResolved],
    ['法治进村校企（场）', (s) => s.legalEducation.outreach.events],
    ['发放资料（份）', (s) => s.legalEducation.outreach.materialsDistributed],
    ['受教育群众（人次）', (s) => s.legalEducation.outreach.attendance],
    ['短视频图文（条）', (s) => s.legalEducation.mediaItems],
    ['法治文化广场（个）', (s) => s.gridUnits.facilities.rule_of_law_square],
    ['法律明白人（名）', (s) => s.gridUnits.legalLiterates],
    ['网格（个）', (s) => s.gridUnits.grids],
    ['网格员（名）', (s) => s.gridUnits.gridWorkers],
    ['法律顾问服务政府（次）', (s) => s.legalServices.governmentServices],
    ['法律意见书（份）', (s) => s.legalServices.legalOpinions],
    ['法律咨询调解指引（次）', (s) => s.legalServices.publicServed],
    ['政务公开（条）', (s) => s.publicity.items],
    ['法律顾问覆盖率', (s) => s.gridUnits.legalAdviserCoverage],
  ]
  const rows = [...json.items.map((i: any) => i.statistics), json.total]
  for (const [header, of] of figures) {
    const column = columnOf(sheet, header)
    const values = rows.map((_: unknown, i: number) => sheet.getRow(i + 2).getCell(column).value)
    t.same(values, rows.map((s: any) => of(s)), `${header}: every row, 合计 = total`)
    t.ok(values.every((v: unknown) => v === null || typeof v === 'number'), `${header}: numeric cells`)
  }
  // Every figure column of every row is a number (or empty for a rate with nothing to divide).
  const first = columnOf(sheet, '法治专题会议（次）')
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    for (let col = first; col <= sheet.columnCount; col++) {
      const value = row.getCell(col).value
      if (value !== null && typeof value !== 'number') t.fail(`row ${r} column ${col} holds ${JSON.stringify(value)}`)
    }
  }
  t.equal(sheet.getRow(5).getCell(columnOf(sheet, '矛盾纠纷（件）')).value, 2, 'the total of the two towns’ disputes')
})

t.test('another Accept is 406', async (t) => {
  for (const accept of ['text/csv', 'application/pdf', `${XLSX};q=0, application/json;q=0`]) {
    assertProblem(t, await admin.get(`${breakdownUrl}?${query}`, { accept }), 406, 'not-acceptable', accept)
  }
  assertProblem(t, await admin.get(`${breakdownUrl}?year=2025&gridUnitId=00000000-0000-4000-8000-000000000000&format=xlsx`), 404, 'not-found', 'an unknown unit as xlsx is a problem, not a file')
})
