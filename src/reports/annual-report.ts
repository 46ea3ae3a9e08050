import type { Statistics } from './statistics-schema.js'
import { disputeCategories, disputeCategoryLabels, legalityConclusionLabels, legalityConclusions, venueTypeLabels, venueTypes } from './vocabulary.js'

// The data sections of a township's 法治政府建设情况报告, written from the statistics object alone:
// the report and GET /v1/statistics can never disagree, because there is one source of figures.

/** `1` → `100%`, `0.6667` → `66.7%`: one decimal, as such reports print rates. */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`
}

/** A unit name is the caller's text: keep it from being read as Markdown. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`)

/** `进农村5场次、进学校2场次`: the non-zero entries of a breakdown, in the vocabulary's order. */
function breakdown<K extends string>(keys: readonly K[], counts: Record<K, number>, label: (key: K) => string, unit: string): string {
  return keys
    .filter((k) => counts[k] > 0)
    .map((k) => `${label(k)}${counts[k]}${unit}`)
    .join('、')
}

function decisionsSection({ decisions: d }: Statistics): string[] {
  const conclusions = breakdown(legalityConclusions, d.byConclusion, (k) => legalityConclusionLabels[k], '项')
  return [
    '## 一、规范行政决策',
    [
      `全年提出重大行政决策${d.total}项。`,
      d.legalityReviewed > 0
        ? `严格落实重大行政决策合法性审查制度，完成合法性审查${d.legalityReviewed}项，审查结论为${conclusions}。`
        : '全年未开展重大行政决策合法性审查。',
      d.adopted > 0 ? `经集体讨论决定通过重大行政决策${d.adopted}项。` : '全年无经集体讨论决定通过的重大行政决策。',
    ].join(''),
  ]
}

function enforcementSection({ enforcement: e }: Statistics): string[] {
  const reviewed =
    e.reconsiderations + e.litigations > 0
      ? `全年发生行政复议${e.reconsiderations}件、行政诉讼${e.litigations}件，`
      : '全年未发生行政复议和行政诉讼案件，'
  return [
    '## 二、严格规范执法',
    [
      `全年立案行政执法案件${e.registered}件，已作出处理决定${e.decided}件。`,
      `全面落实行政执法“三项制度”，重大执法决定经法制审核${e.majorLegallyReviewed}件，执法全过程记录案件${e.withRecordings}件；`,
      e.overdue > 0 ? `立案超过90日尚未作出决定的案件${e.overdue}件。` : '无立案超过90日尚未作出决定的案件。',
      reviewed,
      e.lost > 0 ? `行政复议、行政诉讼败诉${e.lost}件。` : '无行政复议、行政诉讼败诉案件。',
    ].join(''),
  ]
}

function legalEducationSection({ legalEducation: l }: Statistics): string[] {
  const venues = breakdown(venueTypes, l.byVenueType, (k) => venueTypeLabels[k], '场次')
  return [
    '## 三、普法宣传',
    [
      l.events > 0
        ? `全年开展普法宣传活动${l.events}场次，其中${venues}；发放宣传资料${l.materialsDistributed}份，受教育群众${l.attendance}人次，制作普法短视频及图文${l.mediaItems}个。`
        : '全年未开展普法宣传活动。',
      `组织干部法治培训${l.cadreTrainings}次，开展集中学法${l.studySessions}次。`,
    ].join(''),
  ]
}

function governanceSection({ gridUnit, gridUnits: g, disputes: d }: Statistics): string[] {
  const coverage =
    g.legalAdviserCoverage === null
      ? '辖区内暂无村（社区）建制。'
      : `${g.villagesAndCommunities}个村（社区）中${g.withLegalAdviser}个配备法律顾问，覆盖率${percent(g.legalAdviserCoverage)}。`
  const categories = breakdown(disputeCategories, d.byCategory, (k) => `${disputeCategoryLabels[k]}纠纷`, '件')
  const disputes =
    d.resolutionRate === null
      ? '全年未排查到矛盾纠纷。'
      : `全年排查矛盾纠纷${d.total}件，化解${d.resolved}件，化解率${percent(d.resolutionRate)}，其中化解信访积案${d.petitionBacklogResolved}件` +
        (d.open > 0 ? `，尚在调处${d.open}件` : '') +
        `。从类型看，${categories}。`
  return [
    '## 四、基层治理',
    `${escapeMarkdown(gridUnit.name)}共划分网格${g.grids}个，配备网格员${g.gridWorkers}名，培育“法律明白人”${g.legalLiterates}名；${coverage}`,
    disputes,
  ]
}

/** The annual report's data sections (决策、执法、普法、基层治理) as Markdown. */
export function renderAnnualReport(stats: Statistics): string {
  const name = escapeMarkdown(stats.gridUnit.name)
  const blocks = [
    `# ${name}${stats.year}年法治政府建设情况报告（数据部分）`,
    `> 本部分数据由系统根据${name}及其下辖各级单元的记录统计，年度按北京时间计算；网格与人员数据为统计时的现状。`,
    ...decisionsSection(stats),
    ...enforcementSection(stats),
    ...legalEducationSection(stats),
    ...governanceSection(stats),
  ]
  return `${blocks.join('\n\n')}\n`
}
