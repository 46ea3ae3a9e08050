// The annual report as the document a unit files (API.md §5, GET /v1/annual-reports/{id}/document):
// one document model, written as Markdown or as a GB/T 9704-2012 Word file.
import type { AnnualReportInput, ReportDocument } from './model.js'

export type { AnnualReportFigures } from './figures.js'
export type { AnnualReportInput, ReportBlock, ReportDocument } from './model.js'
export { buildAnnualReportDocument, defaultTitle, figureSections } from './build.js'
export { renderAnnualReportMarkdown, writeMarkdown, escapeMarkdown, markdownBlock } from './markdown.js'

// The Word writer (docx, some 4 MiB) loads with the first document asked for, not at start.
const docxWriter = () => import('./docx.js')
export const renderAnnualReportDocx = async (input: AnnualReportInput): Promise<Buffer> => (await docxWriter()).renderAnnualReportDocx(input)
export const writeDocx = async (doc: ReportDocument): Promise<Buffer> => (await docxWriter()).writeDocx(doc)
export { annualReportFileName, contentDisposition, type DocumentFormat } from './file-name.js'
export { chinaDate, chineseDate } from './phrasing.js'

/** The media types the document route answers (API.md §5); anything else is 406 not-acceptable. */
export const DOCUMENT_MEDIA_TYPES = {
  markdown: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const
