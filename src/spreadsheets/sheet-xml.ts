// A worksheet part rewritten to the little exceljs needs to read values, and nothing that can make
// exceljs loop or allocate without bound. exceljs expands every range it meets cell by cell: a
// `<dataValidation sqref="A1:XFD1048576">` of a few bytes (or Excel's own whole-column drop-down)
// becomes 17 billion map entries, a merged range as large creates as many cells, a `<col max>` as
// many columns. So only <sheetData> survives — rows and the cells that hold a value, each with an
// explicit address, shared strings written inline — and everything else is measured here:
// - formulas (`<f>`) and merged ranges are recorded, for the reader to refuse with their places;
// - rows holding a value, cells holding a value and the widest column are counted against the
//   limits while reading, so a sheet of a million rows stops at the first one past the bound.

import { sheetError } from './errors.js'
import type { SheetLimits } from './limits.js'
import { escapeXml, StopReading, type Attributes, type XmlHandlers } from './xml.js'

export interface SheetScan {
  /** The clean worksheet XML. */
  xml: string[]
  /** Cells holding a formula, by row and column number (1-based). */
  formulas: { row: number; col: number }[]
  /** Merged ranges (`A1:C1`). */
  merges: string[]
  /** Rows holding at least one value. */
  rows: number
  cells: number
}

const MAX_ROW = 1_048_576
const MAX_COL = 16_384
const MAX_LISTED = 100

export const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
export const columnLetters = (n: number): string => (n <= 0 ? '' : columnLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)))

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/

/**
 * Handlers that read one worksheet part into a SheetScan. With `probe`, reading stops (StopReading)
 * at the first value: the caller only wants to know whether the sheet is empty.
 */
export function sheetScanner(sharedStrings: readonly string[], limits: SheetLimits, probe = false): { scan: SheetScan; handlers: XmlHandlers } {
  const scan: SheetScan = { xml: [], formulas: [], merges: [], rows: 0, cells: 0 }
  const stack: string[] = []
  let row = 0
  let rowCells: string[] = []
  let col = 0
  let cell: { ref: string; type: string; style: string; text: string; inline: boolean; phonetic: number } | undefined
  let inValue = false
  let elements = 0

  const damaged = (why: string) => sheetError('damaged', `工作表已损坏：${why}`)

  function openCell(a: Attributes): void {
    if (++elements > limits.maxCellElements) throw sheetError('too-large', `工作表的单元格超过 ${limits.maxCellElements} 个（含空单元格）`)
    let c = col + 1
    if (a.r !== undefined) {
      const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(a.r.toUpperCase())
      if (!m || Number(m[2]) !== row) throw damaged(`单元格地址 ${a.r.slice(0, 20)} 无效`)
      c = columnNumber(m[1]!)
    }
    if (c <= col || c > MAX_COL) throw damaged(`第 ${row} 行的单元格顺序无效`)
    col = c
    const style = a.s !== undefined && /^\d{1,6}$/.test(a.s) ? a.s : ''
    cell = { ref: `${columnLetters(c)}${row}`, type: a.t ?? 'n', style, text: '', inline: false, phonetic: 0 }
  }

  function closeCell(): void {
    const c = cell!
    cell = undefined
    let xml: string
    const text = c.text
    switch (c.type) {
      case 's': {
        const index = Number(text)
        if (text.trim() === '') return
        if (!Number.isInteger(index) || index < 0 || index >= sharedStrings.length) throw damaged(`单元格 ${c.ref} 引用的共享字符串不存在`)
        xml = inlineString(c.ref, sharedStrings[index]!)
        break
      }
      case 'inlineStr':
      case 'str':
      case 'd': // an ISO 8601 date as text; the column's conversion reads it
        if (text === '') return
        xml = inlineString(c.ref, text)
        break
      case 'b':
        if (text !== '0' && text !== '1') return
        xml = `<c r="${c.ref}" t="b"><v>${text}</v></c>`
        break
      case 'e':
        if (text === '') return
        xml = `<c r="${c.ref}" t="e"><v>${escapeXml(text.slice(0, 32))}</v></c>`
        break
      default: {
        const t = text.trim()
        if (t === '') return
        if (!NUMBER.test(t)) throw damaged(`单元格 ${c.ref} 的数值无效`)
        xml = `<c r="${c.ref}"${c.style ? ` s="${c.style}"` : ''}><v>${t}</v></c>`
      }
    }
    if (probe) {
      scan.cells = 1
      throw new StopReading()
    }
    if (col > limits.maxColumns) throw sheetError('too-large', `工作表有数据的列超过 ${limits.maxColumns} 列（${c.ref}）`)
    if (++scan.cells > limits.maxCells) throw sheetError('too-large', `工作表有数据的单元格超过 ${limits.maxCells} 个`)
    rowCells.push(xml)
  }

  const inlineString = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`

  const handlers: XmlHandlers = {
    open(name, a) {
      const parent = stack.at(-1)
      stack.push(name)
      if (parent === 'sheetData' && name === 'row') {
        const r = a.r !== undefined ? Number(a.r) : row + 1
        if (!Number.isInteger(r) || r <= row || r > MAX_ROW) throw damaged(`行号 ${String(a.r).slice(0, 10)} 无效`)
        row = r
        col = 0
        rowCells = []
      } else if (parent === 'row' && name === 'c') openCell(a)
      else if (cell && name === 'f' && parent === 'c') {
        if (scan.formulas.length < MAX_LISTED) scan.formulas.push({ row, col })
      } else if (cell && name === 'rPh') cell.phonetic++ // phonetic guides are not part of the text
      else if (cell && name === 'v' && parent === 'c') inValue = true
      else if (cell && name === 't' && cell.phonetic === 0 && stack.includes('is')) inValue = true
      else if (name === 'mergeCell' && parent === 'mergeCells' && a.ref && scan.merges.length < MAX_LISTED) scan.merges.push(a.ref.slice(0, 30))
    },
    text(t) {
      if (!inValue || !cell) return
      cell.text += t
      if (cell.text.length > limits.maxCellText) throw sheetError('too-large', `单元格 ${cell.ref} 超过 ${limits.maxCellText} 个字符`)
    },
    close(name) {
      stack.pop()
      if (name === 'v' || name === 't') inValue = false
      else if (name === 'rPh' && cell) cell.phonetic--
      else if (name === 'c' && cell && stack.at(-1) === 'row') closeCell()
      else if (name === 'row' && stack.at(-1) === 'sheetData') {
        if (rowCells.length === 0) return
        if (++scan.rows > limits.maxRows + 1) throw sheetError('too-large', `工作表超过 ${limits.maxRows} 行数据`)
        scan.xml.push(`<row r="${row}">${rowCells.join('')}</row>`)
      }
    },
  }
  return { scan, handlers }
}

/** The clean worksheet part around the rows a scan kept. */
export const worksheetXml = (scan: SheetScan) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  scan.xml.join('') +
  '</sheetData></worksheet>'

/** Handlers that read the shared-string table: each item's text, rich runs joined, phonetics left out. */
export function sharedStringReader(limits: SheetLimits): { strings: string[]; handlers: XmlHandlers } {
  const strings: string[] = []
  let current: string | undefined
  let inText = false
  let phonetic = 0
  return {
    strings,
    handlers: {
      open(name) {
        if (name === 'si') {
          current = ''
          if (strings.length >= limits.maxCells * 4) throw sheetError('too-large', '共享字符串表过大')
        } else if (name === 'rPh') phonetic++
        else if (name === 't' && current !== undefined && phonetic === 0) inText = true
      },
      text(t) {
        if (inText) current += t
      },
      close(name) {
        if (name === 't') inText = false
        else if (name === 'rPh') phonetic--
        else if (name === 'si' && current !== undefined) {
          strings.push(current)
          current = undefined
        }
      },
    },
  }
}
