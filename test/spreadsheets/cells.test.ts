// Cell conversions, both ways: instants in UTC+8, dates that do not exist, labels or values,
// 是/否, strict integers, and lists typed with either punctuation.
import t from 'tap'
import { formatInstant, fromCell, parseDayText, parseInstantText, toCsvField, toXlsxCell } from '../../src/spreadsheets/index.js'
import { columnsFromSchema } from '../../src/spreadsheets/index.js'
import { Type } from 'typebox'
import { disputeColumns } from './fixtures.js'

const col = (field: string) => disputeColumns.find((c) => c.field === field)!
const [count, day] = columnsFromSchema(Type.Object({ n: Type.Integer({ minimum: 0 }), on: Type.String({ format: 'date' }) }), { headers: { n: '数量', on: '日期' } })

t.test('instants are written as UTC+8 wall time, as text and as date cells', async (t) => {
  t.equal(formatInstant('2025-03-31T07:30:00.000Z'), '2025-03-31 15:30')
  t.equal(formatInstant('2025-12-31T16:30:00Z'), '2026-01-01 00:30', 'the UTC+8 day, not the UTC one')
  t.equal(toCsvField(col('reportedAt'), '2025-03-31T07:30:00.000Z'), '2025-03-31 15:30')
  const cell = toXlsxCell(col('reportedAt'), '2025-03-31T07:30:00.000Z') as Date
  t.equal(cell.toISOString(), '2025-03-31T15:30:00.000Z', 'exceljs writes the Date from its UTC fields: the wall time')
  t.equal((toXlsxCell(day!, '2025-03-31') as Date).toISOString(), '2025-03-31T00:00:00.000Z')
})

t.test('typed instants are read in UTC+8', async (t) => {
  const cases: [string, string][] = [
    ['2025-03-31', '2025-03-30T16:00:00.000Z'],
    ['2025/3/31', '2025-03-30T16:00:00.000Z'],
    ['2025-03-31 15:30', '2025-03-31T07:30:00.000Z'],
    ['2025/3/31 9:05:30', '2025-03-31T01:05:30.000Z'],
    ['2025年3月31日', '2025-03-30T16:00:00.000Z'],
    ['２０２５－０３－３１　１５：３０', '2025-03-31T07:30:00.000Z'],
    ['2025-03-31T07:30:00Z', '2025-03-31T07:30:00.000Z'],
    ['2025-03-31T15:30:00+08:00', '2025-03-31T07:30:00.000Z'],
  ]
  for (const [text, iso] of cases) t.same(parseInstantText(text), { value: iso }, text)
})

t.test('a date that does not exist, or is not a date, is an error', async (t) => {
  for (const text of ['2025-02-30', '2025-13-01', '2024-02-30', '2025/4/31']) t.match(parseInstantText(text), { error: /不存在/ }, text)
  t.same(parseDayText('2024-02-29'), { value: '2024-02-29' }, 'a leap day exists')
  t.match(parseInstantText('2025-03-31 24:00'), { error: /不存在/ })
  t.match(parseInstantText('明天'), { error: /应为日期时间/ })
  t.match(parseInstantText('2025-03/31'), { error: /应为日期时间/ }, 'one separator throughout')
  t.match(parseInstantText('1899-12-31'), { error: /1900/ })
  t.match(fromCell(day!, '2025-03-31 15:30'), { error: /应为日期/ }, 'a date column takes no time')
})

t.test('spreadsheet dates: exceljs Dates and bare serials', async (t) => {
  // exceljs reads a date cell as a Date whose UTC fields are the wall time.
  t.same(fromCell(col('reportedAt'), new Date(Date.UTC(2025, 2, 31, 15, 30))), { value: '2025-03-31T07:30:00.000Z' })
  t.same(fromCell(col('reportedAt'), new Date(Date.UTC(2025, 2, 31, 15, 29, 59, 999))), { value: '2025-03-31T07:30:00.000Z' }, 'float noise rounds to the second')
  t.same(fromCell(col('reportedAt'), 45747.645833333336), { value: '2025-03-31T07:30:00.000Z' }, 'a serial in a General-formatted cell')
  t.same(fromCell(col('reportedAt'), 45747 - 1462, { date1904: true }), { value: '2025-03-30T16:00:00.000Z' }, '1904 date system')
  t.same(fromCell(day!, new Date(Date.UTC(2025, 2, 31))), { value: '2025-03-31' })
  t.match(fromCell(day!, new Date(Date.UTC(2025, 2, 31, 12))), { error: /只填日期/ })
  t.match(fromCell(col('reportedAt'), 12), { error: /不是有效的日期/ })
})

t.test('enums take the label or the value', async (t) => {
  t.same(fromCell(col('category'), '婚姻家庭'), { value: 'marriage_family' })
  t.same(fromCell(col('category'), 'marriage_family'), { value: 'marriage_family' })
  t.same(fromCell(col('category'), ' 土地 '), { value: 'land' })
  t.match(fromCell(col('category'), '宅基地'), { error: /“宅基地”不是可选值（土地、邻里/ })
  t.equal(toXlsxCell(col('category'), 'marriage_family'), '婚姻家庭')
})

t.test('booleans are 是/否 or true/false', async (t) => {
  const c = col('isPetitionBacklog')
  for (const [v, want] of [['是', true], ['否', false], ['TRUE', true], ['false', false], [true, true]] as const) t.same(fromCell(c, v), { value: want }, String(v))
  t.match(fromCell(c, '1'), { error: /应填“是”或“否”/ })
  t.equal(toCsvField(c, true), '是')
})

t.test('integers are strict', async (t) => {
  t.same(fromCell(count!, 12), { value: 12 })
  t.same(fromCell(count!, '１２'), { value: 12 }, 'full-width digits')
  for (const bad of ['12.5', '1,000', '12个', '']) t.match(fromCell(count!, bad), bad === '' ? { blank: true } : { error: /不是整数/ }, bad || 'blank')
  t.match(fromCell(count!, 12.5), { error: /不是整数/ })
  t.match(fromCell(count!, 2 ** 60), { error: /不是整数/ })
})

t.test('blank cells and text', async (t) => {
  t.same(fromCell(col('title'), null), { blank: true })
  t.same(fromCell(col('title'), '   '), { blank: true })
  t.same(fromCell(col('title'), ' 张三家 '), { value: ' 张三家 ' }, 'text is kept as typed')
  t.same(fromCell(col('gridUnitCode'), 1001), { value: '1001' }, 'a number in a text column is its digits')
  t.match(fromCell(col('title'), { error: '#N/A' }), { error: /#N\/A/ })
})

t.test('parties are read with either punctuation, names with brackets included', async (t) => {
  const p = col('parties')
  const want = [{ name: '张三', role: 'applicant', phone: '13812345678' }, { name: '李四', role: 'respondent' }]
  t.same(fromCell(p, '张三（申请人，13812345678）；李四（被申请人）'), { value: want })
  t.same(fromCell(p, '张三(申请人,13812345678);李四(respondent)'), { value: want })
  t.same(fromCell(p, '张三（申请人，13812345678）\n李四（被申请人）'), { value: want }, 'one party per line')
  t.same(fromCell(p, '某公司（分公司）（被申请人）'), { value: [{ name: '某公司（分公司）', role: 'respondent' }] })
  t.same(fromCell(p, '王五(第三人,(0478)7612345)'), { value: [{ name: '王五', role: 'third_party', phone: '(0478)7612345' }] })
  t.match(fromCell(p, '张三（申请人）；李四（被告）'), { error: /第 2 项“李四（被告）”：当事人身份“被告”不是可选值/ })
  t.match(fromCell(p, '张三'), { error: /缺少当事人身份/ })
  t.match(fromCell(p, '张三（申请人，138，多余）'), { error: /最多 2 项/ })
  t.equal(toXlsxCell(p, want), '张三（申请人，13812345678）；李四（被申请人）')
})
