import t from 'tap'
import { renderAnnualReport } from '../../src/reports/annual-report.js'
import { percent } from '../../src/reports/annual-report-document/phrasing.js'
import { demoStatisticsExample } from '../../src/reports/statistics-example.js'

t.test('rates print as percentages with at most one decimal', async (t) => {
  t.equal(percent(1), '100%')
  t.equal(percent(0), '0%')
  t.equal(percent(2 / 3), '66.7%')
  t.equal(percent(0.125), '12.5%')
})

t.test('a unit name is escaped so it cannot break the Markdown', async (t) => {
  const text = renderAnnualReport({ ...demoStatisticsExample, gridUnit: { ...demoStatisticsExample.gridUnit, name: '# 团结镇*试点*' } })
  t.match(text, /^# \\# 团结镇\\\*试点\\\*2025年/)
  t.notMatch(text, /[^\\]\*试点/)
})

t.test('the report’s five data sections come in the order of the report', async (t) => {
  const headings = renderAnnualReport(demoStatisticsExample).split('\n').filter((line) => line.startsWith('## '))
  t.same(headings, ['## 一、强化政治引领', '## 二、规范行政决策', '## 三、严格规范执法', '## 四、深化普法宣传', '## 五、坚持法治为民'])
})
