import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { adopted, createPlan, planBody, rulesOf } from './fixtures.js'

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)
const url = '/v1/work-plans'
const statuses = ['draft', 'adopted', 'repealed'] as const
const allowed: Record<string, string[]> = { draft: ['adopted', 'repealed'], adopted: ['repealed'], repealed: [] }

t.test('every allowed transition succeeds and every other one is status-transition', async (t) => {
  for (const from of statuses) {
    for (const to of statuses) {
      if (from === to) continue
      // adoptedAt on every plan, so that only the move itself can be refused.
      const plan = await createPlan(admin, town.id, { ...adopted, status: from })
      const res = await admin.patch(`${url}/${plan.id}`, { status: to })
      if (allowed[from]!.includes(to)) {
        t.equal(res.status, 200, `${from} → ${to} is allowed`)
        t.equal(res.body.status, to)
        t.equal(res.body.version, 2)
      } else {
        assertProblem(t, res, 409, 'rule-violation', `${from} → ${to} is refused`)
        t.same(rulesOf(res), ['status-transition'], `${from} → ${to}: only the transition`)
        t.equal((await admin.get(`${url}/${plan.id}`)).body.status, from, 'nothing was written')
      }
    }
  }
})

t.test('a repealed plan stays repealed, whatever else the patch says', async (t) => {
  const plan = await createPlan(admin, town.id, { ...adopted, status: 'repealed' })
  const back = await admin.patch(`${url}/${plan.id}`, { status: 'adopted', title: '恢复' })
  assertProblem(t, back, 409, 'rule-violation')
  t.same(rulesOf(back), ['status-transition'])
  t.equal((await admin.patch(`${url}/${plan.id}`, { status: 'repealed', title: '已废止的方案' })).status, 200, 'restating the status is no move')
})

t.test('adoption-date: adopted needs adoptedAt, on create and on the move', async (t) => {
  const created = await admin.post(url, planBody(town.id, { status: 'adopted' }))
  assertProblem(t, created, 409, 'rule-violation', 'created adopted without a date')
  t.same(rulesOf(created), ['adoption-date'])
  t.equal((await admin.post(url, planBody(town.id, adopted))).status, 201, 'created adopted with a date')
  t.equal((await admin.post(url, planBody(town.id, { status: 'repealed' }))).status, 201, 'repealed needs no date')
  t.equal((await admin.post(url, planBody(town.id, { status: 'draft' }))).status, 201, 'a draft needs no date')

  const draft = await createPlan(admin, town.id)
  const move = await admin.patch(`${url}/${draft.id}`, { status: 'adopted' })
  assertProblem(t, move, 409, 'rule-violation', 'adopting without a date')
  t.same(rulesOf(move), ['adoption-date'])
  const done = await admin.patch(`${url}/${draft.id}`, adopted)
  t.equal(done.status, 200, 'adopting with a date')
  t.equal(done.body.adoptedAt, adopted.adoptedAt)

  const clear = await admin.patch(`${url}/${draft.id}`, { adoptedAt: null })
  assertProblem(t, clear, 409, 'rule-violation', 'an adopted plan cannot lose its date')
  t.same(rulesOf(clear), ['adoption-date'])
  const repealed = await admin.patch(`${url}/${draft.id}`, { status: 'repealed', adoptedAt: null })
  t.equal(repealed.status, 200, 'a repealed plan may drop the date')
})

t.test('a full walk is audited: draft → adopted → repealed', async (t) => {
  const plan = await createPlan(admin, town.id)
  t.equal((await admin.patch(`${url}/${plan.id}`, adopted, { 'if-match': '"1"' })).status, 200)
  t.equal((await admin.patch(`${url}/${plan.id}`, { status: 'repealed' }, { 'if-match': '"2"' })).status, 200)
  const feed = await admin.get(`/v1/audit-events?resourceId=${plan.id}`)
  t.same(feed.body.items.map((e: any) => [e.action, e.after.status]), [['created', 'draft'], ['updated', 'adopted'], ['updated', 'repealed']])
})
