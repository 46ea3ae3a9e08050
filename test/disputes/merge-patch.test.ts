import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDispute, resolution } from './fixtures.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)
const gridId = county.grid.id

t.test('absent fields keep their value; the version and updatedAt move on', async (t) => {
  const dispute = await createDispute(admin, gridId, { mediator: '王建国' })
  const res = await admin.patch(`/v1/disputes/${dispute.id}`, { title: '团结村三组土地承包经营权流转纠纷' }, { 'content-type': 'application/merge-patch+json' })
  t.equal(res.status, 200)
  t.match(String(res.headers['content-type']), /^application\/json/)
  t.equal(res.headers.etag, '"2"')
  t.equal(res.body.version, 2)
  t.equal(res.body.title, '团结村三组土地承包经营权流转纠纷')
  t.same({ ...res.body, title: dispute.title, version: 1, updatedAt: dispute.updatedAt }, dispute, 'nothing else changed')
  t.ok(Date.parse(res.body.updatedAt) >= Date.parse(dispute.updatedAt))
  t.equal(res.body.createdAt, dispute.createdAt)
})

t.test('null clears an optional field', async (t) => {
  const dispute = await createDispute(admin, gridId, { mediator: '王建国', status: 'unresolved', resolution: { ...resolution(), agreementReached: false } })
  const res = await admin.patch(`/v1/disputes/${dispute.id}`, { description: null, mediator: null, resolution: null })
  t.equal(res.status, 200)
  for (const field of ['description', 'mediator', 'resolution']) t.notOk(field in res.body, `${field} cleared`)
  const again = await admin.get(`/v1/disputes/${dispute.id}`)
  t.notOk('mediator' in again.body, 'and stays cleared')
})

t.test('null on a required field is a 400', async (t) => {
  const dispute = await createDispute(admin, gridId)
  for (const field of ['title', 'category', 'status', 'parties', 'reportedAt', 'gridUnitId', 'isPetitionBacklog']) {
    const res = await admin.patch(`/v1/disputes/${dispute.id}`, { [field]: null })
    assertProblem(t, res, 400, 'validation-error', field)
  }
  t.equal((await admin.get(`/v1/disputes/${dispute.id}`)).body.version, 1)
})

t.test('arrays are replaced whole', async (t) => {
  const dispute = await createDispute(admin, gridId)
  t.equal(dispute.parties.length, 2)
  const parties = [{ name: '李桂兰', role: 'third_party' }]
  const res = await admin.patch(`/v1/disputes/${dispute.id}`, { parties })
  t.equal(res.status, 200)
  t.same(res.body.parties, parties)
  assertProblem(t, await admin.patch(`/v1/disputes/${dispute.id}`, { parties: [] }), 400, 'validation-error', 'at least one party stays')
})

t.test('a nested resolution merges member by member and must end up complete', async (t) => {
  const dispute = await createDispute(admin, gridId, { status: 'resolved', resolution: resolution() })
  const res = await admin.patch(`/v1/disputes/${dispute.id}`, { resolution: { summary: '双方签订书面调解协议并当场履行' } })
  t.equal(res.status, 200)
  t.same(res.body.resolution, { ...resolution(), summary: '双方签订书面调解协议并当场履行' })

  const fresh = await createDispute(admin, gridId)
  const partial = await admin.patch(`/v1/disputes/${fresh.id}`, { resolution: { summary: '仅有摘要' } })
  assertProblem(t, partial, 400, 'validation-error', 'a resolution without its other members')
  t.ok(partial.body.errors.some((e: any) => e.pointer.startsWith('/resolution')))
  const unknown = await admin.patch(`/v1/disputes/${dispute.id}`, { resolution: { outcome: 'ok' } })
  assertProblem(t, unknown, 400, 'validation-error')
  t.ok(unknown.body.errors.some((e: any) => e.pointer === '/resolution/outcome'))
})

t.test('read-only and unknown fields are refused', async (t) => {
  const dispute = await createDispute(admin, gridId)
  const bodies: Record<string, unknown>[] = [
    { id: dispute.id },
    { version: 5 },
    { createdAt: '2025-01-01T00:00:00Z' },
    { updatedAt: '2025-01-01T00:00:00Z' },
    { stauts: 'mediating' },
  ]
  for (const body of bodies) {
    const res = await admin.patch(`/v1/disputes/${dispute.id}`, body)
    assertProblem(t, res, 400, 'validation-error', Object.keys(body)[0])
    t.ok(res.body.errors.some((e: any) => e.pointer === `/${Object.keys(body)[0]}`))
  }
  t.equal((await admin.get(`/v1/disputes/${dispute.id}`)).body.version, 1)
})

t.test('If-Match: a stale ETag is 412, the current one or * goes through', async (t) => {
  const dispute = await createDispute(admin, gridId)
  t.equal((await admin.patch(`/v1/disputes/${dispute.id}`, { status: 'mediating' }, { 'if-match': '"1"' })).status, 200)
  const stale = await admin.patch(`/v1/disputes/${dispute.id}`, { title: '旧版本上的修改' }, { 'if-match': '"1"' })
  assertProblem(t, stale, 412, 'precondition-failed')
  assertProblem(t, await admin.patch(`/v1/disputes/${dispute.id}`, { title: '弱标签' }, { 'if-match': 'W/"2"' }), 412, 'precondition-failed')
  const current = await admin.patch(`/v1/disputes/${dispute.id}`, { title: '当前版本上的修改' }, { 'if-match': '"1", "2"' })
  t.equal(current.status, 200)
  t.equal(current.headers.etag, '"3"')
  t.equal((await admin.patch(`/v1/disputes/${dispute.id}`, { mediator: '刘丽' }, { 'if-match': '*' })).status, 200)
  t.equal((await admin.get(`/v1/disputes/${dispute.id}`)).body.title, '当前版本上的修改', 'the stale change was not applied')
})

t.test('a patch that changes nothing keeps the version and writes no audit event', async (t) => {
  const dispute = await createDispute(admin, gridId)
  const res = await admin.patch(`/v1/disputes/${dispute.id}`, { title: dispute.title, reportedAt: '2025-04-08T10:30:00+08:00' })
  t.equal(res.status, 200)
  t.equal(res.body.version, 1)
  t.equal(res.headers.etag, '"1"')
  const feed = await admin.get(`/v1/audit-events?resourceId=${dispute.id}`)
  t.same(feed.body.items.map((e: any) => e.action), ['created'])
})

t.test('bodies that are not JSON are refused', async (t) => {
  const dispute = await createDispute(admin, gridId)
  assertProblem(t, await admin.patch(`/v1/disputes/${dispute.id}`, 'title=x', { 'content-type': 'text/plain' }), 415, 'unsupported-media-type')
  assertProblem(t, await admin.patch(`/v1/disputes/${dispute.id}`, '{"title":', { 'content-type': 'application/json' }), 400, 'validation-error')
  assertProblem(t, await admin.patch(`/v1/disputes/${dispute.id}`, { title: '含\u0000字符' }), 400, 'validation-error')
})
