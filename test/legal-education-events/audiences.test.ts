import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createEvent, eventBody, eventsUrl } from './fixtures/events.js'

// The audiences the report counts on their own: 执法人员业务培训 (enforcement_officers) and the
// training of 法律明白人 (legal_literates), beside the others.

const { admin } = await buildTestApp(t)
const { town, grid, otherTown } = await createCounty(admin)
const ids = (res: { body: any }) => res.body.items.map((e: any) => e.id).sort()

const officers = await createEvent(admin, town.id, { title: '行政执法人员业务培训', format: 'training', venueType: 'government', audience: 'enforcement_officers' })
const literates = await createEvent(admin, grid.id, { title: '法律明白人培训班', format: 'training', venueType: 'village', audience: 'legal_literates' })
const villagers = await createEvent(admin, grid.id, { title: '民法典进村宣讲', audience: 'villagers' })
const cadres = await createEvent(admin, town.id, { title: '干部学法', format: 'study_session', venueType: 'government', audience: 'cadres' })

t.test('both audiences are taken, kept and read back', async (t) => {
  t.equal(officers.audience, 'enforcement_officers')
  t.equal(literates.audience, 'legal_literates')
  t.equal((await admin.get(`${eventsUrl}/${officers.id}`)).body.audience, 'enforcement_officers')
  const moved = await admin.patch(`${eventsUrl}/${cadres.id}`, { audience: 'legal_literates' })
  t.equal(moved.status, 200)
  t.equal(moved.body.audience, 'legal_literates')
  const back = await admin.patch(`${eventsUrl}/${cadres.id}`, { audience: 'cadres' })
  t.equal(back.body.audience, 'cadres')
})

t.test('the audience filter matches each, alone or repeated', async (t) => {
  const only = await admin.get(`${eventsUrl}?gridUnitId=${town.id}&audience=enforcement_officers`)
  t.equal(only.status, 200)
  t.same(ids(only), [officers.id])
  t.same(ids(await admin.get(`${eventsUrl}?gridUnitId=${town.id}&audience=legal_literates`)), [literates.id])
  t.same(ids(await admin.get(`${eventsUrl}?gridUnitId=${town.id}&audience=enforcement_officers&audience=legal_literates`)), [officers.id, literates.id].sort())
  t.same(ids(await admin.get(`${eventsUrl}?gridUnitId=${town.id}&audience=villagers&audience=cadres`)), [villagers.id, cadres.id].sort())
  t.same(ids(await admin.get(`${eventsUrl}?gridUnitId=${otherTown.id}&audience=enforcement_officers`)), [], 'another town has none')
})

t.test('an audience outside the list is refused in a body and in a query', async (t) => {
  for (const audience of ['officers', 'legal_literate', 'Enforcement_Officers', '执法人员']) {
    const res = await admin.post(eventsUrl, eventBody(grid.id, { audience }))
    assertProblem(t, res, 400, 'validation-error', audience)
    t.ok(res.body.errors.some((e: any) => e.pointer === '/audience'), `${audience} names /audience`)
  }
  const query = await admin.get(`${eventsUrl}?audience=legal_literate`)
  assertProblem(t, query, 400, 'validation-error')
  t.ok(query.body.errors.some((e: any) => e.in === 'query'))
})
