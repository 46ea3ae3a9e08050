// Rows of cells → values of new records, shared by the xlsx and CSV readers so that both formats
// give the same rows (API.md §7):
// - row 1 is the header; a column is matched by its Chinese header or its field name (letter case
//   and full-width forms aside); an unknown or doubled column, a missing required column, or data
//   under an empty header → `bad-header` (400) naming each;
// - blank rows are skipped but keep their numbers, so every error names the row the clerk sees;
// - more than `maxRows` data rows → `too-large` (413);
// - each cell is read by its column (cells.ts); a bad cell, or a required one left blank, becomes a
//   CellError and the row's other cells are still read, so one report lists every bad cell.

import { fromCell, type RawCell, type ReadContext } from './cells.js'
import { columnAt, type SheetColumn } from './columns.js'
import { sheetError, type CellError } from './errors.js'
import type { SheetLimits } from './limits.js'
import { columnLetters } from './sheet-xml.js'

export interface RawRow {
  /** The spreadsheet's row number (the header is row 1). */
  row: number
  /** Cells from column A; holes and missing trailing cells are blank. */
  cells: readonly RawCell[]
}

export interface MatchedColumn {
  column: SheetColumn
  /** 0-based position in the sheet. */
  index: number
  /** The header text as written in the file. */
  header: string
}

export interface ParsedRow {
  row: number
  /** The record's fields as read: dotted fields nested (`resolution.method`), blank cells left out. */
  values: Record<string, unknown>
}

export interface SheetReadResult {
  format: 'xlsx' | 'csv'
  /** The sheet read (xlsx only). */
  sheetName?: string
  columns: MatchedColumn[]
  /** Every non-blank data row, in sheet order, including rows with errors. */
  rows: ParsedRow[]
  /** Every bad cell, by row then column. */
  errors: CellError[]
}

const key = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
const headerText = (cell: RawCell): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'object' ? '' : String(cell).trim()
const isBlank = (cell: RawCell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')

/** Columns of the header row; throws `bad-header` for an unknown, doubled or missing column. */
export function matchHeader(header: readonly RawCell[], columns: readonly SheetColumn[]): MatchedColumn[] {
  const byName = new Map<string, SheetColumn>()
  for (const c of columns) {
    byName.set(key(c.header), c)
    byName.set(key(c.field), c)
  }
  const matched: MatchedColumn[] = []
  const problems: CellError[] = []
  const seen = new Map<string, MatchedColumn>()
  header.forEach((cell, index) => {
    const text = headerText(cell)
    if (text === '') return
    const column = byName.get(key(text))
    const where = { row: 1, column: text }
    if (!column) return problems.push({ ...where, field: '', message: `未知的列“${text}”（${columnLetters(index + 1)} 列）` })
    const earlier = seen.get(column.field)
    if (earlier) {
      return problems.push({ ...where, field: column.field, message: `列“${text}”与“${earlier.header}”重复（${columnLetters(earlier.index + 1)} 列和 ${columnLetters(index + 1)} 列）` })
    }
    const m = { column, index, header: text }
    seen.set(column.field, m)
    matched.push(m)
  })
  for (const c of columns) {
    if (c.required && !seen.has(c.field)) problems.push({ row: 1, column: c.header, field: c.field, message: `缺少必填列“${c.header}”` })
  }
  if (problems.length) throw sheetError('bad-header', problems.map((p) => p.message).join('；'), problems)
  return matched
}

function setAt(target: Record<string, unknown>, field: string, value: unknown): void {
  const path = field.split('.')
  let o = target
  for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>
  o[path.at(-1)!] = value
}

export function readRows(
  format: 'xlsx' | 'csv',
  header: readonly RawCell[],
  rows: Iterable<RawRow>,
  columns: readonly SheetColumn[],
  limits: SheetLimits,
  context: ReadContext = {},
): Omit<SheetReadResult, 'sheetName'> {
  if (header.every(isBlank)) throw sheetError('empty', '第 1 行应为表头，但它是空的')
  if (header.length > limits.maxColumns) throw sheetError('too-large', `表头超过 ${limits.maxColumns} 列`)
  const matched = matchHeader(header, columns)
  const known = new Set(matched.map((m) => m.index))
  const unheaded = new Map<number, number>() // column index → first row with data under no header
  const parsed: ParsedRow[] = []
  const errors: CellError[] = []
  for (const { row, cells } of rows) {
    if (cells.every(isBlank)) continue
    if (parsed.length >= limits.maxRows) throw sheetError('too-large', `数据超过 ${limits.maxRows} 行（第 ${row} 行）`)
    cells.forEach((cell, index) => {
      if (!known.has(index) && !isBlank(cell) && !unheaded.has(index)) unheaded.set(index, row)
    })
    const values: Record<string, unknown> = {}
    for (const { column, index, header: text } of matched) {
      const result = fromCell(column, cells[index], context)
      const where = { row, column: text, field: column.field }
      if ('blank' in result) {
        if (column.required) errors.push({ ...where, message: '必填，不能为空' })
      } else if ('error' in result) errors.push({ ...where, message: result.error })
      else setAt(values, column.field, result.value)
    }
    parsed.push({ row, values })
  }
  if (unheaded.size) {
    const problems = [...unheaded].map(([index, row]) => ({ row, column: columnLetters(index + 1), field: '', message: `${columnLetters(index + 1)} 列有数据但没有表头` }))
    throw sheetError('bad-header', problems.map((p) => p.message).join('；'), problems)
  }
  return { format, columns: matched, rows: parsed, errors }
}

/**
 * A record validation error of one row (a JSON Pointer into the record, as the collection's POST
 * reports it) placed in the sheet: `/parties/0/phone` → the 当事人 column as headed in this file,
 * or by its Chinese header when the file left that column out.
 */
export function errorAt(
  columns: readonly SheetColumn[],
  result: Pick<SheetReadResult, 'columns'>,
  row: number,
  pointer: string,
  message: string,
): CellError {
  const column = columnAt(columns, pointer)
  const matched = column && result.columns.find((m) => m.column.field === column.field)
  return { row, column: matched?.header ?? column?.header ?? '', field: column?.field ?? pointer.slice(1).replace(/\//g, '.'), message }
}
