// The export as a clerk opens it: Chinese headers, labels, UTC+8 instants as date cells, lists as
// text, a frozen and filtered header, widths fitting Chinese text; CSV with a BOM and CRLF.
import t from 'tap'
import { parse } from 'csv-parse/sync'
import { readSpreadsheet, writeCsv, writeXlsx } from '../../src/spreadsheets/index.js'
import { displayWidth } from '../../src/spreadsheets/widths.js'
import { disputeColumns, loadWorkbook, sink } from './fixtures.js'

const records = [
  {
    gridUnitCode: 'TJ-01',
    title: '团结村三组土地流转纠纷',
    category: 'land',
    source: 'grid_inspection',
    reportedAt: '2025-04-08T02:30:00.000Z',
    parties: [{ name: '张福', role: 'applicant', phone: '138****5678' }, { name: '丰源种植专业合作社', role: 'respondent' }],
    isPetitionBacklog: false,
    status: 'resolved',
    resolution: { method: 'people_mediation', summary: '补交流转费 3600 元', agreementReached: true, resolvedAt: '2025-04-15T07:00:00.000Z' },
  },
  { gridUnitCode: 'XH-02', title: '邻里宅基地纠纷', category: 'neighborhood', source: 'hotline', reportedAt: '2025-06-03T01:15:00Z', parties: [{ name: '李桂兰', role: 'applicant' }], isPetitionBacklog: true, status: 'reported' },
]

async function exportXlsx(rows: unknown[]) {
  const s = sink()
  const result = await writeXlsx(s.out, disputeColumns, rows, { sheetName: '矛盾纠纷台账' })
  return { result, bytes: s.bytes() }
}

t.test('the xlsx export reads back as a clerk sees it', async (t) => {
  const { result, bytes } = await exportXlsx(records)
  t.same(result, { rows: 2 })
  const workbook = await loadWorkbook(bytes)
  const sheet = workbook.getWorksheet('矛盾纠纷台账')!
  t.same((sheet.getRow(1).values as unknown[]).slice(1), disputeColumns.map((c) => c.header), 'Chinese headers in the definition order')
  const first = sheet.getRow(2)
  t.equal(first.getCell(1).value, 'TJ-01')
  t.equal(first.getCell(3).value, '土地', 'enum as its label')
  t.equal(first.getCell(6).value, '张福（申请人，138****5678）；丰源种植专业合作社（被申请人）', 'parties as text, phone as given (masked)')
  t.equal(first.getCell(8).value, '否')
  t.equal(first.getCell(10).value, '已化解')
  t.equal(first.getCell(11).value, '人民调解', 'a nested member in its own column')
  const reported = first.getCell(5)
  t.type(reported.value, Date, 'an instant is a real date cell')
  t.equal((reported.value as Date).toISOString(), '2025-04-08T10:30:00.000Z', 'showing 2025-04-08 10:30, the UTC+8 wall time')
  t.equal(reported.numFmt, 'yyyy-mm-dd hh:mm')
  t.equal(sheet.getRow(3).getCell(7).value, null, 'an absent field is an empty cell')
  t.match(sheet.views, [{ state: 'frozen', ySplit: 1 }], 'the header row is frozen')
  t.ok(sheet.autoFilter, 'and filtered')
  t.equal(sheet.getRow(1).font?.bold, true)
})

t.test('column widths fit Chinese text, a CJK character counting two', async (t) => {
  t.equal(displayWidth('纠纷名称'), 8)
  t.equal(displayWidth('TJ-01'), 5)
  t.equal(displayWidth('２０２５'), 8, 'full-width digits are wide')
  const { bytes } = await exportXlsx(records)
  const sheet = (await loadWorkbook(bytes)).worksheets[0]!
  const width = (i: number) => sheet.getColumn(i).width!
  t.equal(width(2), displayWidth('团结村三组土地流转纠纷') + 2, 'the title column fits the longest title')
  t.equal(width(5), 18, 'an instant column fits yyyy-mm-dd hh:mm')
  t.ok(width(6) >= displayWidth('张福（申请人，138****5678）；丰源种植专业合作社（被申请人）') || width(6) === 60, 'parties fit, up to the cap')
})

t.test('the CSV export is UTF-8 with a BOM, CRLF, labels and UTC+8 text', async (t) => {
  const s = sink()
  t.same(await writeCsv(s.out, disputeColumns, records), { rows: 2 })
  const bytes = s.bytes()
  t.same([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM')
  const text = bytes.toString('utf8').slice(1)
  t.ok(text.startsWith(`${disputeColumns.map((c) => c.header).join(',')}\r\n`), 'header line, CRLF')
  const rows = parse(text) as string[][]
  t.same(rows[1]!.slice(0, 6), ['TJ-01', '团结村三组土地流转纠纷', '土地', '网格排查', '2025-04-08 10:30', '张福（申请人，138****5678）；丰源种植专业合作社（被申请人）'])
  t.same(rows[2]![7], '是')
})

t.test('an export reads back through the importer as the same values', async (t) => {
  // Masked phones aside (an import refuses those), an export is a valid import of the same records.
  const unmasked = records.map((r) => ({ ...r, parties: r.parties.map((p) => ('phone' in p ? { ...p, phone: '13812345678' } : p)) }))
  const { bytes } = await exportXlsx(unmasked)
  const s = sink()
  await writeCsv(s.out, disputeColumns, unmasked)
  const fromXlsx = await readSpreadsheet(bytes, disputeColumns)
  const fromCsv = await readSpreadsheet(s.bytes(), disputeColumns)
  t.same(fromXlsx.errors, [])
  t.same(fromXlsx.rows, fromCsv.rows, 'both formats give the same rows')
  const want = unmasked.map((r, i) => ({ row: i + 2, values: { ...r, reportedAt: new Date(r.reportedAt).toISOString() } }))
  t.same(fromXlsx.rows, want, 'and the records that were exported')
})

t.test('a source that fails midway destroys the output instead of ending a short file', async (t) => {
  async function* failing() {
    yield records[0]
    throw new Error('database gone')
  }
  for (const write of [
    (out: NodeJS.WritableStream) => writeXlsx(out as never, disputeColumns, failing(), { sheetName: 'x' }),
    (out: NodeJS.WritableStream) => writeCsv(out as never, disputeColumns, failing()),
  ]) {
    const s = sink()
    await t.rejects(write(s.out), /database gone/)
    t.equal(s.out.destroyed, true, 'the output is destroyed')
    t.equal(s.out.writableFinished, false, 'and never finished')
  }
})
