// The xlsx reader: the untrusted workbook is inspected and rebuilt first (xlsx-package.ts), then
// refused for formulas or merged cells with their places, and only then loaded by exceljs — which
// sees one clean sheet of values — for its reading of shared strings, date formats and types.

import type ExcelJS from 'exceljs'
import { loadExcelJS } from './exceljs.js'
import type { RawCell } from './cells.js'
import type { SheetColumn } from './columns.js'
import { sheetError, SpreadsheetError, type CellError } from './errors.js'
import type { SheetLimits } from './limits.js'
import { readRows, type RawRow, type SheetReadResult } from './read-rows.js'
import { columnLetters, columnNumber } from './sheet-xml.js'
import { cleanWorkbook } from './xlsx-package.js'

/** An exceljs cell value as a reader's raw cell (rich text and hyperlinks as their text). */
function rawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value
  if ('error' in value) return { error: String(value.error) }
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('text' in value && typeof value.text === 'string') return value.text
  return { error: '无法识别的单元格' }
}

export async function readXlsx(body: Buffer, columns: readonly SheetColumn[], limits: SheetLimits, skipSheets: readonly string[]): Promise<SheetReadResult> {
  const clean = await cleanWorkbook(body, limits, skipSheets)
  const workbook = new (await loadExcelJS()).Workbook()
  try {
    await workbook.xlsx.load(clean.zip as unknown as ExcelJS.Buffer)
  } catch (error) {
    throw sheetError('damaged', `xlsx 文件无法读取：${(error as Error).message.slice(0, 200)}`)
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw sheetError('empty', '工作簿中没有要导入的工作表')
  const header: RawCell[] = []
  const rows: RawRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: RawCell[] = []
    row.eachCell({ includeEmpty: false }, (cell, col) => (cells[col - 1] = rawCell(cell.value)))
    if (row.number === 1) header.push(...Array.from(cells, (c) => c ?? null))
    else rows.push({ row: row.number, cells: Array.from(cells, (c) => c ?? null) })
  })
  refuseFormulasAndMerges(clean.scan, header, clean.sheetName)
  try {
    return { ...readRows('xlsx', header, rows, columns, limits, { date1904: clean.date1904 }), sheetName: clean.sheetName }
  } catch (error) {
    if (error instanceof SpreadsheetError) throw error
    throw sheetError('damaged', `xlsx 文件无法读取：${(error as Error).message.slice(0, 200)}`)
  }
}

/**
 * Formulas: a cell whose value a formula computes is not a value the clerk typed, and an imported
 * record must not depend on a computation the service cannot see. Merged cells: only the first
 * cell of a merge holds the value, so a category merged over ten rows would silently be blank in
 * nine; a merged header hides which column is which. Both refuse the file, listing every place.
 */
function refuseFormulasAndMerges(scan: { formulas: { row: number; col: number }[]; merges: string[] }, header: readonly RawCell[], sheetName: string): void {
  const columnName = (col: number) => {
    const h = header[col - 1]
    return typeof h === 'string' && h.trim() ? h.trim() : columnLetters(col)
  }
  if (scan.formulas.length) {
    const refs = scan.formulas.map(({ row, col }) => `${columnLetters(col)}${row}`)
    const cells: CellError[] = scan.formulas.map(({ row, col }, i) => ({
      row,
      column: columnName(col),
      field: '',
      message: `单元格 ${refs[i]} 含有公式，请改为填写数值（复制后“选择性粘贴 → 数值”）`,
    }))
    throw sheetError('formula', `工作表“${sheetName}”含有公式：${refs.join('、')}`, cells)
  }
  if (scan.merges.length) {
    const cells: CellError[] = scan.merges.map((ref) => {
      const m = /^([A-Z]+)(\d+)/.exec(ref.toUpperCase())
      const row = m ? Number(m[2]) : 1
      const col = m ? columnNumber(m[1]!) : 1
      return { row, column: columnName(col), field: '', message: `${row === 1 ? '表头' : ''}单元格 ${ref} 是合并单元格，请取消合并并在每个单元格中填写` }
    })
    throw sheetError('merged-cells', `工作表“${sheetName}”含有合并单元格：${scan.merges.join('、')}`, cells)
  }
}
