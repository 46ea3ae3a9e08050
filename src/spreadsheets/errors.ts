// Errors of the spreadsheet layer. Two kinds, kept apart on purpose:
// - a file the service will not read at all (not a spreadsheet, unsafe, too large, a bad header):
//   thrown as a SpreadsheetError, which the HTTP layer answers 400 or 413 (`status`, `problemSlug`);
// - cells it read but cannot accept: returned as CellError values next to the rows, so the import
//   can merge them with the record validation's errors into one 422 `import-rejected` report.

/**
 * One bad cell (API.md §7). `row` is the spreadsheet's own row number, the header being row 1.
 * `column` is the header text as written in the file (the clerk sees that text), or the column
 * letter (`F`) when the column has no header; `field` the record field it fills (`parties`,
 * `resolution.method`), empty when the column belongs to no field.
 */
export interface CellError {
  row: number
  column: string
  field: string
  message: string
}

export type SpreadsheetErrorCode =
  | 'not-a-spreadsheet' // neither an xlsx workbook nor UTF-8 CSV text (an .xls, a PDF, an image)
  | 'not-utf8' // CSV text in another encoding (GBK from a Chinese Excel's plain "CSV")
  | 'damaged' // a zip, XML or CSV that does not parse
  | 'unsafe-content' // a DTD / entity declaration (billion laughs), an encrypted or overlapping zip entry
  | 'zip-bomb' // an entry that inflates, or claims to inflate, far beyond its size
  | 'formula' // a cell holding a formula
  | 'merged-cells' // merged cells in the input sheet
  | 'extra-sheet' // a sheet with data that is neither the input sheet nor one the template wrote
  | 'empty' // no header row
  | 'bad-header' // an unknown, doubled or missing column
  | 'too-large' // over the byte, row, column or cell limits

const status413: ReadonlySet<SpreadsheetErrorCode> = new Set(['too-large', 'zip-bomb'])

export class SpreadsheetError extends Error {
  /** 413 for sizes (the body, its rows, what it inflates to), 400 for everything else. */
  readonly status: 400 | 413
  constructor(
    readonly code: SpreadsheetErrorCode,
    message: string,
    /** The cells concerned, when the error has a place (a formula in C5, a doubled header). */
    readonly cells: CellError[] = [],
  ) {
    super(message)
    this.name = 'SpreadsheetError'
    this.status = status413.has(code) ? 413 : 400
  }

  /** The problem catalog's slug for this error (API.md §2). */
  get problemSlug(): 'payload-too-large' | 'validation-error' {
    return this.status === 413 ? 'payload-too-large' : 'validation-error'
  }
}

export const sheetError = (code: SpreadsheetErrorCode, message: string, cells?: CellError[]) => new SpreadsheetError(code, message, cells)
