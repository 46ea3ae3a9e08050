import { heading1, heading2, officeParagraphs, paragraph, type AnnualReportInput, type ReportBlock, type ReportDocument } from './model.js'
import { chineseDate } from './phrasing.js'
import { decisionsSection } from './section-decisions.js'
import { educationSection } from './section-education.js'
import { enforcementSection } from './section-enforcement.js'
import { leadershipSection } from './section-leadership.js'
import { peopleSection } from './section-people.js'

// The whole report in the example's order: opening, 一 … 五 from the figures, 六 from the office's
// own words, 其他需要报告的情况 when there is any, then the issuer and the date.

/** Title used when the office gave none (API.md §5, annual reports). */
export const defaultTitle = (unitName: string, year: number) => `${unitName}${year}年度法治政府建设情况报告`

/** One numbered point is one paragraph, however it was typed. */
const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, '').trim()

function opening({ unitName, year, narrative }: AnnualReportInput): ReportBlock[] {
  const own = narrative.introduction ? officeParagraphs(narrative.introduction) : []
  if (own.length > 0) return own
  return [
    paragraph(
      `${year}年，${unitName}坚持以习近平法治思想为指导，认真贯彻落实上级关于法治政府建设的决策部署，扎实推进依法行政，法治政府建设各项工作取得新成效。现将${year}年度法治政府建设情况报告如下：`,
    ),
  ]
}

/** A paragraph the office already numbered (`1.`, `（1）`, `一是`) keeps its own number. */
const numbered = /^\s*(\d+\s*[.．、]|[（(]\s*\d+\s*[)）]|[一二三四五六七八九十]+是)/

/** 存在问题 and 下一步工作 as the third level of GB/T 9704-2012 §7.3.3: `1.` `2.` … */
function numberedParagraphs(texts: readonly string[]): ReportBlock[] {
  // A draft may not have them yet; say so rather than print an empty sub-point.
  const points = texts.map(oneLine).filter((text) => text !== '')
  if (points.length === 0) return [paragraph('（待补充）')]
  return points.map((text, i) => paragraph(numbered.test(text) ? text : `${i + 1}.${text}`))
}

function outlook({ narrative }: AnnualReportInput): ReportBlock[] {
  const blocks = [
    heading1('六、存在问题及下一步工作方向'),
    heading2('（一）存在问题'),
    ...numberedParagraphs(narrative.shortcomings),
    heading2('（二）下一步工作'),
    ...numberedParagraphs(narrative.nextSteps),
  ]
  const other = narrative.other ? officeParagraphs(narrative.other) : []
  if (other.length > 0) blocks.push(heading1('七、其他需要报告的情况'), ...other)
  return blocks
}

/** 一 … 五: every sentence written from the figures (the principal's duties, when given, close 一). */
export function figureSections(input: AnnualReportInput): ReportBlock[] {
  return [
    ...leadershipSection(input),
    ...decisionsSection(input.figures),
    ...enforcementSection(input.figures),
    ...educationSection(input.figures),
    ...peopleSection(input),
  ]
}

/** The report as one document model, from which both the Markdown and the Word file are written. */
export function buildAnnualReportDocument(given: AnnualReportInput): ReportDocument {
  // The names are one line each wherever they are printed (title, 主送 line, signature).
  const input = {
    ...given,
    unitName: oneLine(given.unitName),
    addressee: oneLine(given.addressee),
    issuer: oneLine(given.issuer),
  }
  const title = (given.title && oneLine(given.title)) || defaultTitle(input.unitName, input.year)
  return {
    draft: input.status === 'draft',
    title,
    // A 主送 line ends in one full-width colon, whether or not the office typed one.
    addressee: `${input.addressee.replace(/[:：]+$/, '')}：`,
    blocks: [
      ...opening(input),
      ...figureSections(input),
      ...outlook(input),
    ],
    issuer: input.issuer,
    date: chineseDate(input.date),
    properties: { title, creator: input.issuer, subject: `${input.year}年度法治政府建设情况报告` },
  }
}
