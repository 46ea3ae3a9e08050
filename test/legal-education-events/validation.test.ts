import t from 'tap'
import { assertProblem, buildTestApp, type Response } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createEvent, eventBody, eventsUrl } from './fixtures/events.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)

const pointers = (res: Response) => (res.body?.errors ?? []).map((e: any) => e.pointer).sort()

t.test('every missing required field is named', async (t) => {
  const res = await admin.post(eventsUrl, {})
  assertProblem(t, res, 400, 'validation-error')
  t.same(pointers(res), ['/audience', '/format', '/gridUnitId', '/startsAt', '/title', '/venueType'])
  t.ok(res.body.errors.every((e: any) => e.in === 'body'))
})

t.test('an unknown field is refused, not dropped', async (t) => {
  const res = await admin.post(eventsUrl, eventBody(county.village.id, { stauts: 'done' }))
  assertProblem(t, res, 400, 'validation-error')
  t.same(pointers(res), ['/stauts'])
})

t.test('enum values outside the lists are refused', async (t) => {
  const res = await admin.post(eventsUrl, eventBody(county.village.id, { format: 'seminar', venueType: 'market', audience: 'everyone' }))
  assertProblem(t, res, 400, 'validation-error')
  t.same(pointers(res), ['/audience', '/format', '/venueType'])
})

t.test('counts are integers from 0 up to a sane maximum', async (t) => {
  const negative = await admin.post(eventsUrl, eventBody(county.village.id, { materialsDistributed: -1, attendance: -20, mediaItems: -3 }))
  assertProblem(t, negative, 400, 'validation-error')
  t.same(pointers(negative), ['/attendance', '/materialsDistributed', '/mediaItems'])

  const fractional = await admin.post(eventsUrl, eventBody(county.village.id, { attendance: 12.5, materialsDistributed: '200' }))
  assertProblem(t, fractional, 400, 'validation-error')
  t.same(pointers(fractional), ['/attendance', '/materialsDistributed'])

  const huge = await admin.post(eventsUrl, eventBody(county.village.id, { attendance: 10_000_001, mediaItems: 100_001 }))
  assertProblem(t, huge, 400, 'validation-error')
  t.same(pointers(huge), ['/attendance', '/mediaItems'])

  const largest = await admin.post(eventsUrl, eventBody(county.village.id, { attendance: 10_000_000, materialsDistributed: 10_000_000, mediaItems: 100_000 }))
  t.equal(largest.status, 201)
})

t.test('texts are bounded and not empty', async (t) => {
  const res = await admin.post(eventsUrl, eventBody(county.village.id, { title: '普'.repeat(201), theme: '', notes: '备'.repeat(2001) }))
  assertProblem(t, res, 400, 'validation-error')
  t.same(pointers(res), ['/notes', '/theme', '/title'])
  assertProblem(t, await admin.post(eventsUrl, eventBody(county.village.id, { title: '宪法\u0000日' })), 400, 'validation-error')
  const longest = await admin.post(eventsUrl, eventBody(county.village.id, { title: '普'.repeat(200) }))
  t.equal(longest.status, 201)
})

t.test('instants must be RFC 3339 date-times', async (t) => {
  const res = await admin.post(eventsUrl, eventBody(county.village.id, { startsAt: '2025-05-08', endsAt: '明天上午' }))
  assertProblem(t, res, 400, 'validation-error')
  t.same(pointers(res), ['/endsAt', '/startsAt'])
})

t.test('endsAt before startsAt is a 400 pointing at /endsAt', async (t) => {
  // 09:00 Beijing time is before 09:30 Beijing time, though its UTC text sorts after it.
  const res = await admin.post(eventsUrl, eventBody(county.village.id, { startsAt: '2025-05-08T09:30:00+08:00', endsAt: '2025-05-08T01:00:00Z' }))
  assertProblem(t, res, 400, 'validation-error')
  t.same(res.body.errors.map((e: any) => [e.in, e.pointer]), [['body', '/endsAt']])

  const later = await admin.post(eventsUrl, eventBody(county.village.id, { startsAt: '2025-05-08T09:30:00+08:00', endsAt: '2025-05-08T02:00:00Z' }))
  t.equal(later.status, 201, 'compared as instants, not as text')
})

t.test('endsAt ≥ startsAt holds after every patch too', async (t) => {
  const event = await createEvent(admin, county.village.id)
  const startsLate = await admin.patch(`${eventsUrl}/${event.id}`, { startsAt: '2025-05-08T13:00:00+08:00' })
  assertProblem(t, startsLate, 400, 'validation-error')
  t.same(pointers(startsLate), ['/endsAt'])

  const endsEarly = await admin.patch(`${eventsUrl}/${event.id}`, { endsAt: '2025-05-07T18:00:00+08:00' })
  assertProblem(t, endsEarly, 400, 'validation-error')
  t.same(pointers(endsEarly), ['/endsAt'])

  const unchanged = await admin.get(`${eventsUrl}/${event.id}`)
  t.equal(unchanged.body.version, 1)

  const both = await admin.patch(`${eventsUrl}/${event.id}`, { startsAt: '2025-05-09T09:00:00+08:00', endsAt: '2025-05-09T11:00:00+08:00' })
  t.equal(both.status, 200)
  t.equal(both.body.startsAt, '2025-05-09T01:00:00.000Z')

  const open = await admin.patch(`${eventsUrl}/${event.id}`, { endsAt: null })
  t.equal(open.status, 200)
  const moved = await admin.patch(`${eventsUrl}/${event.id}`, { startsAt: '2025-06-01T09:00:00+08:00' })
  t.equal(moved.status, 200, 'without endsAt any start is fine')
})

t.test('the grid unit must exist', async (t) => {
  const res = await admin.post(eventsUrl, eventBody('00000000-0000-4000-8000-000000000000'))
  assertProblem(t, res, 409, 'rule-violation')
  t.same(res.body.violations.map((v: any) => v.rule), ['grid-unit-exists'])
  assertProblem(t, await admin.post(eventsUrl, eventBody('团结镇')), 400, 'validation-error')
})

t.test('bodies: wrong media type 415, malformed JSON 400', async (t) => {
  const text = await admin.request('POST', eventsUrl, JSON.stringify(eventBody(county.village.id)), { 'content-type': 'text/plain' })
  assertProblem(t, text, 415, 'unsupported-media-type')
  assertProblem(t, await admin.post(eventsUrl, '{"title": "民法典'), 400, 'validation-error')
})
