// The import's entry point: a request body, whatever its declared type, told apart by its bytes.
// An xlsx is a zip (`PK\x03\x04`); anything else must be CSV text. Known binary formats and
// anything holding NUL bytes are "not a spreadsheet" — with a hint for an old .xls or an encrypted
// workbook (both OLE compound files, D0 CF 11 E0) — rather than a confusing CSV error.

import type { SheetColumn } from './columns.js'
import { sheetError } from './errors.js'
import { defaultLimits, mib, type SheetLimits } from './limits.js'
import { readCsv } from './read-csv.js'
import type { SheetReadResult } from './read-rows.js'
import { readXlsx } from './read-xlsx.js'
import { templateSheetNames } from './write-template.js'
import { isZip } from './zip-reader.js'

export interface ReadOptions {
  limits?: Partial<SheetLimits>
  /** Sheets never read (default: the template's own sheets 填写说明, 网格单元, 下拉选项). */
  skipSheets?: readonly string[]
}

const BINARY_MAGIC: [bytes: number[], what: string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], '这是旧版 Excel（.xls）或加密的工作簿：请去掉密码并另存为 .xlsx 后再导入'],
  [[0x25, 0x50, 0x44, 0x46], '这是 PDF 文件，不是电子表格'],
  [[0x89, 0x50, 0x4e, 0x47], '这是图片文件，不是电子表格'],
  [[0xff, 0xd8, 0xff], '这是图片文件，不是电子表格'],
  [[0x1f, 0x8b], '这是 gzip 压缩文件，不是电子表格'],
  [[0x50, 0x4b, 0x05, 0x06], '这是一个空的 zip 文件，不是电子表格'],
]

export function sniff(body: Buffer): 'xlsx' | 'csv' {
  if (isZip(body)) return 'xlsx'
  for (const [magic, what] of BINARY_MAGIC) if (magic.every((b, i) => body[i] === b)) throw sheetError('not-a-spreadsheet', what)
  if (body.includes(0)) throw sheetError('not-a-spreadsheet', '文件不是 xlsx 工作簿，也不是 CSV 文本')
  return 'csv'
}

/**
 * Reads an import body into rows of field values and the bad cells among them. Throws a
 * SpreadsheetError (400/413) for a file that cannot be read at all.
 */
export async function readSpreadsheet(body: Buffer, columns: readonly SheetColumn[], options: ReadOptions = {}): Promise<SheetReadResult> {
  const limits = { ...defaultLimits, ...options.limits }
  if (body.length > limits.maxBytes) throw sheetError('too-large', `文件为 ${mib(body.length)}，超过 ${mib(limits.maxBytes)}`)
  if (body.length === 0) throw sheetError('empty', '文件是空的')
  return sniff(body) === 'xlsx' ? readXlsx(body, columns, limits, options.skipSheets ?? templateSheetNames) : readCsv(body, columns, limits)
}
