import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { adopted, auditTrail, createDecision, draft } from './fixtures/decisions.js'

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)

t.test('create answers 201 with Location, ETag, JSON and the record; status defaults to draft', async (t) => {
  const res = await admin.post('/v1/decisions', draft(town.id, { summary: '规范全镇农村土地经营权流转程序' }))
  t.equal(res.status, 201)
  t.match(String(res.headers['content-type']), /^application\/json/)
  t.equal(res.headers.location, `/v1/decisions/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.match(res.body, {
    gridUnitId: town.id,
    title: '关于团结镇土地流转管理办法的决策',
    summary: '规范全镇农村土地经营权流转程序',
    category: 'normative_document',
    proposedBy: '团结镇农业综合服务中心',
    proposedAt: '2025-03-03T01:00:00.000Z',
    status: 'draft',
    version: 1,
  })
  t.match(res.body.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  t.equal(res.body.createdAt, res.body.updatedAt)
  for (const absent of ['legalityReview', 'collectiveDiscussion', 'publicParticipation', 'publishedAt']) t.notOk(absent in res.body, `${absent} absent until done`)
})

t.test('all five steps round-trip, their instants answered in UTC with milliseconds', async (t) => {
  const body = adopted(town.id, {
    proposedAt: '2025-03-03T09:00:00+08:00',
    publicParticipation: { method: 'solicitation', completedAt: '2025-03-21T17:00:00+08:00', summary: '公开征求意见 15 天，收到意见 23 条' },
    expertArgumentation: { completedAt: '2025-03-26T06:30:00Z' },
    riskAssessment: { level: 'low', completedAt: '2025-03-28T08:00:00Z', summary: '社会稳定风险评估为低风险' },
    legalityReview: { reviewer: '团结镇司法所', conclusion: 'lawful_with_revisions', opinion: '建议删除第十二条', completedAt: '2025-04-02T15:00:00+08:00' },
    collectiveDiscussion: { meeting: '团结镇党委会 2025 年第 8 次会议', heldAt: '2025-04-10T10:00:00+08:00', outcome: 'adopted' },
    publishedAt: '2025-04-15T09:00:00+08:00',
  })
  const res = await admin.post('/v1/decisions', body)
  t.equal(res.status, 201, res.text)
  t.equal(res.body.proposedAt, '2025-03-03T01:00:00.000Z')
  t.same(res.body.publicParticipation, { method: 'solicitation', completedAt: '2025-03-21T09:00:00.000Z', summary: '公开征求意见 15 天，收到意见 23 条' })
  t.same(res.body.expertArgumentation, { completedAt: '2025-03-26T06:30:00.000Z' })
  t.same(res.body.legalityReview.completedAt, '2025-04-02T07:00:00.000Z')
  t.same(res.body.collectiveDiscussion, { meeting: '团结镇党委会 2025 年第 8 次会议', heldAt: '2025-04-10T02:00:00.000Z', outcome: 'adopted' })
  t.equal(res.body.publishedAt, '2025-04-15T01:00:00.000Z')
  const read = await admin.get(`/v1/decisions/${res.body.id}`)
  t.same(read.body, res.body)
})

t.test('get answers the record with its ETag; a matching If-None-Match answers 304', async (t) => {
  const decision = await createDecision(admin, draft(town.id))
  const res = await admin.get(`/v1/decisions/${decision.id}`)
  t.equal(res.status, 200)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, decision)
  const cached = await admin.get(`/v1/decisions/${decision.id}`, { 'if-none-match': '"1"' })
  t.equal(cached.status, 304)
  t.equal(cached.text, '')
  const stale = await admin.get(`/v1/decisions/${decision.id}`, { 'if-none-match': '"2"' })
  t.equal(stale.status, 200)
  assertProblem(t, await admin.get('/v1/decisions/00000000-0000-4000-8000-000000000000'), 404, 'not-found')
  assertProblem(t, await admin.get('/v1/decisions/not-a-uuid'), 400, 'validation-error')
})

t.test('a body is checked strictly: unknown, missing, mistyped and oversized values are 400', async (t) => {
  const unknown = await admin.post('/v1/decisions', { ...draft(town.id), stauts: 'draft' })
  assertProblem(t, unknown, 400, 'validation-error')
  t.ok(unknown.body.errors.some((e: any) => e.pointer === '/stauts'), 'names the unknown field')

  const missing = await admin.post('/v1/decisions', { ...draft(town.id), title: undefined })
  assertProblem(t, missing, 400, 'validation-error')
  t.ok(missing.body.errors.some((e: any) => e.pointer === '/title'))

  const badEnum = await admin.post('/v1/decisions', draft(town.id, { category: 'budget' }))
  assertProblem(t, badEnum, 400, 'validation-error')
  t.ok(badEnum.body.errors.some((e: any) => e.pointer === '/category'))

  assertProblem(t, await admin.post('/v1/decisions', draft(town.id, { title: '决'.repeat(201) })), 400, 'validation-error')
  assertProblem(t, await admin.post('/v1/decisions', draft(town.id, { proposedAt: '2025-03-03' })), 400, 'validation-error')

  const nested = await admin.post('/v1/decisions', draft(town.id, { riskAssessment: { level: 'low', completedAt: '2025-03-28T08:00:00Z', score: 3 } }))
  assertProblem(t, nested, 400, 'validation-error')
  t.ok(nested.body.errors.some((e: any) => e.pointer === '/riskAssessment/score'))

  const incomplete = await admin.post('/v1/decisions', draft(town.id, { legalityReview: { reviewer: '团结镇司法所', conclusion: 'lawful' } }))
  assertProblem(t, incomplete, 400, 'validation-error')
  t.ok(incomplete.body.errors.some((e: any) => e.pointer === '/legalityReview/completedAt'))

  for (const readOnly of [{ id: '00000000-0000-4000-8000-000000000000' }, { version: 3 }, { createdAt: '2025-01-01T00:00:00Z' }]) {
    assertProblem(t, await admin.post('/v1/decisions', { ...draft(town.id), ...readOnly }), 400, 'validation-error', `read-only ${Object.keys(readOnly)[0]}`)
  }
})

t.test('a decision needs an existing grid unit', async (t) => {
  const res = await admin.post('/v1/decisions', draft('00000000-0000-4000-8000-000000000000'))
  assertProblem(t, res, 409, 'rule-violation')
  t.same(res.body.violations.map((v: any) => v.rule), ['grid-unit-exists'])
})

t.test('an Idempotency-Key retry replays the first answer and creates nothing', async (t) => {
  const headers = { 'idempotency-key': `decision-${Date.now()}` }
  const first = await admin.post('/v1/decisions', draft(town.id, { title: '关于团结镇集贸市场改造项目的决策' }), headers)
  const again = await admin.post('/v1/decisions', draft(town.id, { title: '关于团结镇集贸市场改造项目的决策' }), headers)
  t.equal(first.status, 201)
  t.equal(again.status, 201)
  t.equal(again.headers['idempotency-replayed'], 'true')
  t.equal(again.body.id, first.body.id)
  const listed = await admin.get(`/v1/decisions?q=${encodeURIComponent('集贸市场改造')}`)
  t.equal(listed.body.items.length, 1)
})

t.test('delete is soft: 404 afterwards; the audit trail holds created, updated and deleted', async (t) => {
  const decision = await createDecision(admin, draft(town.id))
  const moved = await admin.patch(`/v1/decisions/${decision.id}`, { status: 'under_review' })
  t.equal(moved.status, 200)
  t.equal((await admin.delete(`/v1/decisions/${decision.id}`, { 'if-match': '"1"' })).status, 412, 'a stale If-Match keeps it')
  const del = await admin.delete(`/v1/decisions/${decision.id}`, { 'if-match': '"2"' })
  t.equal(del.status, 204)
  assertProblem(t, await admin.get(`/v1/decisions/${decision.id}`), 404, 'not-found')
  assertProblem(t, await admin.patch(`/v1/decisions/${decision.id}`, { title: '改名' }), 404, 'not-found')
  assertProblem(t, await admin.delete(`/v1/decisions/${decision.id}`), 404, 'not-found')
  const listed = await admin.get(`/v1/decisions?limit=100`)
  t.notOk(listed.body.items.some((d: any) => d.id === decision.id), 'gone from lists')

  const trail = await auditTrail(admin, decision.id, 3)
  t.same(trail.map((e: any) => [e.action, e.resourceType, e.version]), [
    ['created', 'decisions', 1],
    ['updated', 'decisions', 2],
    ['deleted', 'decisions', 3],
  ])
  const [created, updated, deleted] = trail
  t.equal(created.before, null)
  t.equal(created.after.status, 'draft')
  t.equal(updated.before.status, 'draft')
  t.equal(updated.after.status, 'under_review')
  t.equal(deleted.before.status, 'under_review')
  t.equal(deleted.after, null)
})
