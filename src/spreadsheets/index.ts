// The spreadsheet layer (API.md §7), transport-neutral: plain functions over buffers and streams.
// One column definition per collection (columnsFromSchema) drives the template, the import and the
// export. The HTTP layer maps a SpreadsheetError to a problem by its `status` / `problemSlug`, and
// puts the CellErrors of a read (plus the record validation's, placed with errorAt) in the 422.

export { columnAt, columnsFromSchema, type ColumnKind, type ColumnOptions, type SchemaResolver, type SheetColumn } from './columns.js'
export { cellText, fromCell, toCsvField, toXlsxCell, valueAt, type RawCell } from './cells.js'
export { SpreadsheetError, type CellError, type SpreadsheetErrorCode } from './errors.js'
export { formatInstant, parseDayText, parseInstantText } from './instants.js'
export { labelsFromDescription } from './labels.js'
export { defaultLimits, type SheetLimits } from './limits.js'
export { scalarListCodec, tupleListCodec, type ListCodec, type ListPart } from './list-codecs.js'
export { readSpreadsheet, sniff, type ReadOptions } from './read.js'
export { errorAt, type MatchedColumn, type ParsedRow, type SheetReadResult } from './read-rows.js'
export { CSV_MEDIA_TYPE, writeCsv } from './write-csv.js'
export { TEMPLATE_SHEETS, templateSheetNames, writeTemplate, type GridUnitRow, type TemplateOptions } from './write-template.js'
export { XLSX_MEDIA_TYPE, writeXlsx, type XlsxExportOptions } from './write-xlsx.js'
