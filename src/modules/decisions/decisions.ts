import { anyOf, dateRange, jsonMember } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { decisions } from '../../db/schema/index.js'
import { defineResource, ownedByUnit } from '../../records/define-resource.js'
import { decisionRules } from './rules.js'
import { Decision, DecisionCreate, DecisionUpdate, decisionFilters, transitions } from './schema.js'
import { stepComponents } from './steps.js'

/** Written exactly as the expression of `decisions_conclusion_proposed_idx`, so the planner uses that index. */
const legalityConclusionOf = jsonMember(decisions.legalityReview, 'conclusion')

export const decisionsResource = defineResource({
  collection: 'decisions',
  noun: 'decision',
  names: { one: 'Decision', many: 'Decisions' },
  label: '重大行政决策',
  tag: { name: 'Decisions', description: '重大行政决策: major decisions and their five statutory steps (重大行政决策程序暂行条例).' },
  schemas: { create: DecisionCreate, update: DecisionUpdate, record: Decision, filters: decisionFilters, components: stepComponents },
  table: decisions,
  owner: ownedByUnit(decisions.gridUnitId),
  lifecycle: { transitions },
  rules: decisionRules,
  sorts: {
    proposedAt: sortBy(decisions.proposedAt, { perUnitIndex: true }),
    ...timeSorts(decisions),
  },
  defaultSort: '-proposedAt',
  filters: (query) => [
    ...anyOf(decisions.status, query.status),
    ...anyOf(decisions.category, query.category),
    ...anyOf(legalityConclusionOf, query.legalityConclusion),
    ...dateRange(decisions.proposedAt, query.proposedFrom, query.proposedTo),
  ],
  docs: {
    list: 'Filters: `status`, `category`, `legalityConclusion` (each repeatable), `proposedFrom`, `proposedTo`, `gridUnitId` (the unit and its whole subtree), `q` (title, summary, proposedBy), `updatedSince`.',
    rules:
      'Rules (重大行政决策程序暂行条例), each a 409 `rule-violation` naming it: ' +
      'a `collectiveDiscussion` needs a `legalityReview` concluding `lawful` or `lawful_with_revisions`, completed strictly before `heldAt` (`legality-review-before-discussion`); ' +
      '`adopted` needs `collectiveDiscussion.outcome = adopted` (`adoption-needs-discussion`); ' +
      '`rejected` needs `collectiveDiscussion.outcome = rejected` or `legalityReview.conclusion = unlawful` (`rejection-needs-grounds`); ' +
      'no step is completed or held before `proposedAt` (`steps-after-proposal`); ' +
      '`publishedAt` only on an adopted decision and not before `collectiveDiscussion.heldAt` (`publication-after-adoption`).',
    update: 'A step object is merged member by member; the merged decision must be complete and meet every rule of its status.',
  },
  sheet: {
    headers: {
      title: '决策事项',
      gridUnitCode: '网格编码',
      gridUnitName: '所属单位',
      category: '决策类别',
      proposedBy: '承办单位',
      proposedAt: '提出时间',
      status: '状态',
      summary: '决策内容摘要',
      'publicParticipation.method': '公众参与方式',
      'publicParticipation.completedAt': '公众参与完成时间',
      'expertArgumentation.completedAt': '专家论证完成时间',
      'riskAssessment.level': '风险等级',
      'riskAssessment.completedAt': '风险评估完成时间',
      'legalityReview.reviewer': '合法性审查机构',
      'legalityReview.conclusion': '合法性审查结论',
      'legalityReview.completedAt': '合法性审查完成时间',
      'collectiveDiscussion.meeting': '集体讨论会议',
      'collectiveDiscussion.heldAt': '集体讨论时间',
      'collectiveDiscussion.outcome': '讨论结果',
      publishedAt: '公布时间',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
  },
})
