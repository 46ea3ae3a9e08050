// Reading rows for an import: headers by Chinese name or field name, every bad cell named by its
// row and column, blank rows skipped, and CSV and xlsx giving the same rows and the same errors.
import t from 'tap'
import { errorAt, readSpreadsheet, SpreadsheetError } from '../../src/spreadsheets/index.js'
import { disputeColumns, workbookOf } from './fixtures.js'

const header = ['网格编码', '纠纷名称', '纠纷类别', '来源', '登记时间', '当事人', '信访积案']
const good = ['TJ-01', '土地纠纷', '土地', '热线', '2025-03-31 15:30', '张三（申请人）', '否']

const csvOf = (rows: (string | null)[][]) => Buffer.from('\uFEFF' + rows.map((r) => r.map((v) => (v ?? '').includes(',') ? `"${v}"` : (v ?? '')).join(',')).join('\r\n'))

/** The same rows as an xlsx (cells typed as text) and as a CSV, read both ways. */
async function readBoth(rows: (string | null)[][]) {
  const xlsx = await readSpreadsheet(await workbookOf(rows), disputeColumns)
  const csv = await readSpreadsheet(csvOf(rows), disputeColumns)
  return { xlsx, csv }
}

t.test('every class of bad cell is named by its row and column, in both formats alike', async (t) => {
  const rows = [
    header,
    good,
    ['TJ-01', '', '土地', '热线', '2025-03-31', '张三（申请人）', '否'], // 3: required cell blank
    ['TJ-01', '标题', '宅基地', '热线', '2025-03-31', '张三（申请人）', '否'], // 4: unknown label
    ['TJ-01', '标题', '土地', '热线', '2025-02-30', '张三（申请人）', '否'], // 5: a date that does not exist
    ['TJ-01', '标题', '土地', '热线', '2025-03-31', '张三（原告）', '否'], // 6: unknown role in a list
    ['TJ-01', '标题', '土地', '热线', '2025-03-31', '张三（申请人）', '可能'], // 7: not 是/否
    [null, null, null, null, null, null, null], // 8: blank, skipped
    ['', '标题', 'land', 'hotline', '2025/3/31', '张三(applicant)', 'true'], // 9: values instead of labels; a blank code
  ]
  const { xlsx, csv } = await readBoth(rows)
  const want = [
    { row: 3, column: '纠纷名称', field: 'title', message: '必填，不能为空' },
    { row: 4, column: '纠纷类别', field: 'category', message: /“宅基地”不是可选值/ },
    { row: 5, column: '登记时间', field: 'reportedAt', message: /2025-02-30 不存在/ },
    { row: 6, column: '当事人', field: 'parties', message: /“原告”不是可选值（申请人、被申请人、第三人）/ },
    { row: 7, column: '信访积案', field: 'isPetitionBacklog', message: /应填“是”或“否”/ },
    { row: 9, column: '网格编码', field: 'gridUnitCode', message: '必填，不能为空' },
  ]
  t.match(xlsx.errors, want)
  t.equal(xlsx.errors.length, want.length, 'and nothing else')
  t.same(csv.errors, xlsx.errors, 'CSV reports the same errors')
  t.same(csv.rows, xlsx.rows, 'and the same rows')
  t.same(xlsx.rows.map((r) => r.row), [2, 3, 4, 5, 6, 7, 9], 'the blank row is skipped, numbers kept')
  t.same(xlsx.rows.at(-1)!.values, { title: '标题', category: 'land', source: 'hotline', reportedAt: '2025-03-30T16:00:00.000Z', parties: [{ name: '张三', role: 'applicant' }], isPetitionBacklog: true })
})

t.test('columns match by field name as well, in any order, optional ones may go', async (t) => {
  const rows = [['parties', 'reportedAt', 'source', 'category', 'Title', 'GRIDUNITCODE'], ['张三（申请人）', '2025-03-31', '热线', '土地', '标题', 'TJ-01']]
  const { xlsx, csv } = await readBoth(rows)
  t.same(xlsx.errors, [])
  t.same(xlsx.rows, [{ row: 2, values: { parties: [{ name: '张三', role: 'applicant' }], reportedAt: '2025-03-30T16:00:00.000Z', source: 'hotline', category: 'land', title: '标题', gridUnitCode: 'TJ-01' } }])
  t.same(csv.rows, xlsx.rows)
  t.same(xlsx.columns.map((c) => c.header), ['parties', 'reportedAt', 'source', 'category', 'Title', 'GRIDUNITCODE'])
})

t.test('an unknown, doubled or missing column, or data without a header, is a 400 naming it', async (t) => {
  const cases: [string, (string | null)[][], RegExp, { row: number; column: string }[]][] = [
    ['unknown', [[...header, '备注'], [...good, 'x']], /未知的列“备注”（H 列）/, [{ row: 1, column: '备注' }]],
    ['doubled', [[...header, 'title'], [...good, 'x']], /列“title”与“纠纷名称”重复（B 列和 H 列）/, [{ row: 1, column: 'title' }]],
    ['missing', [header.slice(0, 5), good.slice(0, 5)], /缺少必填列“当事人”/, [{ row: 1, column: '当事人' }]],
    ['headerless', [[...header, null], [...good, null], [...good, '备注内容']], /H 列有数据但没有表头/, [{ row: 3, column: 'H' }]],
  ]
  for (const [what, rows, message, cells] of cases) {
    for (const body of [await workbookOf(rows), csvOf(rows)]) {
      const error = await readSpreadsheet(body, disputeColumns).catch((e: unknown) => e)
      t.type(error, SpreadsheetError, what)
      t.match(error, { code: 'bad-header', status: 400, message, cells }, what)
    }
  }
  const empty = await readSpreadsheet(await workbookOf([[null], good]), disputeColumns).catch((e: unknown) => e)
  t.match(empty, { code: 'empty', status: 400 }, 'an empty first row is no header')
})

t.test('spreadsheet dates and numbers as a clerk types them into xlsx', async (t) => {
  const result = await readSpreadsheet(
    await workbookOf([header, ['TJ-01', 2025, '土地', '热线', new Date(Date.UTC(2025, 2, 31, 15, 30)), '张三（申请人）', true], ['TJ-01', '标题', '土地', '热线', 45747, '张三（申请人）', false]]),
    disputeColumns,
  )
  t.same(result.errors, [])
  t.same(result.rows.map((r) => [r.values.title, r.values.reportedAt, r.values.isPetitionBacklog]), [
    ['2025', '2025-03-31T07:30:00.000Z', true],
    ['标题', '2025-03-30T16:00:00.000Z', false],
  ], 'a date cell, a bare serial, Excel booleans and a number in a text column')
})

t.test('a record validation error is placed in the sheet', async (t) => {
  const result = await readSpreadsheet(await workbookOf([['title', ...header.slice(0, 1), ...header.slice(2)], ['标题', ...good.slice(0, 1), ...good.slice(2)]]), disputeColumns)
  t.same(errorAt(disputeColumns, result, 2, '/parties/0/phone', 'is masked'), { row: 2, column: '当事人', field: 'parties', message: 'is masked' })
  t.same(errorAt(disputeColumns, result, 2, '/title', 'too long'), { row: 2, column: 'title', field: 'title', message: 'too long' }, 'the header as written in this file')
  t.same(errorAt(disputeColumns, result, 2, '/resolution/summary', 'is required'), { row: 2, column: '化解情况', field: 'resolution.summary', message: 'is required' }, 'a column the file left out: its Chinese header')
  t.same(errorAt(disputeColumns, result, 2, '/gridUnitId', 'outside'), { row: 2, column: '', field: 'gridUnitId', message: 'outside' })
})
