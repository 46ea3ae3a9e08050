import { buildAnnualReportDocument } from './build.js'
import type { AnnualReportInput, ReportBlock, ReportDocument } from './model.js'

// The report as CommonMark: the title a level-1 heading, 一、 level 2, （一） level 3, every other
// line a paragraph. Every text is escaped, because every text carries the office's words (the unit's
// name is inside most generated sentences), and none of it may turn into markup.

/**
 * Backslash-escapes what CommonMark would read as markup (CommonMark 0.31 §2.4: any ASCII
 * punctuation may be escaped), and the line starts that open a block: `1. ` (a list), `- `, `+ `.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*_{}[\]()<>#|~!]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)([-+=])(?=\s|$)/, '$1\\$2')
}

export function markdownBlock(b: ReportBlock): string {
  const text = escapeMarkdown(b.text)
  switch (b.kind) {
    case 'heading1':
      return `## ${text}`
    case 'heading2':
      return `### ${text}`
    case 'paragraph':
      return text
  }
}

/** A model already built, as Markdown (for callers that also write the Word file from it). */
export function writeMarkdown(doc: ReportDocument): string {
  const lines = [
    ...(doc.draft ? ['**草稿**'] : []),
    `# ${escapeMarkdown(doc.title)}`,
    escapeMarkdown(doc.addressee),
    ...doc.blocks.map(markdownBlock),
    // Markdown cannot right-align; a hard line break (a backslash before the newline) keeps 署名
    // and 成文日期 together as in print.
    `${escapeMarkdown(doc.issuer)}\\\n${escapeMarkdown(doc.date)}`,
  ]
  return `${lines.join('\n\n')}\n`
}

/** The annual report as Markdown (`Accept: text/markdown`). */
export function renderAnnualReportMarkdown(input: AnnualReportInput): string {
  return writeMarkdown(buildAnnualReportDocument(input))
}
