// One cell, both ways: a record's value as an xlsx cell or a CSV field (export), and a cell as the
// value of a new record (import).

import type { SheetColumn } from './columns.js'
import { csvSafeText, unquoteText, xlsxSafeText } from './formula-text.js'
import {
  dayToSheetDate,
  formatInstant,
  instantToSheetDate,
  serialToSheetDate,
  sheetDateToDay,
  sheetDateToInstant,
  type Parsed,
} from './instants.js'
import { formatScalar, parseScalar, type ScalarSpec } from './scalars.js'

/** What exceljs writes: strings as string cells, Dates as date cells (the column carries the format). */
export type XlsxCell = string | number | Date | null

/** What a reader hands over per cell: exceljs values, or CSV text. */
export type RawCell = string | number | boolean | Date | { error: string } | null | undefined

/** The value at a dotted field path of a record (`resolution.method`). */
export function valueAt(record: unknown, field: string): unknown {
  let v = record
  for (const key of field.split('.')) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

const spec = (c: SheetColumn): ScalarSpec => ({ kind: c.kind === 'list' ? 'text' : c.kind, ...(c.labels ? { labels: c.labels } : {}) })

/** The text of a value for a clerk: labels, 是/否, UTC+8 instants, lists as text. */
export function cellText(column: SheetColumn, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (column.kind === 'list') return Array.isArray(value) && column.list ? column.list.format(value) : String(value)
  return formatScalar(spec(column), value)
}

export function toXlsxCell(column: SheetColumn, value: unknown): XlsxCell {
  if (value === undefined || value === null) return null
  switch (column.kind) {
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : xlsxSafeText(String(value))
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? instantToSheetDate(value) : xlsxSafeText(String(value))
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayToSheetDate(value) : xlsxSafeText(String(value))
    default:
      return xlsxSafeText(cellText(column, value))
  }
}

export function toCsvField(column: SheetColumn, value: unknown): string {
  if ((column.kind === 'integer' || column.kind === 'number') && typeof value === 'number') return String(value)
  if (column.kind === 'datetime' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return formatInstant(value)
  return csvSafeText(cellText(column, value))
}

export interface ReadContext {
  /** The workbook counts serials from 1904 (old Mac Excel). */
  date1904?: boolean
}

export type CellValue = Parsed<unknown> | { blank: true }

const isBlankText = (s: string) => s.trim() === ''

function fromText(column: SheetColumn, raw: string): CellValue {
  if (isBlankText(raw)) return { blank: true }
  const text = unquoteText(raw)
  if (column.kind === 'list') return column.list ? column.list.parse(text) : { error: '此列没有文本格式' }
  return parseScalar(spec(column), text)
}

function fromSheetDate(column: SheetColumn, date: Date): CellValue {
  if (column.kind === 'datetime') return sheetDateToInstant(date)
  if (column.kind === 'date') return sheetDateToDay(date)
  // A date in a text column (Excel turned typed text into a date): its wall time as typed.
  const wall = date.toISOString()
  return fromText(column, date.getUTCHours() || date.getUTCMinutes() ? `${wall.slice(0, 10)} ${wall.slice(11, 16)}` : wall.slice(0, 10))
}

/** A cell as the value of its column's field, an error, or blank (the field is left out). */
export function fromCell(column: SheetColumn, raw: RawCell, context: ReadContext = {}): CellValue {
  if (raw === null || raw === undefined) return { blank: true }
  if (typeof raw === 'string') return fromText(column, raw)
  if (raw instanceof Date) return fromSheetDate(column, raw)
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { error: '不是有效的数字' }
    switch (column.kind) {
      case 'integer':
        return Number.isSafeInteger(raw) ? { value: raw } : { error: `${raw} 不是整数` }
      case 'number':
        return { value: raw }
      case 'datetime':
      case 'date': {
        // A date cell whose format is not a date format reaches us as its serial.
        const date = serialToSheetDate(raw, context.date1904)
        return 'error' in date ? date : fromSheetDate(column, date.value)
      }
      default:
        return fromText(column, String(raw))
    }
  }
  if (typeof raw === 'boolean') return column.kind === 'boolean' ? { value: raw } : fromText(column, raw ? 'TRUE' : 'FALSE')
  return { error: `单元格是错误值 ${raw.error}` }
}
