import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createEvent, eventBody, eventsUrl } from './fixtures/events.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)

t.test('create answers 201 with Location, ETag and the record in UTC', async (t) => {
  const res = await admin.post(eventsUrl, eventBody(county.village.id, { materialsDistributed: 500, attendance: 1000, mediaItems: 3, notes: '现场解答咨询 12 件' }))
  t.equal(res.status, 201)
  t.match(String(res.headers['content-type']), /^application\/json/)
  t.equal(res.headers.location, `${eventsUrl}/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, {
    id: res.body.id,
    version: 1,
    createdAt: res.body.createdAt,
    updatedAt: res.body.createdAt,
    gridUnitId: county.village.id,
    title: '民法典宣传月进村宣讲',
    theme: '民法典宣传月',
    format: 'lecture',
    venueType: 'village',
    audience: 'villagers',
    location: '团结村党群服务中心',
    organizer: '团结镇司法所',
    startsAt: '2025-05-08T01:30:00.000Z',
    endsAt: '2025-05-08T04:00:00.000Z',
    materialsDistributed: 500,
    attendance: 1000,
    mediaItems: 3,
    notes: '现场解答咨询 12 件',
  })
  t.match(res.body.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
})

t.test('the bare minimum: counts default to 0 and optional fields are absent', async (t) => {
  const res = await admin.post(eventsUrl, {
    gridUnitId: county.town.id,
    title: '12·4 国家宪法日集中宣传',
    format: 'consultation_desk',
    venueType: 'community',
    audience: 'general_public',
    startsAt: '2025-12-04T01:00:00Z',
  })
  t.equal(res.status, 201)
  t.equal(res.body.materialsDistributed, 0)
  t.equal(res.body.attendance, 0)
  t.equal(res.body.mediaItems, 0)
  for (const field of ['theme', 'location', 'organizer', 'endsAt', 'notes']) t.notOk(field in res.body, `${field} absent`)
})

t.test('an event may end the instant it starts', async (t) => {
  const res = await admin.post(eventsUrl, eventBody(county.grid.id, { format: 'short_video', venueType: 'online', startsAt: '2025-06-01T08:00:00+08:00', endsAt: '2025-06-01T00:00:00Z' }))
  t.equal(res.status, 201)
  t.equal(res.body.endsAt, res.body.startsAt)
})

t.test('get answers the record with its ETag; If-None-Match that matches answers 304', async (t) => {
  const event = await createEvent(admin, county.village.id)
  const res = await admin.get(`${eventsUrl}/${event.id}`)
  t.equal(res.status, 200)
  t.match(String(res.headers['content-type']), /^application\/json/)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, event)
  const cached = await admin.get(`${eventsUrl}/${event.id}`, { 'if-none-match': '"1"' })
  t.equal(cached.status, 304)
  t.equal(cached.text, '')
  const stale = await admin.get(`${eventsUrl}/${event.id}`, { 'if-none-match': '"2"' })
  t.equal(stale.status, 200)
  t.equal(stale.body.id, event.id)
})

t.test('an unknown or malformed id', async (t) => {
  assertProblem(t, await admin.get(`${eventsUrl}/00000000-0000-4000-8000-000000000000`), 404, 'not-found')
  assertProblem(t, await admin.get(`${eventsUrl}/not-a-uuid`), 400, 'validation-error')
})

t.test('If-Match: a stale version answers 412 to PATCH and DELETE and changes nothing', async (t) => {
  const event = await createEvent(admin, county.village.id)
  const patched = await admin.patch(`${eventsUrl}/${event.id}`, { attendance: 80 }, { 'if-match': '"1"' })
  t.equal(patched.status, 200)
  t.equal(patched.headers.etag, '"2"')
  t.equal(patched.body.version, 2)
  t.equal(patched.body.attendance, 80)

  assertProblem(t, await admin.patch(`${eventsUrl}/${event.id}`, { attendance: 90 }, { 'if-match': '"1"' }), 412, 'precondition-failed')
  assertProblem(t, await admin.delete(`${eventsUrl}/${event.id}`, { 'if-match': '"1"' }), 412, 'precondition-failed')
  const after = await admin.get(`${eventsUrl}/${event.id}`)
  t.equal(after.body.version, 2)
  t.equal(after.body.attendance, 80)

  t.equal((await admin.delete(`${eventsUrl}/${event.id}`, { 'if-match': '"2"' })).status, 204)
})

t.test('delete is soft: 404 afterwards, gone from lists, kept in the audit trail', async (t) => {
  const event = await createEvent(admin, county.community.id, { title: '新华社区禁毒法宣传' })
  const del = await admin.delete(`${eventsUrl}/${event.id}`)
  t.equal(del.status, 204)
  t.equal(del.text, '')
  assertProblem(t, await admin.get(`${eventsUrl}/${event.id}`), 404, 'not-found')
  assertProblem(t, await admin.patch(`${eventsUrl}/${event.id}`, { attendance: 1 }), 404, 'not-found')
  assertProblem(t, await admin.delete(`${eventsUrl}/${event.id}`), 404, 'not-found')
  const list = await admin.get(`${eventsUrl}?gridUnitId=${county.community.id}`)
  t.notOk(list.body.items.some((e: any) => e.id === event.id))
})

t.test('a POST retried with the same Idempotency-Key creates one event', async (t) => {
  const body = eventBody(county.grid.id, { title: '扫黑除恶专项宣传' })
  const first = await admin.post(eventsUrl, body, { 'idempotency-key': 'lee-retry-1' })
  const again = await admin.post(eventsUrl, body, { 'idempotency-key': 'lee-retry-1' })
  t.equal(first.status, 201)
  t.equal(again.status, 201)
  t.equal(again.headers['idempotency-replayed'], 'true')
  t.equal(again.body.id, first.body.id)
  const list = await admin.get(`${eventsUrl}?q=${encodeURIComponent('扫黑除恶')}`)
  t.equal(list.body.items.length, 1)
  assertProblem(t, await admin.post(eventsUrl, { ...body, attendance: 5 }, { 'idempotency-key': 'lee-retry-1' }), 422, 'idempotency-key-reused')
})
