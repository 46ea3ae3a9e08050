import t from 'tap'
import { renderAnnualReportMarkdown } from '../../src/reports/annual-report-document/index.js'
import { tuanjie2025, tuanjie2025Phrases } from './fixtures.js'

const markdown = renderAnnualReportMarkdown(tuanjie2025)
const lines = markdown.split('\n').filter((line) => line !== '')
/** The Markdown between two lines that start with the given texts. */
const between = (from: string, to: string) => {
  const start = lines.findIndex((line) => line.startsWith(from))
  const end = lines.findIndex((line, i) => i > start && line.startsWith(to))
  return lines.slice(start + 1, end === -1 ? undefined : end)
}

t.test('the report opens with its title, the 主送 line and a default opening naming the unit and year', async (t) => {
  t.equal(lines[0], '# 团结镇2025年度法治政府建设情况报告')
  t.equal(lines[1], '旗委全面依法治旗委员会办公室：')
  t.match(lines[2], /^2025年，团结镇.*现将2025年度法治政府建设情况报告如下：$/)
  t.notOk(markdown.includes('草稿'), 'a submitted report is not marked as a draft')
})

t.test('the sections come in the example report’s order, with its sub-points', async (t) => {
  t.same(
    lines.filter((line) => line.startsWith('#')),
    [
      '# 团结镇2025年度法治政府建设情况报告',
      '## 一、强化政治引领',
      '## 二、规范行政决策',
      '### （一）重大行政决策合法性审查',
      '### （二）法律顾问',
      '### （三）政务公开',
      '## 三、严格规范执法',
      '### （一）加强执法队伍建设',
      '### （二）落实行政执法“三项制度”',
      '### （三）强化执法监督',
      '## 四、深化普法宣传',
      '## 五、坚持法治为民',
      '### （一）网格化服务管理',
      '### （二）矛盾纠纷化解',
      '### （三）公共法律服务',
      '## 六、存在问题及下一步工作方向',
      '### （一）存在问题',
      '### （二）下一步工作',
    ],
  )
})

t.test('every figure is written the way the report phrases it', async (t) => {
  for (const phrase of tuanjie2025Phrases) t.ok(markdown.includes(phrase), phrase)
  t.match(between('## 一、', '## 二、').join(''), '主持召开法治专题会议、党委中心组法治学习各2次，研究解决法治建设重点难点问题8件')
  t.match(between('### （二）矛盾纠纷化解', '###').join(''), '化解率100%')
})

t.test('the office’s words go where they belong', async (t) => {
  t.same(between('## 一、', '## 二、').at(-1), tuanjie2025.narrative.principalDuties, '第一责任人 paragraph closes section 一')
  t.same(
    between('### （一）存在问题', '### （二）下一步工作'),
    tuanjie2025.narrative.shortcomings.map((text, i) => `${i + 1}.${text}`),
  )
  t.same(
    between('### （二）下一步工作', '团结镇人民政府'),
    tuanjie2025.narrative.nextSteps.map((text, i) => `${i + 1}.${text}`),
  )
  t.notOk(markdown.includes('其他需要报告的情况'), 'no section 七 when the office has nothing more to report')
})

t.test('the report closes with the issuer and the date in Arabic numerals without leading zeros', async (t) => {
  t.ok(markdown.endsWith('团结镇人民政府\\\n2026年2月20日\n'))
  const october = renderAnnualReportMarkdown({ ...tuanjie2025, date: '2026-10-01' })
  t.ok(october.endsWith('2026年10月1日\n'))
})

t.test('a draft says 草稿 above the title', async (t) => {
  const draft = renderAnnualReportMarkdown({ ...tuanjie2025, status: 'draft', date: '2026-01-05' })
  t.equal(draft.split('\n')[0], '**草稿**')
  t.equal(draft.split('\n')[2], '# 团结镇2025年度法治政府建设情况报告')
  t.ok(draft.endsWith('2026年1月5日\n'))
})
