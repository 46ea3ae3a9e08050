// The CSV reader: UTF-8 only (a BOM is dropped), parsed by csv-parse with quotes per RFC 4180 and
// ragged rows allowed (Excel drops trailing empty fields on some lines). Empty lines are records
// too, so row numbers are those Excel shows when it opens the file.

import { CsvError, parse } from 'csv-parse/sync'
import type { SheetColumn } from './columns.js'
import { sheetError } from './errors.js'
import type { SheetLimits } from './limits.js'
import { readRows, type RawRow, type SheetReadResult } from './read-rows.js'

/** Decodes CSV bytes, refusing anything that is not UTF-8 with a hint at the usual cause. */
export function decodeCsv(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    throw sheetError(
      'not-utf8',
      'CSV 文件不是 UTF-8 编码（Excel 的“CSV（逗号分隔）”在中文 Windows 上保存为 GBK）：请另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入',
    )
  }
}

export function readCsv(body: Buffer, columns: readonly SheetColumn[], limits: SheetLimits): SheetReadResult {
  const text = decodeCsv(body)
  let header: string[] | undefined
  let dataRows = 0
  const records: RawRow[] = []
  try {
    // Records are collected by on_record itself (with their row numbers); parse keeps none.
    parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 1024 * 1024,
      on_record: (cells: string[], context: { records: number }) => {
        if (cells.length > limits.maxColumns && cells.slice(limits.maxColumns).some((c) => c.trim() !== '')) {
          throw sheetError('too-large', `第 ${context.records} 行超过 ${limits.maxColumns} 列`)
        }
        if (context.records === 1) header = cells
        else if (cells.some((c) => c.trim() !== '')) {
          // One past the limit is kept so that readRows names the row; reading stops there.
          if (++dataRows > limits.maxRows + 1) throw sheetError('too-large', `数据超过 ${limits.maxRows} 行（第 ${context.records} 行）`)
          records.push({ row: context.records, cells: cells.slice(0, limits.maxColumns) })
        }
        return null
      },
    })
  } catch (error) {
    if (error instanceof CsvError) throw sheetError('damaged', `CSV 格式错误：${error.message.slice(0, 200)}`)
    throw error
  }
  if (!header) throw sheetError('empty', 'CSV 文件是空的：第 1 行应为表头')
  return readRows('csv', header, records, columns, limits)
}
