// Files an import must refuse with a clear 400 or 413 — never a hang, a crash or running out of
// memory. Each test has its own time bound: a defence that fails shows as a timeout, not a pass.
import t, { type Test } from 'tap'
import zlib from 'node:zlib'
import { readSpreadsheet, SpreadsheetError } from '../../src/spreadsheets/index.js'
import { disputeColumns, workbookOf } from './fixtures.js'
import { billionLaughs, craftZip, deflatedFiller, sheetXml, xlsxParts } from './zip-craft.js'

const bound = { timeout: 30_000 }
const header = ['网格编码', '纠纷名称', '纠纷类别', '来源', '登记时间', '当事人']
const row = ['TJ-01', '土地纠纷', '土地', '热线', '2025-03-31 15:30', '张三（申请人）']
const read = (body: Buffer) => readSpreadsheet(body, disputeColumns)

async function refused(t: Test, body: Buffer, code: string, status: number) {
  const error = await read(body).then(
    () => undefined,
    (e: unknown) => e,
  )
  t.type(error, SpreadsheetError, `refused with a SpreadsheetError (${code})`)
  t.match(error, { code, status }, `${code} → ${status}`)
  return error as SpreadsheetError
}

t.test('a body that is not a spreadsheet is refused as such', bound, async (t) => {
  await refused(t, Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'), 'not-a-spreadsheet', 400)
  await refused(t, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'not-a-spreadsheet', 400)
  const xls = await refused(t, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'not-a-spreadsheet', 400)
  t.match(xls.message, /\.xls/, 'an old .xls is told to be saved as .xlsx')
  await refused(t, Buffer.from([1, 2, 3, 0, 4, 5]), 'not-a-spreadsheet', 400)
  const docx = craftZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }])
  await refused(t, docx, 'not-a-spreadsheet', 400)
  await refused(t, Buffer.alloc(0), 'empty', 400)
  // 纠纷名称 in GBK, as Excel's plain "CSV" saves it on a Chinese Windows
  const gbk = await refused(t, Buffer.from([0xbe, 0xc0, 0xb7, 0xd7, 0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a]), 'not-utf8', 400)
  t.match(gbk.message, /UTF-8/)
})

t.test('a truncated or corrupted xlsx is damaged, not a crash', bound, async (t) => {
  const good = await workbookOf([header, row])
  await refused(t, good.subarray(0, good.length - 30), 'damaged', 400)
  // One byte changed inside the sheet's deflate data: it fails to inflate or its CRC-32 differs.
  const name = good.indexOf('xl/worksheets/sheet1.xml')
  const local = name - 30
  const data = name + good.readUInt16LE(local + 26) + good.readUInt16LE(local + 28)
  for (const at of [data + 3, data + 40]) {
    const flipped = Buffer.from(good)
    flipped.writeUInt8(flipped.readUInt8(at) ^ 0x5a, at)
    await refused(t, flipped, 'damaged', 400)
  }
})

t.test('a formula in a cell is refused, naming the cell', bound, async (t) => {
  const sheet = sheetXml([header, row]).replace('</sheetData>', '<row r="3"><c r="A3" t="str"><f>HYPERLINK("http://x","TJ-01")</f><v>TJ-01</v></c></row></sheetData>')
  const error = await refused(t, craftZip(xlsxParts({ 矛盾纠纷: sheet })), 'formula', 400)
  t.match(error.cells, [{ row: 3, column: '网格编码', field: '' }])
  t.equal(error.cells.length, 1)
  t.match(error.cells[0]?.message, /A3/)
})

t.test('merged header cells are refused, naming the range', bound, async (t) => {
  const sheet = sheetXml([header, row], '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>')
  const error = await refused(t, craftZip(xlsxParts({ 矛盾纠纷: sheet })), 'merged-cells', 400)
  t.match(error.cells, [{ row: 1, column: '网格编码' }])
  t.match(error.message, /A1:B1/)
})

t.test('an unknown sheet with data is refused; an empty one and the template sheets are not', bound, async (t) => {
  const data = sheetXml([header, row])
  const error = await refused(t, craftZip(xlsxParts({ 矛盾纠纷: data, 另一张: sheetXml([['x']]) })), 'extra-sheet', 400)
  t.match(error.message, /另一张/)
  const ok = await read(craftZip(xlsxParts({ 矛盾纠纷: data, Sheet2: sheetXml([]), 填写说明: sheetXml([['列名'], ['网格编码']]), 网格单元: sheetXml([['网格编码'], ['TJ-01']]) })))
  t.equal(ok.rows.length, 1, 'read the input sheet only')
  t.equal(ok.sheetName, '矛盾纠纷')
  t.same(ok.errors, [])
})

t.test('a zip bomb that declares its size is refused before it inflates', bound, async (t) => {
  const { deflated, size } = await deflatedFiller(`<?xml version="1.0"?><worksheet xmlns="x"><sheetData>`, 128 * 1024 * 1024, `</sheetData></worksheet>`)
  t.ok(deflated.length < 1024 * 1024 && size / deflated.length > 200, `${deflated.length} bytes inflate to ${size}`)
  const parts = xlsxParts({ 矛盾纠纷: '' }, { 'xl/worksheets/sheet1.xml': { deflated, declaredSize: size } })
  const error = await refused(t, craftZip(parts), 'zip-bomb', 413)
  t.match(error.message, /sheet1\.xml 解压后为 128/)
})

t.test('a zip bomb whose headers lie is stopped at its declared size', bound, async (t) => {
  const { deflated } = await deflatedFiller(`<?xml version="1.0"?><worksheet xmlns="x"><sheetData>`, 128 * 1024 * 1024, `</sheetData></worksheet>`)
  const parts = xlsxParts({ 矛盾纠纷: '' }, { 'xl/worksheets/sheet1.xml': { deflated, declaredSize: 4000 } })
  const before = process.memoryUsage().rss
  const error = await refused(t, craftZip(parts), 'zip-bomb', 413)
  t.match(error.message, /声明的大小/)
  t.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'nowhere near the 128 MiB it would inflate to')
})

t.test('an entry compressed beyond any spreadsheet ratio is refused from its header', bound, async (t) => {
  const inner = Buffer.alloc(20 * 1024 * 1024, 0x20)
  const parts = xlsxParts({ 矛盾纠纷: '' }, { 'xl/worksheets/sheet1.xml': { deflated: zlib.deflateRawSync(inner, { level: 9 }), declaredSize: inner.length } })
  await refused(t, craftZip(parts), 'zip-bomb', 413)
})

t.test('entries sharing their data (a non-recursive zip bomb) are refused', bound, async (t) => {
  // The last entry's local record sits inside the previous entry's stored data, so inflating
  // both reads the same bytes twice; repeated, that is a small file inflating without bound.
  const parts = xlsxParts({ 矛盾纠纷: sheetXml([header, row]) })
  const nested = [...parts, { name: 'xl/media/image1.png', data: '' }, { name: 'xl/media/image2.png', data: Buffer.alloc(1000) }]
  await refused(t, craftZip(nested, { nestLast: true }), 'zip-bomb', 413)
})

t.test('a billion-laughs document type is refused in any part, unexpanded', bound, async (t) => {
  const lol = billionLaughs('worksheet') + `<worksheet xmlns="x"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`
  await refused(t, craftZip(xlsxParts({ 矛盾纠纷: lol })), 'unsafe-content', 400)
  const workbook = billionLaughs('workbook') + '<workbook/>'
  await refused(t, craftZip(xlsxParts({ 矛盾纠纷: sheetXml([header, row]) }, { 'xl/workbook.xml': { data: workbook } })), 'unsafe-content', 400)
  const external = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Relationships>&x;</Relationships>`
  await refused(t, craftZip(xlsxParts({ 矛盾纠纷: sheetXml([header, row]) }, { '_rels/.rels': { data: external } })), 'unsafe-content', 400)
})

t.test('ranges that exceljs would expand cell by cell cost nothing', bound, async (t) => {
  // A whole-sheet drop-down, conditional format, column style and print area: exceljs 4.4.0 turns
  // each into 17 billion entries (loading the 1.4 kB file with the drop-down alone did not finish
  // in a minute). The reader drops them before exceljs sees the sheet.
  const extra =
    '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>'
  const sheet = sheetXml([header, row], extra).replace('<sheetData>', '<cols><col min="1" max="16384" width="9"/></cols><sheetData>')
  const [types, rels, workbook, ...rest] = xlsxParts({ 矛盾纠纷: sheet })
  const printArea = '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">矛盾纠纷!$A$1:$XFD$1048576</definedName></definedNames>'
  const withPrintArea = { ...workbook!, data: String(workbook!.data).replace('</sheets>', `</sheets>${printArea}`) }
  const result = await read(craftZip([types!, rels!, withPrintArea, ...rest]))
  t.equal(result.rows.length, 1)
  t.same(result.errors, [])
})

t.test('more than 5 000 data rows is too large, in both formats', bound, async (t) => {
  const rows = Array.from({ length: 5001 }, () => row)
  const xlsx = await refused(t, craftZip(xlsxParts({ 矛盾纠纷: sheetXml([header, ...rows]) })), 'too-large', 413)
  t.match(xlsx.message, /5000/)
  const csv = [header, ...rows].map((r) => r.join(',')).join('\r\n')
  await refused(t, Buffer.from(csv), 'too-large', 413)
  const exactly = await read(Buffer.from([header, ...rows.slice(1)].map((r) => r.join(',')).join('\r\n')))
  t.equal(exactly.rows.length, 5000, '5 000 rows are accepted')
})

t.test('a sheet of 100 000 rows stops at the row bound while it is read, before exceljs', bound, async (t) => {
  const body = '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(100_000)
  const sheet = `<?xml version="1.0"?><worksheet xmlns="x"><sheetData>${body}</sheetData></worksheet>`
  const error = await refused(t, craftZip(xlsxParts({ 矛盾纠纷: sheet }, { 'xl/worksheets/sheet1.xml': { store: true } })), 'too-large', 413)
  t.match(error.message, /超过 5000 行/)
})

t.test('a sheet of empty styled cells, or one enormous cell, stops at its bound', bound, async (t) => {
  // The defaults are a million cell elements and Excel's 32 767 characters; smaller bounds here
  // keep the test cheap and show the same refusal.
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')
  const empty = Array.from({ length: 40 }, (_, r) => `<row r="${r + 1}">${letters.map((l) => `<c r="${l}${r + 1}" s="1"/>`).join('')}</row>`).join('') // 1 040 cells
  const sheet = `<?xml version="1.0"?><worksheet xmlns="x"><sheetData>${empty}</sheetData></worksheet>`
  const cells = await readSpreadsheet(craftZip(xlsxParts({ 矛盾纠纷: sheet })), disputeColumns, { limits: { maxCellElements: 1000 } }).catch((e: unknown) => e)
  t.match(cells, { code: 'too-large', status: 413, message: /超过 1000 个（含空单元格）/ })
  const long = sheetXml([header, ['TJ-01', 'x'.repeat(40_000)]])
  const text = await read(craftZip(xlsxParts({ 矛盾纠纷: long }))).catch((e: unknown) => e)
  t.match(text, { code: 'too-large', status: 413, message: /单元格 B2 超过 32767 个字符/ })
})

t.test('a body over 5 MiB is too large before it is parsed', bound, async (t) => {
  const big = Buffer.concat([Buffer.from(header.join(',') + '\r\n'), Buffer.alloc(5 * 1024 * 1024, 'a')])
  const error = await refused(t, big, 'too-large', 413)
  t.match(error.message, /5 MiB/)
})

t.test('an encrypted entry and a ZIP64 marker are refused', bound, async (t) => {
  const zip = craftZip(xlsxParts({ 矛盾纠纷: sheetXml([header, row]) }))
  const encrypted = Buffer.from(zip)
  const cd = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
  encrypted.writeUInt16LE(encrypted.readUInt16LE(cd + 8) | 1, cd + 8)
  await refused(t, encrypted, 'unsafe-content', 400)
  const zip64 = Buffer.from(zip)
  zip64.writeUInt32LE(0xffffffff, zip64.length - 22 + 16)
  await refused(t, zip64, 'unsafe-content', 400)
})
