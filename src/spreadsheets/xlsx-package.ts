// From an untrusted xlsx to a clean one-sheet package for exceljs. Only the parts needed to read
// values are inflated — the package relationships, the workbook and its relationships, the shared
// strings, the styles (exceljs reads date formats from them) and the worksheets that matter — each
// within one inflate budget; everything else (images, drawings, macros, printer settings) is never
// inflated. The package exceljs parses is written here: one worksheet, cleaned (sheet-xml.ts) with
// its shared strings written inline, and the styles part as it came, once its XML has been read
// through and found safe; workbook, relationships and content types are generated.
//
// Which sheet is read: the template's own sheets (填写说明, 网格单元, 下拉选项 — or whatever names the
// caller passes) are skipped unread, whatever they hold; the first other sheet in workbook order is
// the input sheet; any further sheet must be empty, else the file is refused naming it — a second
// sheet of data would otherwise be silently ignored. An empty Sheet2 left by Excel is accepted.

import path from 'node:path/posix'
import { sheetError } from './errors.js'
import type { SheetLimits } from './limits.js'
import { sharedStringReader, sheetScanner, worksheetXml, type SheetScan } from './sheet-xml.js'
import { entryBytes, readZipDirectory, type InflateBudget, type ZipEntry } from './zip-reader.js'
import { storedZip } from './zip-writer.js'
import { attribute, parseXml, type XmlHandlers } from './xml.js'

export interface CleanWorkbook {
  /** The stored zip exceljs loads: one worksheet, its rows and values only. */
  zip: Buffer
  sheetName: string
  date1904: boolean
  scan: SheetScan
}

interface Relationship {
  id: string
  /** The last segment of the type URI (`worksheet`, `styles`), the same in transitional and strict OOXML. */
  type: string
  /** The target part's name, resolved against the source part's folder. */
  target: string
}

const notWorkbook = (why: string) => sheetError('not-a-spreadsheet', why)

export async function cleanWorkbook(body: Buffer, limits: SheetLimits, skipSheets: readonly string[]): Promise<CleanWorkbook> {
  const entries = readZipDirectory(body, limits)
  const budget: InflateBudget = { remaining: limits.maxInflatedBytes, limit: limits.maxInflatedBytes }
  const entry = (name: string) => entries.get(name.toLowerCase())
  const read = async (e: ZipEntry, handlers: XmlHandlers) => parseXml(e.name, entryBytes(body, e, budget), handlers)

  const rootRels = entry('_rels/.rels')
  const officeDocument = rootRels && (await relationships(rootRels, '', read)).find((r) => r.type === 'officeDocument')
  const workbookEntry = officeDocument && entry(officeDocument.target)
  if (!workbookEntry) {
    if (entry('xl/workbook.bin')) throw notWorkbook('这是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx 后再导入')
    throw notWorkbook('这是一个 zip 文件，但不是 xlsx 工作簿')
  }
  const base = path.dirname(workbookEntry.name)
  const relsEntry = entry(path.join(base, '_rels', `${path.basename(workbookEntry.name)}.rels`))
  const rels = new Map((relsEntry ? await relationships(relsEntry, base, read, true) : []).map((r) => [r.id, r]))

  const sheets: { name: string; rel: string }[] = []
  let date1904 = false
  await read(workbookEntry, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true'
      else if (name === 'sheet' && sheets.length < 1000) sheets.push({ name: a.name ?? '', rel: attribute(a, 'id') ?? '' })
    },
  })

  const sharedStringsRel = [...rels.values()].find((r) => r.type === 'sharedStrings')
  const sharedStringsEntry = sharedStringsRel && entry(sharedStringsRel.target)
  const sst = sharedStringReader(limits)
  if (sharedStringsEntry) await read(sharedStringsEntry, sst.handlers)

  let input: { name: string; scan: SheetScan } | undefined
  for (const sheet of sheets) {
    if (skipSheets.includes(sheet.name)) continue
    const rel = rels.get(sheet.rel)
    const part = rel && entry(rel.target)
    if (!rel || !part) throw sheetError('damaged', `xlsx 文件已损坏：找不到工作表“${sheet.name}”`)
    if (rel.type !== 'worksheet') throw sheetError('extra-sheet', `工作簿含有“${sheet.name}”（不是普通工作表），请删除后再导入`)
    const { scan, handlers } = sheetScanner(sst.strings, limits, input !== undefined)
    await read(part, handlers)
    if (!input) input = { name: sheet.name, scan }
    else if (scan.cells > 0) throw sheetError('extra-sheet', `工作表“${sheet.name}”有数据：只能导入一张工作表（“${input.name}”），请删除或清空其他工作表`)
  }
  if (!input) throw sheetError('empty', '工作簿中没有要导入的工作表')

  const stylesRel = [...rels.values()].find((r) => r.type === 'styles')
  const stylesEntry = stylesRel && entry(stylesRel.target)
  const styles = stylesEntry ? await verbatim(stylesEntry, body, budget) : undefined
  const zip = storedZip([
    ['[Content_Types].xml', contentTypes(Boolean(styles))],
    ['_rels/.rels', packageRels],
    ['xl/workbook.xml', workbookXml(date1904)],
    ['xl/_rels/workbook.xml.rels', workbookRels(Boolean(styles))],
    ['xl/worksheets/sheet1.xml', worksheetXml(input.scan)],
    ...(styles ? ([['xl/styles.xml', styles]] as const) : []),
  ])
  return { zip, sheetName: input.name, date1904, scan: input.scan }
}

type Read = (e: ZipEntry, handlers: XmlHandlers) => Promise<void>

async function relationships(e: ZipEntry, base: string, read: Read, many = false): Promise<Relationship[]> {
  const found: Relationship[] = []
  await read(e, {
    open(name, a) {
      if (name !== 'Relationship' || a.TargetMode === 'External' || !a.Target || found.length >= (many ? 10_000 : 100)) return
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : path.join(base, a.Target)
      found.push({ id: a.Id ?? '', type: (a.Type ?? '').split('/').at(-1)!, target: path.normalize(target).replace(/^\/+/, '') })
    },
  })
  return found
}

/** A part's bytes as they are, once its XML has been read through and found safe. */
async function verbatim(e: ZipEntry, body: Buffer, budget: InflateBudget): Promise<Buffer> {
  const chunks: Buffer[] = []
  async function* keep() {
    for await (const chunk of entryBytes(body, e, budget)) {
      chunks.push(chunk)
      yield chunk
    }
  }
  await parseXml(e.name, keep(), {})
  return Buffer.concat(chunks)
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml'

const contentTypes = (styles: boolean) =>
  XML_DECL +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
  (styles ? `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` : '') +
  '</Types>'

const packageRels =
  XML_DECL + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`

// The sheet's own name is not carried over: exceljs only needs one sheet, and the reader reports
// the original name.
const workbookXml = (date1904: boolean) =>
  XML_DECL +
  `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${date1904 ? '<workbookPr date1904="1"/>' : ''}` +
  '<sheets><sheet name="input" sheetId="1" r:id="rId1"/></sheets></workbook>'

const workbookRels = (styles: boolean) =>
  XML_DECL +
  `<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  (styles ? `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` : '') +
  '</Relationships>'
