import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'

const { admin, keyWith } = await buildTestApp(t)

/** Follows the feed from `after` until `count` events arrived (the feed may lag behind running transactions). */
async function follow(after: string, count: number, query = '') {
  const items: any[] = []
  let cursor = after
  for (let attempt = 0; attempt < 50 && items.length < count; attempt++) {
    const res = await admin.get(`/v1/audit-events?after=${cursor}${query}`)
    items.push(...res.body.items)
    cursor = res.body.nextCursor
    if (items.length < count) await new Promise((r) => setTimeout(r, 100))
  }
  return { items, cursor }
}

t.test('create, update and delete each leave one event with actor, request id, before and after', async (t) => {
  const start = (await admin.get('/v1/audit-events?limit=1000')).body.nextCursor
  const writer = await keyWith(['grid-units:write', 'grid-units:read'], null, '团结镇综治中心')
  const created = await writer.post('/v1/grid-units', { code: 'AUD-1', name: '团结镇', level: 'town', workers: [{ name: '王', role: 'grid_worker', phone: '13847812345' }] }, { 'x-request-id': 'req-audit-1' })
  await writer.patch(`/v1/grid-units/${created.body.id}`, { name: '团结镇人民政府' }, { 'x-request-id': 'req-audit-2' })
  await writer.delete(`/v1/grid-units/${created.body.id}`, { 'x-request-id': 'req-audit-3' })
  const { items } = await follow(start, 3)
  t.same(items.map((e) => [e.action, e.version, e.requestId]), [
    ['created', 1, 'req-audit-1'],
    ['updated', 2, 'req-audit-2'],
    ['deleted', 3, 'req-audit-3'],
  ])
  t.ok(items.every((e) => e.actor === '团结镇综治中心' && e.resourceType === 'grid-units' && e.resourceId === created.body.id))
  t.equal(items[0].before, null)
  t.equal(items[0].after.workers[0].phone, '13847812345', 'personal data as stored, for audit:read holders')
  t.equal(items[1].before.name, '团结镇')
  t.equal(items[1].after.name, '团结镇人民政府')
  t.equal(items[2].after, null)
  t.ok(items[0].seq < items[1].seq && items[1].seq < items[2].seq)
})

t.test('the feed: nextCursor never null, after returns only later events, filters combine', async (t) => {
  const head = await admin.get('/v1/audit-events?limit=1000')
  const cursor = head.body.nextCursor
  t.type(cursor, 'string')
  const empty = await admin.get(`/v1/audit-events?after=${cursor}`)
  t.same(empty.body.items, [])
  t.equal(empty.body.nextCursor, cursor, 'an empty page keeps the cursor')
  const unit = await createGridUnit(admin, { level: 'county' })
  const { items } = await follow(cursor, 1)
  t.equal(items.length, 1)
  t.equal(items[0].resourceId, unit.id)
  const byResource = await admin.get(`/v1/audit-events?resourceId=${unit.id}&resourceType=grid-units`)
  t.equal(byResource.body.items.length, 1)
  const otherType = await admin.get(`/v1/audit-events?resourceType=disputes&after=${cursor}`)
  t.same(otherType.body.items, [])
  t.ok(Number(otherType.body.nextCursor) >= Number(cursor), 'a filtered empty page may move the cursor forward, never back')
  const paged = await admin.get('/v1/audit-events?limit=1')
  t.equal(paged.body.items.length, 1)
  t.equal(paged.body.nextCursor, String(paged.body.items[0].seq))
})

t.test('the feed needs audit:read and a key not bound to a unit', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county' })
  assertProblem(t, await (await keyWith(['grid-units:read'])).get('/v1/audit-events'), 403, 'forbidden')
  assertProblem(t, await (await keyWith(['audit:read'], unit.id)).get('/v1/audit-events'), 403, 'forbidden')
  t.equal((await (await keyWith(['audit:read'])).get('/v1/audit-events')).status, 200)
  assertProblem(t, await admin.get('/v1/audit-events?after=-1'), 400, 'validation-error')
})
