import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'

const { admin } = await buildTestApp(t)

t.test('create answers 201 with Location, ETag and the record', async (t) => {
  const res = await admin.post('/v1/grid-units', {
    code: '150826103',
    name: '团结镇',
    level: 'town',
    workers: [{ name: '王建国', role: 'grid_leader', phone: '13847812345' }],
  })
  t.equal(res.status, 201)
  t.equal(res.headers.location, `/v1/grid-units/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.match(res.body, { code: '150826103', name: '团结镇', level: 'town', parentId: null, version: 1 })
  t.match(res.body.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  t.same(res.body.workers, [{ name: '王建国', role: 'grid_leader', phone: '13847812345' }])
})

t.test('get answers the record with its ETag; a matching If-None-Match answers 304', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county' })
  const res = await admin.get(`/v1/grid-units/${unit.id}`)
  t.equal(res.status, 200)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, unit)
  const cached = await admin.get(`/v1/grid-units/${unit.id}`, { 'if-none-match': '"1"' })
  t.equal(cached.status, 304)
  t.equal(cached.text, '')
  const stale = await admin.get(`/v1/grid-units/${unit.id}`, { 'if-none-match': '"7"' })
  t.equal(stale.status, 200)
})

t.test('a unique code is refused for a second live unit, then free again after delete', async (t) => {
  const first = await createGridUnit(admin, { level: 'county', code: 'DUP-1' })
  assertProblem(t, await admin.post('/v1/grid-units', { code: 'DUP-1', name: '重复', level: 'county' }), 409, 'conflict')
  t.equal((await admin.delete(`/v1/grid-units/${first.id}`)).status, 204)
  t.equal((await admin.post('/v1/grid-units', { code: 'DUP-1', name: '新建', level: 'county' })).status, 201)
})

t.test('delete is soft: 404 afterwards, and the audit trail keeps the record', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county' })
  const del = await admin.delete(`/v1/grid-units/${unit.id}`)
  t.equal(del.status, 204)
  assertProblem(t, await admin.get(`/v1/grid-units/${unit.id}`), 404, 'not-found')
  assertProblem(t, await admin.delete(`/v1/grid-units/${unit.id}`), 404, 'not-found')
  assertProblem(t, await admin.patch(`/v1/grid-units/${unit.id}`, { name: '改名' }), 404, 'not-found')
  const feed = await admin.get(`/v1/audit-events?resourceId=${unit.id}`)
  t.same(feed.body.items.map((e: any) => e.action), ['created', 'deleted'])
  t.equal(feed.body.items[1].before.name, unit.name)
})
