import t from 'tap'
import { renderAnnualReportMarkdown } from '../../src/reports/annual-report-document/index.js'
import { tuanjie2025 } from './fixtures.js'

const render = (narrative: Partial<(typeof tuanjie2025)['narrative']>, rest: Partial<typeof tuanjie2025> = {}) =>
  renderAnnualReportMarkdown({ ...tuanjie2025, ...rest, narrative: { ...tuanjie2025.narrative, ...narrative } })
const lines = (markdown: string) => markdown.split('\n').filter((line) => line !== '')

t.test('the office’s own opening replaces the default, a paragraph per line it typed', async (t) => {
  const text = lines(render({ introduction: '2025年，团结镇党委、政府高度重视法治政府建设。\n\n现将有关情况报告如下：' }))
  t.same(text.slice(2, 4), ['2025年，团结镇党委、政府高度重视法治政府建设。', '现将有关情况报告如下：'])
  t.equal(text[4], '## 一、强化政治引领')
})

t.test('其他需要报告的情况 follows section 六 as 七 when given', async (t) => {
  const text = lines(render({ other: '无其他需要报告的重大事项。' }))
  const at = text.indexOf('## 七、其他需要报告的情况')
  t.ok(at > text.indexOf('### （二）下一步工作'))
  t.equal(text[at + 1], '无其他需要报告的重大事项。')
})

t.test('a title the office gave is used as given', async (t) => {
  t.equal(lines(render({}, { title: '团结镇关于2025年度法治政府建设情况的报告' }))[0], '# 团结镇关于2025年度法治政府建设情况的报告')
})

t.test('points the office numbered itself keep their numbers; a draft without them says so', async (t) => {
  const numbered = lines(render({ shortcomings: ['（1）力量不足。', '一是宣传不够。'] }))
  const at = numbered.indexOf('### （一）存在问题')
  t.same(numbered.slice(at + 1, at + 3), ['（1）力量不足。', '一是宣传不够。'])
  const empty = lines(render({ shortcomings: [], nextSteps: [] }, { status: 'draft' }))
  t.equal(empty[empty.indexOf('### （一）存在问题') + 1], '（待补充）')
  t.equal(empty[empty.indexOf('### （二）下一步工作') + 1], '（待补充）')
})

t.test('the office’s text cannot turn into Markdown', async (t) => {
  const markdown = render(
    { other: '第一行\n## 伪造的标题\n- 列表 *强调* [链接](http://x) <b>', shortcomings: ['1. 已编号'] },
    { unitName: '团结*镇*', issuer: '团结_镇_人民政府', addressee: '# 办公室' },
  )
  const text = lines(markdown)
  t.equal(text[0], '# 团结\\*镇\\*2025年度法治政府建设情况报告')
  t.equal(text[1], '\\# 办公室：')
  t.ok(text.includes('\\#\\# 伪造的标题'))
  t.ok(text.includes('\\- 列表 \\*强调\\* \\[链接\\]\\(http://x\\) \\<b\\>'))
  t.ok(text.includes('1\\. 已编号'))
  t.notOk(text.some((line) => line.startsWith('## 伪造')))
  t.ok(markdown.endsWith('团结\\_镇\\_人民政府\\\n2026年2月20日\n'))
})
