import { renderAnnualReportMarkdown } from './annual-report-document/index.js'
import { demoStatisticsExample } from './statistics-example.js'

// The document route's example: 团结镇's 2025 report written from the demo's figures, as filed on
// 20 February 2026 (the narrative is the record example's).

export const annualReportDocumentExample = renderAnnualReportMarkdown({
  unitName: demoStatisticsExample.gridUnit.name,
  year: 2025,
  addressee: '旗委全面依法治旗委员会办公室',
  issuer: '团结镇人民政府',
  narrative: {
    shortcomings: ['法治宣传教育的针对性和实效性有待进一步增强。', '基层执法人员专业能力与新形势新任务的要求还有差距。', '矛盾纠纷源头预防机制有待完善。'],
    nextSteps: ['持续深化普法宣传。', '加强执法队伍建设。', '健全矛盾纠纷多元化解机制。', '严格落实重大行政决策程序。'],
  },
  status: 'submitted',
  date: '2026-02-20',
  figures: demoStatisticsExample,
})
