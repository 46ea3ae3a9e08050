import type { Statistics } from '../statistics-schema.js'

/** One unit's figures for one year, as the document reads them: the statistics object itself (API.md §5). */
export type AnnualReportFigures = Statistics
