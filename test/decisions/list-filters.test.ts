import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDecision, discussion, draft, review } from './fixtures/decisions.js'

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)

// Five decisions spread over units, statuses, categories, conclusions and China-time day edges.
const a = await createDecision(admin, draft(c.town.id, { title: '关于团结镇土地流转管理办法的决策', category: 'normative_document', proposedAt: '2025-03-03T01:00:00Z' }))
const b = await createDecision(admin, draft(c.village.id, {
  title: '关于团结村人居环境整治项目资金安排的决策',
  summary: '采用 PPP 模式引入社会资本',
  category: 'large_fund',
  status: 'under_review',
  proposedAt: '2025-05-06T01:30:00Z',
  legalityReview: review({ conclusion: 'lawful_with_revisions', completedAt: '2025-05-20T08:00:00Z' }),
}))
const cc = await createDecision(admin, draft(c.otherTown.id, {
  title: '关于陕坝镇集中供热管网改造项目的决策',
  category: 'major_project',
  status: 'adopted',
  proposedAt: '2025-06-30T16:30:00Z', // 2025-07-01 00:30 China time
  legalityReview: review({ completedAt: '2025-07-10T02:00:00Z' }),
  collectiveDiscussion: discussion({ heldAt: '2025-07-15T02:00:00Z' }),
}))
const d = await createDecision(admin, draft(c.grid.id, {
  title: '关于聘任团结村第一网格长的决策',
  category: 'cadre_appointment',
  status: 'rejected',
  proposedAt: '2025-06-30T15:59:59.999Z', // 2025-06-30 23:59:59.999 China time
  legalityReview: review({ conclusion: 'unlawful', completedAt: '2025-07-02T02:00:00Z' }),
}))
const e = await createDecision(admin, draft(c.town.id, {
  title: '关于新华社区公共法律服务站建设的决策',
  category: 'other',
  status: 'withdrawn',
  proposedBy: '团结镇司法所',
  proposedAt: '2024-12-31T16:00:00Z', // 2025-01-01 00:00 China time
}))
const names = new Map([a, b, cc, d, e].map((x, i) => [x.id, 'ABCDE'[i]!]))

async function listed(query: string): Promise<string> {
  const res = await admin.get(`/v1/decisions?limit=100&${query}`)
  if (res.status !== 200) throw new Error(`${query}: ${res.status} ${res.text}`)
  return res.body.items.map((x: any) => names.get(x.id) ?? '?').sort().join('')
}

t.test('status, category and legalityConclusion filters, each repeatable', async (t) => {
  t.equal(await listed('status=draft'), 'A')
  t.equal(await listed('status=draft&status=adopted'), 'AC')
  t.equal(await listed('category=large_fund'), 'B')
  t.equal(await listed('category=normative_document&category=other'), 'AE')
  t.equal(await listed('legalityConclusion=lawful'), 'C')
  t.equal(await listed('legalityConclusion=unlawful'), 'D')
  t.equal(await listed('legalityConclusion=lawful&legalityConclusion=lawful_with_revisions'), 'BC')
  t.equal(await listed('status=rejected&legalityConclusion=unlawful'), 'D', 'filters combine')
  t.equal(await listed('status=adopted&legalityConclusion=unlawful'), '')
})

t.test('proposedFrom and proposedTo: inclusive, a plain date is a whole China-time day', async (t) => {
  t.equal(await listed('proposedFrom=2025-07-01'), 'C')
  t.equal(await listed('proposedTo=2025-06-30'), 'ABDE')
  t.equal(await listed('proposedFrom=2025-06-30&proposedTo=2025-06-30'), 'D')
  t.equal(await listed('proposedFrom=2025-01-01&proposedTo=2025-01-01'), 'E')
  t.equal(await listed('proposedTo=2024-12-31'), '')
  t.equal(await listed(`proposedFrom=${encodeURIComponent('2025-05-06T01:30:00Z')}`), 'BCD', 'a date-time bound is inclusive')
  t.equal(await listed(`proposedTo=${encodeURIComponent('2025-05-06T09:30:00+08:00')}`), 'ABE')
})

t.test('gridUnitId takes the whole subtree; q searches title, summary and proposedBy', async (t) => {
  t.equal(await listed(`gridUnitId=${c.town.id}`), 'ABDE')
  t.equal(await listed(`gridUnitId=${c.village.id}`), 'BD')
  t.equal(await listed(`gridUnitId=${c.otherTown.id}`), 'C')
  t.equal(await listed(`gridUnitId=${c.county.id}`), 'ABCDE')
  t.equal(await listed(`q=${encodeURIComponent('土地')}`), 'A')
  t.equal(await listed(`q=${encodeURIComponent('司法所')}`), 'E')
  t.equal(await listed('q=ppp'), 'B', 'case-insensitive')
  t.equal(await listed(`q=${encodeURIComponent('决策')}&gridUnitId=${c.otherTown.id}`), 'C')
})

t.test('updatedSince returns only records changed after the instant', async (t) => {
  const latest = [a, b, cc, d, e].map((x) => x.updatedAt as string).sort().at(-1)!
  const changed = await admin.patch(`/v1/decisions/${e.id}`, { summary: '建设方案已撤回，另行研究' })
  t.equal(changed.status, 200)
  t.ok(changed.body.updatedAt > latest)
  t.equal(await listed(`updatedSince=${encodeURIComponent(latest)}`), 'E')
})

t.test('unknown parameters and bad values are 400', async (t) => {
  for (const query of ['legalityConclusion=approved', 'status=closed', 'category=budget', 'proposedFrom=2025-13-01', 'stauts=draft', 'limit=0', 'limit=101', 'sort=title', 'gridUnitId=town']) {
    const res = await admin.get(`/v1/decisions?${query}`)
    assertProblem(t, res, 400, 'validation-error', query)
  }
})
