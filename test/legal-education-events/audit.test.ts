import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createEvent, eventsUrl } from './fixtures/events.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)

t.test('create, change and delete each write one audit event with before and after', async (t) => {
  const event = await createEvent(admin, county.village.id, { attendance: 100 })
  const patched = await admin.patch(`${eventsUrl}/${event.id}`, { attendance: 120, notes: '补录签到表' })
  t.equal(patched.status, 200)
  t.equal((await admin.delete(`${eventsUrl}/${event.id}`)).status, 204)

  const feed = await admin.get(`/v1/audit-events?resourceId=${event.id}`)
  t.equal(feed.status, 200)
  const items = feed.body.items
  t.same(items.map((e: any) => e.action), ['created', 'updated', 'deleted'])
  t.same(items.map((e: any) => e.version), [1, 2, 3])
  t.ok(items.every((e: any) => e.resourceType === 'legal-education-events' && e.resourceId === event.id))
  t.ok(items.every((e: any) => e.actor === 'test-admin'))

  t.equal(items[0].before, null)
  t.same(items[0].after, event)
  t.equal(items[1].before.attendance, 100)
  t.equal(items[1].after.attendance, 120)
  t.equal(items[1].after.notes, '补录签到表')
  t.same(items[1].after, patched.body)
  t.same(items[2].before, patched.body)
  t.equal(items[2].after, null)
})

t.test('a patch that changes nothing keeps the version and writes no event', async (t) => {
  const event = await createEvent(admin, county.grid.id, { attendance: 40 })
  const same = await admin.patch(`${eventsUrl}/${event.id}`, { attendance: 40, startsAt: '2025-05-08T01:30:00Z' })
  t.equal(same.status, 200)
  t.equal(same.body.version, 1)
  const feed = await admin.get(`/v1/audit-events?resourceId=${event.id}`)
  t.same(feed.body.items.map((e: any) => e.action), ['created'])
})

t.test('a refused write leaves no audit event', async (t) => {
  const event = await createEvent(admin, county.grid.id)
  assertProblem(t, await admin.patch(`${eventsUrl}/${event.id}`, { startsAt: '2025-05-09T00:00:00Z' }), 400, 'validation-error')
  assertProblem(t, await admin.patch(`${eventsUrl}/${event.id}`, { attendance: 1 }, { 'if-match': '"9"' }), 412, 'precondition-failed')
  const feed = await admin.get(`/v1/audit-events?resourceId=${event.id}`)
  t.same(feed.body.items.map((e: any) => e.action), ['created'])
})

t.test('the audit feed filters by this collection', async (t) => {
  const feed = await admin.get('/v1/audit-events?resourceType=legal-education-events&limit=1000')
  t.equal(feed.status, 200)
  t.ok(feed.body.items.length >= 3)
  t.ok(feed.body.items.every((e: any) => e.resourceType === 'legal-education-events'))
})
