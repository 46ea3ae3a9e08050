import t from 'tap'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createEvent, eventBody, eventsUrl } from './fixtures/events.js'

const { app, admin, keyWith } = await buildTestApp(t)
const county = await createCounty(admin)
const town = await keyWith(['legal-education-events:read', 'legal-education-events:write'], county.town.id)

const ours = await createEvent(admin, county.village.id, { title: '团结村民法典宣讲' })
const theirs = await createEvent(admin, county.otherGrid.id, { title: '陕坝镇民法典宣讲' })

t.test('a key bound to a town reads its own events and none of another town', async (t) => {
  const own = await town.get(`${eventsUrl}/${ours.id}`)
  t.equal(own.status, 200)
  t.same(own.body, ours, 'the same record the admin sees: events hold no personal data to mask')
  assertProblem(t, await town.get(`${eventsUrl}/${theirs.id}`), 404, 'not-found')
  assertProblem(t, await town.patch(`${eventsUrl}/${theirs.id}`, { attendance: 1 }), 404, 'not-found')
  assertProblem(t, await town.delete(`${eventsUrl}/${theirs.id}`), 404, 'not-found')
  t.equal((await admin.get(`${eventsUrl}/${theirs.id}`)).body.version, 1, 'the other town’s event is untouched')
})

t.test('its lists hold only its own subtree', async (t) => {
  const all = await town.get(`${eventsUrl}?limit=100`)
  t.equal(all.status, 200)
  t.same(all.body.items.map((e: any) => e.id), [ours.id])
  const other = await town.get(`${eventsUrl}?gridUnitId=${county.otherTown.id}`)
  t.equal(other.status, 200)
  t.same(other.body.items, [], 'a unit outside the jurisdiction simply yields nothing')
  const whole = await town.get(`${eventsUrl}?gridUnitId=${county.county.id}`)
  t.same(whole.body.items.map((e: any) => e.id), [ours.id], 'the county filter is still cut to the town')
})

t.test('it cannot create or move an event outside its town', async (t) => {
  const inside = await town.post(eventsUrl, eventBody(county.community.id, { title: '新华社区宪法宣讲' }))
  t.equal(inside.status, 201)
  assertProblem(t, await town.post(eventsUrl, eventBody(county.otherTown.id)), 403, 'forbidden')
  assertProblem(t, await town.post(eventsUrl, eventBody(county.county.id)), 403, 'forbidden', 'not even at the county above it')
  assertProblem(t, await town.patch(`${eventsUrl}/${inside.body.id}`, { gridUnitId: county.otherGrid.id }), 403, 'forbidden')
  const moved = await town.patch(`${eventsUrl}/${inside.body.id}`, { gridUnitId: county.grid.id })
  t.equal(moved.status, 200, 'moving within the town is fine')
  t.equal(moved.body.gridUnitId, county.grid.id)
})

t.test('scopes: read needs :read, writes need :write', async (t) => {
  const reader = await keyWith(['legal-education-events:read'])
  t.equal((await reader.get(`${eventsUrl}/${ours.id}`)).status, 200)
  t.equal((await reader.get(eventsUrl)).status, 200)
  assertProblem(t, await reader.post(eventsUrl, eventBody(county.village.id)), 403, 'forbidden')
  assertProblem(t, await reader.patch(`${eventsUrl}/${ours.id}`, { attendance: 5 }), 403, 'forbidden')
  assertProblem(t, await reader.delete(`${eventsUrl}/${ours.id}`), 403, 'forbidden')

  const other = await keyWith(['disputes:read', 'disputes:write'])
  assertProblem(t, await other.get(eventsUrl), 403, 'forbidden')
  assertProblem(t, await other.get(`${eventsUrl}/${ours.id}`), 403, 'forbidden')

  assertProblem(t, await clientFor(app).get(eventsUrl), 401, 'unauthorized')
  assertProblem(t, await clientFor(app, 'not-a-key').post(eventsUrl, eventBody(county.village.id)), 401, 'unauthorized')
  t.equal((await admin.get(`${eventsUrl}/${ours.id}`)).body.version, 1)
})
