import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'

const { admin } = await buildTestApp(t)

t.test('absent fields stay, null clears, arrays are replaced whole', async (t) => {
  const unit = await createGridUnit(admin, {
    level: 'county',
    description: '旗县',
    workers: [{ name: '王建国', role: 'grid_leader' }, { name: '李秀英', role: 'legal_adviser' }],
  })
  const res = await admin.patch(`/v1/grid-units/${unit.id}`, { description: null, workers: [{ name: '张丽', role: 'legal_literate' }] }, { 'content-type': 'application/merge-patch+json' })
  t.equal(res.status, 200)
  t.equal(res.body.version, 2)
  t.equal(res.headers.etag, '"2"')
  t.equal(res.body.name, unit.name)
  t.notOk('description' in res.body)
  t.same(res.body.workers, [{ name: '张丽', role: 'legal_literate' }])
})

t.test('application/json is accepted too; other types are 415', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county' })
  t.equal((await admin.patch(`/v1/grid-units/${unit.id}`, { name: '新名' })).status, 200)
  assertProblem(t, await admin.request('PATCH', `/v1/grid-units/${unit.id}`, 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type')
})

t.test('read-only fields and nulls on required fields are 400', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county' })
  for (const field of ['id', 'version', 'createdAt', 'updatedAt']) {
    const res = await admin.patch(`/v1/grid-units/${unit.id}`, { [field]: field === 'version' ? 9 : '2025-01-01T00:00:00Z' })
    assertProblem(t, res, 400, 'validation-error', `${field} is read-only`)
    t.equal(res.body.errors[0].pointer, `/${field}`)
  }
  assertProblem(t, await admin.patch(`/v1/grid-units/${unit.id}`, { name: null }), 400, 'validation-error')
})

t.test('If-Match: current → 200, stale → 412 and nothing changes, * → 200', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county' })
  t.equal((await admin.patch(`/v1/grid-units/${unit.id}`, { name: '一' }, { 'if-match': '"1"' })).status, 200)
  const stale = await admin.patch(`/v1/grid-units/${unit.id}`, { name: '二' }, { 'if-match': '"1"' })
  assertProblem(t, stale, 412, 'precondition-failed')
  t.equal((await admin.get(`/v1/grid-units/${unit.id}`)).body.name, '一')
  t.equal((await admin.patch(`/v1/grid-units/${unit.id}`, { name: '三' }, { 'if-match': '*' })).status, 200)
  assertProblem(t, await admin.delete(`/v1/grid-units/${unit.id}`, { 'if-match': '"2"' }), 412, 'precondition-failed')
  t.equal((await admin.delete(`/v1/grid-units/${unit.id}`, { 'if-match': '"3"' })).status, 204)
})

t.test('concurrent patches with one If-Match: exactly one wins', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county' })
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) => admin.patch(`/v1/grid-units/${unit.id}`, { name: `并发${i}` }, { 'if-match': '"1"' })),
  )
  t.equal(results.filter((r) => r.status === 200).length, 1)
  t.equal(results.filter((r) => r.status === 412).length, 19)
  t.equal((await admin.get(`/v1/grid-units/${unit.id}`)).body.version, 2)
})

t.test('a patch that changes nothing keeps the version and writes no audit event', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county', name: '不变' })
  const res = await admin.patch(`/v1/grid-units/${unit.id}`, { name: '不变' })
  t.equal(res.status, 200)
  t.equal(res.body.version, 1)
  const feed = await admin.get(`/v1/audit-events?resourceId=${unit.id}`)
  t.equal(feed.body.items.length, 1)
})
