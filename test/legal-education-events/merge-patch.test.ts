import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createEvent, eventsUrl } from './fixtures/events.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)

t.test('absent fields keep their value; given ones change', async (t) => {
  const event = await createEvent(admin, county.village.id, { attendance: 300, notes: '发放宣传册' })
  const res = await admin.patch(`${eventsUrl}/${event.id}`, { attendance: 320, materialsDistributed: 450 })
  t.equal(res.status, 200)
  t.match(String(res.headers['content-type']), /^application\/json/)
  t.same(res.body, { ...event, attendance: 320, materialsDistributed: 450, version: 2, updatedAt: res.body.updatedAt })
  t.not(res.body.updatedAt, event.updatedAt)
  t.equal(res.body.createdAt, event.createdAt)
})

t.test('null clears every optional field', async (t) => {
  const event = await createEvent(admin, county.village.id, { notes: '现场有律师' })
  const res = await admin.patch(`${eventsUrl}/${event.id}`, { theme: null, location: null, organizer: null, endsAt: null, notes: null }, { 'content-type': 'application/merge-patch+json' })
  t.equal(res.status, 200)
  for (const field of ['theme', 'location', 'organizer', 'endsAt', 'notes']) t.notOk(field in res.body, `${field} cleared`)
  const read = await admin.get(`${eventsUrl}/${event.id}`)
  t.same(read.body, res.body)
})

t.test('null on a required field or a count is a 400', async (t) => {
  const event = await createEvent(admin, county.village.id)
  const res = await admin.patch(`${eventsUrl}/${event.id}`, { title: null, format: null, startsAt: null, attendance: null })
  assertProblem(t, res, 400, 'validation-error')
  t.same(res.body.errors.map((e: any) => e.pointer).sort(), ['/attendance', '/format', '/startsAt', '/title'])
})

t.test('read-only and unknown fields are refused', async (t) => {
  const event = await createEvent(admin, county.village.id)
  for (const [field, value] of [['id', event.id], ['version', 5], ['createdAt', event.createdAt], ['updatedAt', event.updatedAt], ['stauts', 'done']]) {
    const res = await admin.patch(`${eventsUrl}/${event.id}`, { [field]: value })
    assertProblem(t, res, 400, 'validation-error', `${field} refused`)
    t.same(res.body.errors.map((e: any) => e.pointer), [`/${field}`])
  }
  t.equal((await admin.get(`${eventsUrl}/${event.id}`)).body.version, 1)
})

t.test('a patch body must be a JSON object of the right types', async (t) => {
  const event = await createEvent(admin, county.village.id)
  assertProblem(t, await admin.patch(`${eventsUrl}/${event.id}`, { attendance: -1 }), 400, 'validation-error')
  assertProblem(t, await admin.patch(`${eventsUrl}/${event.id}`, { venueType: 'market' }), 400, 'validation-error')
  assertProblem(t, await admin.request('PATCH', `${eventsUrl}/${event.id}`, 'attendance=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type')
})

t.test('moving an event to another unit: it must exist', async (t) => {
  const event = await createEvent(admin, county.village.id)
  const moved = await admin.patch(`${eventsUrl}/${event.id}`, { gridUnitId: county.grid.id })
  t.equal(moved.status, 200)
  t.equal(moved.body.gridUnitId, county.grid.id)
  const missing = await admin.patch(`${eventsUrl}/${event.id}`, { gridUnitId: '00000000-0000-4000-8000-000000000000' })
  assertProblem(t, missing, 409, 'rule-violation')
  t.same(missing.body.violations.map((v: any) => v.rule), ['grid-unit-exists'])
})
