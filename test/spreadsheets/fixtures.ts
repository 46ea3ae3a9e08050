// Column definitions as a collection would give them, and helpers to write and read workbooks in
// memory the way a clerk's Excel would.
import ExcelJS from 'exceljs'
import { PassThrough, type Writable } from 'node:stream'
import type { TSchema } from 'typebox'
import { DisputeCreate, disputeComponents } from '../../src/modules/disputes/schema.js'
import { columnsFromSchema } from '../../src/spreadsheets/index.js'

const components = new Map<string, TSchema>([...disputeComponents, DisputeCreate].map((s) => [(s as unknown as { $id: string }).$id, s]))
export const resolve = (ref: string) => components.get(ref)

export const disputeHeaders = {
  gridUnitCode: '网格编码',
  title: '纠纷名称',
  category: '纠纷类别',
  source: '来源',
  reportedAt: '登记时间',
  parties: '当事人',
  description: '纠纷情况',
  isPetitionBacklog: '信访积案',
  mediator: '调解人',
  status: '状态',
  'resolution.method': '化解方式',
  'resolution.summary': '化解情况',
  'resolution.agreementReached': '达成协议',
  'resolution.resolvedAt': '化解时间',
}

export const disputeColumns = columnsFromSchema(DisputeCreate, {
  headers: disputeHeaders,
  order: Object.keys(disputeHeaders),
  resolve,
  columns: { gridUnitCode: { kind: 'text', required: true, example: 'TJ-01-03', format: '网格编码，见“网格单元”表' } },
})

/** Collects what a writer writes. */
export function sink(): { out: Writable; bytes: () => Buffer } {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  return { out, bytes: () => Buffer.concat(chunks) }
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  return workbook
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A workbook with one sheet of these rows (row 1 the header), as a clerk's Excel would save it. */
export async function workbookOf(rows: ExcelJS.CellValue[][], sheetName = '矛盾纠纷'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  for (const row of rows) sheet.addRow(row)
  return saveWorkbook(workbook)
}
