import type ExcelJS from 'exceljs'

// exceljs is about a quarter of the service's memory at rest (some 26 MiB of a process that serves
// JSON in 170): it is loaded with the first spreadsheet asked for, not at start.
let loading: Promise<typeof ExcelJS> | undefined

export const loadExcelJS = (): Promise<typeof ExcelJS> => (loading ??= import('exceljs').then((m) => m.default))
