import { escapeMarkdown, figureSections, markdownBlock } from './annual-report-document/index.js'
import type { Statistics } from './statistics-schema.js'

// The quick view (GET /v1/reports/annual): the report's data sections 一 to 五, written by the same
// sentences as the filed document (annual-report-document/), from the statistics object alone —
// the figures, the quick view and the document can never disagree.

/** The annual report's data sections as Markdown. */
export function renderAnnualReport(stats: Statistics): string {
  const name = stats.gridUnit.name
  const blocks = figureSections({
    unitName: name,
    year: stats.year,
    addressee: '',
    issuer: '',
    narrative: { shortcomings: [], nextSteps: [] },
    status: 'draft',
    date: `${stats.year + 1}-01-01`,
    figures: stats,
  })
  const lines = [
    `# ${escapeMarkdown(`${name}${stats.year}年法治政府建设情况报告（数据部分）`)}`,
    `> ${escapeMarkdown(`本部分数据由系统根据${name}及其下辖各级单元的记录统计，年度按北京时间计算；网格、人员与法治阵地数据为统计时的现状。`)}`,
    ...blocks.map(markdownBlock),
  ]
  return `${lines.join('\n\n')}\n`
}
