// The import template (API.md §7): the input sheet, a sheet explaining every column, and the grid
// units the key may write to. It is small, so it is built in memory with exceljs's Workbook.
//
// - Input sheet: Chinese headers (required ones in red), frozen; a drop-down of Chinese labels on
//   every enum and yes/no column for the rows an import may hold; text columns formatted as text
//   (`@`) so Excel keeps a code like 0012 or a phone number as typed; instant and date columns
//   formatted as dates, so a typed date becomes a date cell.
// - A drop-down's list is written inline (`"土地,邻里"`) when it fits Excel's 255-character limit and
//   no label holds a comma or quote; otherwise it refers to a column of the hidden sheet 下拉选项.
// - The reader (read-xlsx.ts) knows these sheet names and ignores those sheets when the filled
//   template comes back.

import type ExcelJS from 'exceljs'
import { loadExcelJS } from './exceljs.js'
import type { Writable } from 'node:stream'
import type { SheetColumn } from './columns.js'
import { defaultLimits } from './limits.js'
import { DATE_FORMAT, DATETIME_FORMAT, HEADER_FILL, HEADER_FONT } from './write-xlsx.js'
import { displayWidth, fitWidth } from './widths.js'

/** The template's own sheets besides the input sheet. */
export const TEMPLATE_SHEETS = { guide: '填写说明', gridUnits: '网格单元', lists: '下拉选项' } as const
export const templateSheetNames: readonly string[] = Object.values(TEMPLATE_SHEETS)

export interface GridUnitRow {
  code: string
  name: string
  level: string
}

export interface TemplateOptions {
  /** The input sheet's name (`矛盾纠纷`): at most 31 characters, none of []:*?/\. */
  sheetName: string
  columns: readonly SheetColumn[]
  /** The grid units the key may write to, in the order to list them. */
  gridUnits: Iterable<GridUnitRow>
  /** Grid level value → Chinese label (`village` → 村). */
  levelLabels?: Readonly<Record<string, string>>
  /** Rows given drop-downs and formats; default the import's row limit. */
  rows?: number
}

// Worksheet.dataValidations (a range → one <dataValidation sqref>) exists in exceljs 4.4.0 but is
// missing from its type declarations; the per-cell API would create 5 000 cells per column.
type WithRangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }

const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } }
const MAX_INLINE_LIST = 255

const columnLetter = (n: number): string => (n <= 0 ? '' : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)))
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`

function styleHeader(row: ExcelJS.Row, required: (i: number) => boolean = () => false): void {
  row.eachCell((cell, i) => {
    cell.font = required(i) ? REQUIRED_FONT : HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = { vertical: 'middle', wrapText: true }
  })
}

function addInputSheet(workbook: ExcelJS.Workbook, options: TemplateOptions): void {
  const { columns, rows = defaultLimits.maxRows } = options
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = columns.map((c) => {
    const numFmt = c.kind === 'datetime' ? DATETIME_FORMAT : c.kind === 'date' ? DATE_FORMAT : c.kind === 'text' || c.kind === 'list' ? '@' : undefined
    const width = fitWidth([c.header, c.example, ...(c.kind === 'enum' && c.labels ? Object.values(c.labels) : [])])
    return { header: c.header, width, ...(numFmt ? { style: { numFmt } } : {}) }
  })
  styleHeader(sheet.getRow(1), (i) => columns[i - 1]!.required)

  const validations = (sheet as unknown as WithRangeValidations).dataValidations
  let lists: ExcelJS.Worksheet | undefined
  columns.forEach((c, i) => {
    if (!c.labels || (c.kind !== 'enum' && c.kind !== 'boolean')) return
    const labels = Object.values(c.labels)
    const inline = `"${labels.join(',')}"`
    let formula = inline
    if (inline.length > MAX_INLINE_LIST || labels.some((l) => /[,"]/.test(l))) {
      lists ??= workbook.addWorksheet(TEMPLATE_SHEETS.lists, { state: 'hidden' })
      const col = lists.columnCount + 1
      lists.getCell(1, col).value = c.header
      labels.forEach((l, j) => (lists!.getCell(j + 2, col).value = l))
      formula = `${quoteSheet(TEMPLATE_SHEETS.lists)}!$${columnLetter(col)}$2:$${columnLetter(col)}$${labels.length + 1}`
    }
    const letter = columnLetter(i + 1)
    validations.add(`${letter}2:${letter}${rows + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: `请从下拉列表选择：${labels.join('、')}`,
    })
  })
}

function allowedValues(c: SheetColumn): string {
  if (c.kind === 'enum' && c.labels) return Object.entries(c.labels).map(([v, l]) => `${l}（${v}）`).join('、')
  if (c.kind === 'boolean') return '是、否'
  return ''
}

function addGuideSheet(workbook: ExcelJS.Workbook, options: TemplateOptions): void {
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS.guide, { views: [{ state: 'frozen', ySplit: 1 }] })
  const head = ['列名', '字段名', '是否必填', '填写格式', '可选值', '示例']
  const body = options.columns.map((c) => [c.header, c.field, c.required ? '必填' : '选填', c.format, allowedValues(c), c.example])
  sheet.addRow(head)
  sheet.addRows(body)
  styleHeader(sheet.getRow(1))
  sheet.columns.forEach((col, i) => (col.width = Math.min(fitWidth([head[i]!, ...body.map((r) => r[i]!)]), i === 3 || i === 4 ? 50 : 30)))
  // Formats and value lists run long: wrapped in their cells, each row as tall as its longest
  // text needs (neither Excel nor LibreOffice refits a stored row on opening).
  body.forEach((texts, i) => {
    const row = sheet.getRow(i + 2)
    row.eachCell((cell) => (cell.alignment = { vertical: 'top', wrapText: true }))
    const lines = Math.max(1, ...texts.map((text, c) => Math.ceil(displayWidth(text) / ((sheet.getColumn(c + 1).width ?? 10) - 3))))
    row.height = 15 * lines
  })
  const notes = [
    '说明：',
    `1. 在“${options.sheetName}”表第 1 行之下逐行填写，每行一条记录；第 1 行是表头，请勿修改或合并单元格，空行会被跳过。`,
    '2. 列可按列名或字段名识别，顺序不限；选填列可以删除；不要添加其他列或工作表，也不要填写公式。',
    '3. 日期时间均按北京时间填写；可填 Excel 日期，或文本 2025-03-31、2025/3/31、2025-03-31 15:30。',
    `4. 网格编码见“${TEMPLATE_SHEETS.gridUnits}”表，只能填写本账号有权限的网格。`,
    `5. 每次最多导入 ${defaultLimits.maxRows} 行、文件不超过 ${defaultLimits.maxBytes / 1024 / 1024} MiB；有任何一行出错时全部不导入，错误逐行逐列列出。`,
  ]
  sheet.addRow([])
  for (const note of notes) sheet.mergeCells(sheet.addRow([note]).number, 1, sheet.lastRow!.number, head.length)
}

function addGridUnitSheet(workbook: ExcelJS.Workbook, options: TemplateOptions): void {
  const sheet = workbook.addWorksheet(TEMPLATE_SHEETS.gridUnits, { views: [{ state: 'frozen', ySplit: 1 }] })
  const head = ['网格编码', '名称', '层级']
  const body = [...options.gridUnits].map((u) => [u.code, u.name, options.levelLabels?.[u.level] ?? u.level])
  sheet.addRow(head)
  sheet.addRows(body)
  styleHeader(sheet.getRow(1))
  sheet.columns.forEach((col, i) => (col.width = fitWidth([head[i]!, ...body.slice(0, 500).map((r) => r[i]!)])))
}

/** Writes the template workbook to `out` and ends it. */
export async function writeTemplate(out: Writable, options: TemplateOptions): Promise<void> {
  const workbook = new (await loadExcelJS()).Workbook()
  workbook.creator = 'fazhi-api'
  addInputSheet(workbook, options)
  addGuideSheet(workbook, options)
  addGridUnitSheet(workbook, options)
  await workbook.xlsx.write(out)
  out.end()
}
