// The xlsx export: exceljs's streaming WorkbookWriter, rows pulled one at a time from an async
// iterable (the keyset pages of a list), so memory stays flat whatever the row count:
// - `useSharedStrings: false`: strings go inline, no table of every distinct string kept to the end;
// - each row is committed (serialised and released) as soon as it is added;
// - exceljs passes no backpressure back to its caller, neither the output's nor its compressor's,
//   so every `yieldEvery` rows the writer waits until the output has drained and the sheet XML not
//   yet compressed is under `maxBacklog` (exceljs-backlog.ts), and pulls no further row meanwhile
//   (test/spreadsheets/export-streaming.test.ts counts the rows pulled while the reader stalls).
// The header row is frozen and filtered, widths fit the header and the first rows, instants and
// dates are date cells with a number format, so a clerk can sort and filter by them.

import type ExcelJS from 'exceljs'
import { loadExcelJS } from './exceljs.js'
import type { Writable } from 'node:stream'
import { cellText, toXlsxCell, valueAt } from './cells.js'
import type { SheetColumn } from './columns.js'
import { caughtUp } from './exceljs-backlog.js'
import { fitWidth } from './widths.js'

export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm'
export const DATE_FORMAT = 'yyyy-mm-dd'
/** The media type of an xlsx body (ECMA-376). */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface XlsxExportOptions {
  /** Sheet name: at most 31 characters, none of []:*?/\ (exceljs refuses others). */
  sheetName: string
  /** Rows measured for the column widths before the first row is written. */
  sampleRows?: number
  /** Rows written between two waits for the output and the compressor. */
  yieldEvery?: number
  /** Bytes of sheet XML the compressor may lag behind (default 256 KiB, some 300 rows). */
  maxBacklog?: number
}

export const numberFormat = (c: SheetColumn) => (c.kind === 'datetime' ? DATETIME_FORMAT : c.kind === 'date' ? DATE_FORMAT : undefined)

/** Widths for the header and these sample records: CJK counts 2, instants print as 16 characters. */
export function columnWidths(columns: readonly SheetColumn[], samples: readonly unknown[]): number[] {
  return columns.map((c) =>
    fitWidth([c.header, ...(c.kind === 'datetime' ? ['2025-03-31 15:30'] : []), ...samples.map((r) => cellText(c, valueAt(r, c.field)))]),
  )
}

export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true }
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }

/**
 * Writes `records` as an xlsx workbook to `out` and ends it. Resolves with the row count once the
 * workbook is complete; if the source fails midway, `out` is destroyed and the promise rejects
 * with the source's error, so a client gets a broken download rather than a short file that
 * looks whole.
 */
export async function writeXlsx(
  out: Writable,
  columns: readonly SheetColumn[],
  records: AsyncIterable<unknown> | Iterable<unknown>,
  options: XlsxExportOptions,
): Promise<{ rows: number }> {
  const { sampleRows = 50, yieldEvery = 200, maxBacklog = 256 * 1024 } = options
  const iterator = Symbol.asyncIterator in records ? records[Symbol.asyncIterator]() : toAsync(records)
  let count = 0
  try {
    const samples: unknown[] = []
    let exhausted = false
    while (samples.length < sampleRows) {
      const r = await iterator.next()
      if (r.done) {
        exhausted = true
        break
      }
      samples.push(r.value)
    }

    const workbook = new (await loadExcelJS()).stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true })
    const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
    const widths = columnWidths(columns, samples)
    sheet.columns = columns.map((c, i) => {
      const numFmt = numberFormat(c)
      return { width: widths[i], ...(numFmt ? { style: { numFmt } } : {}) }
    })
    const header = sheet.addRow(columns.map((c) => c.header))
    header.font = HEADER_FONT
    header.eachCell((cell) => (cell.fill = HEADER_FILL))
    header.commit()
    if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }

    const write = async (record: unknown) => {
      sheet.addRow(columns.map((c) => toXlsxCell(c, valueAt(record, c.field)))).commit()
      if (++count % yieldEvery === 0) await caughtUp(sheet, out, maxBacklog)
    }
    for (const record of samples.splice(0)) await write(record)
    if (!exhausted) for (let r = await iterator.next(); !r.done; r = await iterator.next()) await write(r.value)
    sheet.commit()
    await workbook.commit()
    return { rows: count }
  } catch (error) {
    await iterator.return?.()
    // Destroyed without the error: the promise carries it, and an 'error' event on a stream
    // nobody listens to would take the process down.
    out.destroy()
    throw error
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items
}
