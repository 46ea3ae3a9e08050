import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'

// The examples in the OpenAPI document are what callers copy first: each must be a lawful decision.

const { app, admin } = await buildTestApp(t)
const { town } = await createCounty(admin)
await app.ready()
const schemas = (app.swagger() as any).components.schemas

t.test('the decision components are published with examples', async (t) => {
  for (const name of ['Decision', 'DecisionCreate', 'DecisionUpdate', 'DecisionList', 'DecisionLegalityReview', 'DecisionCollectiveDiscussion', 'DecisionLegalityReviewPatch']) {
    t.ok(schemas[name], name)
  }
  t.ok(schemas.DecisionCreate.examples.length >= 2)
  t.match(schemas.Decision.properties.status.description, /`adopted` 已通过/, 'enum labels in Chinese')
})

t.test('every create example is accepted, and the update example applies to a draft', async (t) => {
  const ids: string[] = []
  for (const example of schemas.DecisionCreate.examples) {
    const res = await admin.post('/v1/decisions', { ...example, gridUnitId: town.id })
    t.equal(res.status, 201, `${example.title}: ${res.text}`)
    t.equal(res.body.status, example.status ?? 'draft')
    ids.push(res.body.id)
  }
  const res = await admin.patch(`/v1/decisions/${ids[0]}`, schemas.DecisionUpdate.examples[0])
  t.equal(res.status, 200, res.text)
  t.equal(res.body.status, 'under_review')
})

t.test('the record example has the shape of a record', async (t) => {
  const [example] = schemas.Decision.examples
  const res = await admin.post('/v1/decisions', { ...Object.fromEntries(Object.entries(example).filter(([k]) => !['id', 'version', 'createdAt', 'updatedAt'].includes(k))), gridUnitId: town.id })
  t.equal(res.status, 201, res.text)
  t.same(Object.keys(res.body).sort(), Object.keys(example).sort())
})
