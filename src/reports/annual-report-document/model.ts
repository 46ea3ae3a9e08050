import type { AnnualReportFigures } from './figures.js'

/** What the annual-report record holds for its document (API.md §5, annual reports). */
export type AnnualReportInput = {
  unitName: string
  year: number
  /** The office's own title; without it `<unit name><year>年度法治政府建设情况报告`. */
  title?: string
  /** 主送机关, e.g. 旗委全面依法治旗委员会办公室. */
  addressee: string
  /** 发文机关署名, e.g. 团结镇人民政府. */
  issuer: string
  narrative: {
    introduction?: string
    principalDuties?: string
    shortcomings: readonly string[]
    nextSteps: readonly string[]
    other?: string
  }
  status: 'draft' | 'submitted' | 'published'
  /** 成文日期 as a calendar date `YYYY-MM-DD` in UTC+8: the submission date, or today for a draft. */
  date: string
  figures: AnnualReportFigures
}

/**
 * The report as a document, before it is Markdown or Word: every text is final (figures already
 * phrased), so the two writers differ only in layout and can never disagree on a word.
 */
export type ReportBlock =
  /** 一、强化政治引领: the first level of GB/T 9704-2012 §7.3.3 (黑体). */
  | { kind: 'heading1'; text: string }
  /** （一）重大行政决策合法性审查: the second level (楷体). */
  | { kind: 'heading2'; text: string }
  /** Body text, 仿宋, first line indented two characters. */
  | { kind: 'paragraph'; text: string }

export type ReportDocument = {
  /** A draft is marked 草稿 above the title, so nobody files it by mistake. */
  draft: boolean
  title: string
  /** The 主送 line, with its closing full-width colon. */
  addressee: string
  blocks: ReportBlock[]
  issuer: string
  /** `2026年2月20日`. */
  date: string
  /** Document properties. */
  properties: { title: string; creator: string; subject: string }
}

export const heading1 = (text: string): ReportBlock => ({ kind: 'heading1', text })
export const heading2 = (text: string): ReportBlock => ({ kind: 'heading2', text })
export const paragraph = (text: string): ReportBlock => ({ kind: 'paragraph', text })

/**
 * The office's text as paragraphs: a text typed in a form keeps its line breaks as paragraph
 * breaks, and blank lines make no empty paragraphs.
 */
export function officeParagraphs(text: string): ReportBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(paragraph)
}
