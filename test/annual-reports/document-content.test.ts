import t from 'tap'
import { chinaToday } from '../../src/core/china-time.js'
import { createDispute } from '../disputes/fixtures.js'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport, patchReport, reportsUrl } from './fixtures.js'

// What the document says (API.md §5): the sections in the seed report's order, every sentence from
// `figures`, a zero said in words ("全年无…", never "0次"), the office's narrative in 六 and
// 其他需要报告的情况 only when given, the issuer and the date (the submission date in UTC+8; a draft
// says 草稿 and today's date).

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)
const markdownOf = async (id: string) => {
  const res = await admin.get(`${reportsUrl}/${id}/document`, { accept: 'text/markdown' })
  if (res.status !== 200) throw new Error(`document: ${res.status} ${res.text}`)
  return res.text
}
const sections = (markdown: string) => [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1])
/** A count of zero printed as a number with its measure word ("0次", "0件", …). */
const zeroCount = /(?<![\d.])0(?:次|件|场|份|人次|条|个|名|项|起)/

t.test('a unit with nothing: every figure said in words, no 0 anywhere', async (t) => {
  const report = await createReport(admin, c.community.id, { issuer: '新华社区居民委员会' })
  const markdown = await markdownOf(report.id)
  t.same(sections(markdown), ['一、强化政治引领', '二、规范行政决策', '三、严格规范执法', '四、深化普法宣传', '五、坚持法治为民', '六、存在问题及下一步工作方向'], 'the sections in order; no 七 without `other`')
  t.notMatch(markdown, zeroCount, 'no zero count')
  t.notMatch(markdown, /0%/, 'no rate of zero')
  t.match(markdown, /全年无召开的法治专题会议/)
  t.match(markdown, /全年无开展的普法宣传活动/)
  t.match(markdown, /全年无排查登记的矛盾纠纷/)
  t.match(markdown, /全年无立案的行政执法案件/)
})

t.test('partial zeros are said in words too', async (t) => {
  const unit = await createCounty(admin)
  // A dispute still open, and a legal opinion given to the public only.
  await createDispute(admin, unit.grid.id)
  const service = await admin.post('/v1/legal-services', {
    gridUnitId: unit.village.id,
    subject: '为村民出具土地承包法律意见',
    provider: 'village_legal_adviser',
    recipient: 'public',
    kind: 'legal_consultation',
    servedAt: '2025-05-10T02:00:00Z',
    opinionIssued: true,
  })
  t.equal(service.status, 201, service.text)
  const report = await createReport(admin, unit.town.id)
  t.equal(report.figures.disputes.resolved, 0)
  t.equal(report.figures.legalServices.governmentServices, 0)
  t.equal(report.figures.legalServices.legalOpinions, 1)
  const markdown = await markdownOf(report.id)
  t.notMatch(markdown, zeroCount, 'no zero count')
  t.notMatch(markdown, /化解率0%/, 'no resolution rate of zero')
  t.match(markdown, /全年排查矛盾纠纷1件/)
  t.match(markdown, /出具法律意见书1份/)
})

t.test('a draft says 草稿 and today’s date (UTC+8); a submitted report its submission date', async (t) => {
  const draft = await createReport(admin, c.town.id, { year: 2024 })
  const drafted = await markdownOf(draft.id)
  t.match(drafted, /^\*\*草稿\*\*$/m, 'marked as a draft')
  const [y, m, d] = chinaToday().split('-').map(Number)
  t.ok(drafted.trimEnd().endsWith(`团结镇人民政府\\\n${y}年${m}月${d}日`), 'the issuer and today’s date, last')

  // 16:30 UTC on 19 February is 00:30 on 20 February in UTC+8.
  const filed = await patchReport(admin, draft.id, { status: 'submitted', submittedAt: '2025-02-19T16:30:00Z' })
  const markdown = await markdownOf(filed.id)
  t.notMatch(markdown, /草稿/, 'a filed report is no draft')
  t.ok(markdown.trimEnd().endsWith('团结镇人民政府\\\n2025年2月20日'), 'the submission date, no leading zeros')
  t.match(markdown, /^# 团结镇2024年度法治政府建设情况报告$/m, 'the default title names the unit and the year')
  t.match(markdown, /^旗委全面依法治旗委员会办公室：$/m, 'the 主送 line')
  t.match(markdown, /^2024年，团结镇坚持以习近平法治思想为指导/m, 'the default opening names the year and the unit')
})

t.test('the narrative: 六 from the office’s words, 七 and the principal’s duties only when given', async (t) => {
  const report = await createReport(admin, c.otherTown.id, {
    issuer: '陕坝镇人民政府',
    narrative: {
      introduction: '2025年，陕坝镇认真贯彻落实上级部署，现将有关情况报告如下：',
      principalDuties: '镇党委书记认真履行推进法治建设第一责任人职责。',
      shortcomings: ['普法宣传形式较为单一。', '执法人员专业能力不足。'],
      nextSteps: ['丰富普法宣传形式。'],
      other: '无其他需要报告的重大事项。',
    },
  })
  const markdown = await markdownOf(report.id)
  t.same(sections(markdown).slice(5), ['六、存在问题及下一步工作方向', '七、其他需要报告的情况'])
  t.match(markdown, /^2025年，陕坝镇认真贯彻落实上级部署，现将有关情况报告如下：$/m, 'the office’s opening replaces the default')
  t.notMatch(markdown, /坚持以习近平法治思想为指导，认真贯彻/, 'and the default is gone')
  const six = markdown.slice(markdown.indexOf('## 六、'), markdown.indexOf('## 七、'))
  t.match(six, /### （一）存在问题\n\n1\\?\.普法宣传形式较为单一。\n\n2\\?\.执法人员专业能力不足。/, 'the problems, numbered')
  t.match(six, /### （二）下一步工作\n\n1\\?\.丰富普法宣传形式。/, 'the next steps, numbered')
  t.match(markdown.slice(markdown.indexOf('## 七、')), /无其他需要报告的重大事项。/)
  const one = markdown.slice(markdown.indexOf('## 一、'), markdown.indexOf('## 二、'))
  t.match(one, /镇党委书记认真履行推进法治建设第一责任人职责。/, 'the principal’s duties close 一')

  const plain = await markdownOf((await createReport(admin, c.grid.id)).id)
  t.notMatch(plain, /其他需要报告的情况/, 'no 其他 section without `other`')
  t.notMatch(plain, /第一责任人/, 'no principal’s paragraph without one')
})
