import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { PHONE, createDispute, disputeBody, resolution } from './fixtures.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)
const gridId = county.grid.id

t.test('create answers 201 with Location, ETag, defaults and UTC instants', async (t) => {
  const res = await admin.post('/v1/disputes', disputeBody(gridId, { reportedAt: '2025-04-08T10:30:00+08:00' }))
  t.equal(res.status, 201)
  t.match(String(res.headers['content-type']), /^application\/json/)
  t.equal(res.headers.location, `/v1/disputes/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.match(res.body, {
    gridUnitId: gridId,
    title: '团结村三组土地流转纠纷',
    category: 'land',
    source: 'grid_inspection',
    status: 'reported',
    isPetitionBacklog: false,
    version: 1,
    reportedAt: '2025-04-08T02:30:00.000Z',
  })
  t.same(res.body.parties[0], { name: '张福', role: 'applicant', phone: PHONE })
  t.notOk('resolution' in res.body, 'no resolution until one is given')
  t.notOk('mediator' in res.body)
  t.match(res.body.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
})

t.test('a dispute sent already resolved keeps its resolution', async (t) => {
  const res = await admin.post('/v1/disputes', disputeBody(gridId, { status: 'resolved', isPetitionBacklog: true, mediator: '王建国', resolution: resolution() }))
  t.equal(res.status, 201)
  t.equal(res.body.status, 'resolved')
  t.equal(res.body.isPetitionBacklog, true)
  t.same(res.body.resolution, resolution())
})

t.test('get answers the record with its ETag; a matching If-None-Match answers 304', async (t) => {
  const dispute = await createDispute(admin, gridId)
  const res = await admin.get(`/v1/disputes/${dispute.id}`)
  t.equal(res.status, 200)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, dispute)
  const cached = await admin.get(`/v1/disputes/${dispute.id}`, { 'if-none-match': '"1"' })
  t.equal(cached.status, 304)
  t.equal(cached.text, '')
  const changed = await admin.patch(`/v1/disputes/${dispute.id}`, { status: 'mediating' })
  t.equal(changed.headers.etag, '"2"')
  const stale = await admin.get(`/v1/disputes/${dispute.id}`, { 'if-none-match': '"1"' })
  t.equal(stale.status, 200, 'an old ETag no longer matches')
  t.equal(stale.body.version, 2)
})

t.test('unknown, malformed and out-of-range input is a 400 naming the field', async (t) => {
  const unknown = await admin.post('/v1/disputes', disputeBody(gridId, { stauts: 'reported' }))
  assertProblem(t, unknown, 400, 'validation-error')
  t.ok(unknown.body.errors.some((e: any) => e.pointer === '/stauts'))

  const missing = disputeBody(gridId)
  delete missing.reportedAt
  assertProblem(t, await admin.post('/v1/disputes', missing), 400, 'validation-error')

  const cases: Record<string, unknown>[] = [
    { parties: [] },
    { parties: Array.from({ length: 51 }, (_, i) => ({ name: `当事人${i}`, role: 'third_party' })) },
    { parties: [{ name: '张福', role: 'witness' }] },
    { parties: [{ name: '张福', role: 'applicant', idNumber: '150826198805121234' }] },
    { parties: [{ name: '张福', role: 'applicant', phone: 'call me' }] },
    { title: '纠'.repeat(201) },
    { title: '' },
    { category: 'water' },
    { source: 'email' },
    { status: 'closed' },
    { isPetitionBacklog: 'yes' },
    { reportedAt: '2025-04-08' },
    { gridUnitId: 'not-a-uuid' },
    { resolution: { method: 'people_mediation', summary: '已调解' } },
    { resolution: { ...resolution(), extra: 1 } },
  ]
  for (const fields of cases) {
    const res = await admin.post('/v1/disputes', disputeBody(gridId, fields))
    assertProblem(t, res, 400, 'validation-error', JSON.stringify(fields).slice(0, 80))
    t.ok(res.body.errors.length > 0)
  }
})

t.test('read-only fields in a create body are refused', async (t) => {
  for (const field of ['id', 'version', 'createdAt', 'updatedAt']) {
    const res = await admin.post('/v1/disputes', disputeBody(gridId, { [field]: field === 'version' ? 1 : '2025-04-08T02:30:00.000Z' }))
    assertProblem(t, res, 400, 'validation-error', field)
    t.ok(res.body.errors.some((e: any) => e.pointer === `/${field}`))
  }
})

t.test('a grid unit that does not exist is a rule violation', async (t) => {
  const res = await admin.post('/v1/disputes', disputeBody('00000000-0000-4000-8000-000000000000'))
  assertProblem(t, res, 409, 'rule-violation')
  t.same(res.body.violations.map((v: any) => v.rule), ['grid-unit-exists'])
  const dispute = await createDispute(admin, gridId)
  const moved = await admin.patch(`/v1/disputes/${dispute.id}`, { gridUnitId: '00000000-0000-4000-8000-000000000000' })
  assertProblem(t, moved, 409, 'rule-violation')
  t.equal(moved.body.violations[0].rule, 'grid-unit-exists')
})

t.test('a malformed id in the path is a 400; an unknown one a 404', async (t) => {
  assertProblem(t, await admin.get('/v1/disputes/123'), 400, 'validation-error')
  assertProblem(t, await admin.get('/v1/disputes/00000000-0000-4000-8000-000000000000'), 404, 'not-found')
  assertProblem(t, await admin.patch('/v1/disputes/00000000-0000-4000-8000-000000000000', { title: '无' }), 404, 'not-found')
})

t.test('delete is soft: 404 afterwards, gone from lists, and If-Match is honoured', async (t) => {
  const dispute = await createDispute(admin, gridId, { title: '待删除的邻里纠纷' })
  assertProblem(t, await admin.delete(`/v1/disputes/${dispute.id}`, { 'if-match': '"9"' }), 412, 'precondition-failed')
  const del = await admin.delete(`/v1/disputes/${dispute.id}`, { 'if-match': '"1"' })
  t.equal(del.status, 204)
  t.equal(del.text, '')
  assertProblem(t, await admin.get(`/v1/disputes/${dispute.id}`), 404, 'not-found')
  assertProblem(t, await admin.delete(`/v1/disputes/${dispute.id}`), 404, 'not-found')
  assertProblem(t, await admin.patch(`/v1/disputes/${dispute.id}`, { title: '改名' }), 404, 'not-found')
  const list = await admin.get('/v1/disputes?limit=100')
  t.notOk(list.body.items.some((d: any) => d.id === dispute.id))
})

t.test('every create, change and delete writes an audit event with before and after', async (t) => {
  const dispute = await createDispute(admin, gridId)
  await admin.patch(`/v1/disputes/${dispute.id}`, { status: 'mediating', mediator: '王建国' })
  await admin.patch(`/v1/disputes/${dispute.id}`, { status: 'resolved', resolution: resolution() })
  await admin.delete(`/v1/disputes/${dispute.id}`)
  const feed = await admin.get(`/v1/audit-events?resourceId=${dispute.id}`)
  t.equal(feed.status, 200)
  const events = feed.body.items
  t.same(events.map((e: any) => e.action), ['created', 'updated', 'updated', 'deleted'])
  t.same(events.map((e: any) => e.version), [1, 2, 3, 4])
  t.ok(events.every((e: any) => e.resourceType === 'disputes' && e.resourceId === dispute.id))
  t.equal(events[0].before, null)
  t.equal(events[0].after.status, 'reported')
  t.same([events[1].before.status, events[1].after.status], ['reported', 'mediating'])
  t.equal(events[1].after.mediator, '王建国')
  t.same(events[2].after.resolution, resolution())
  t.equal(events[3].before.status, 'resolved')
  t.equal(events[3].after, null)
})

t.test('a refused change writes no audit event and keeps the version', async (t) => {
  const dispute = await createDispute(admin, gridId)
  assertProblem(t, await admin.patch(`/v1/disputes/${dispute.id}`, { status: 'resolved' }), 409, 'rule-violation')
  const feed = await admin.get(`/v1/audit-events?resourceId=${dispute.id}`)
  t.same(feed.body.items.map((e: any) => e.action), ['created'])
  t.equal((await admin.get(`/v1/disputes/${dispute.id}`)).body.version, 1)
})

t.test('an Idempotency-Key replays the first answer and creates nothing more', async (t) => {
  const body = disputeBody(gridId, { title: '幂等测试纠纷' })
  const first = await admin.post('/v1/disputes', body, { 'idempotency-key': 'dispute-retry-1' })
  const again = await admin.post('/v1/disputes', body, { 'idempotency-key': 'dispute-retry-1' })
  t.equal(first.status, 201)
  t.equal(again.status, 201)
  t.equal(again.headers['idempotency-replayed'], 'true')
  t.equal(again.body.id, first.body.id)
  const other = await admin.post('/v1/disputes', { ...body, title: '另一个' }, { 'idempotency-key': 'dispute-retry-1' })
  assertProblem(t, other, 422, 'idempotency-key-reused')
})
