import t from 'tap'
import { allScopes, resources } from '../../src/modules/index.js'
import { resources as propertyTested } from '../faults/fixtures/resources.js'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'

// Everything that lists the collections reads the registry (src/modules/index.ts): a collection
// added there has its scopes, tag, audit type, in-use check and property tests with no other edit.

const { app, admin } = await buildTestApp(t)
await app.ready()
const document = app.swagger() as unknown as {
  tags: { name: string }[]
  paths: Record<string, Record<string, { tags: string[]; operationId: string }>>
  components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> }
}
const auditTypes = document.components.schemas.AuditEvent!.properties.resourceType!.enum ?? []

/** A body the collection accepts, owned by `unitId`: the first example of its create schema. */
function exampleBody(def: (typeof resources)[number], unitId: string): Record<string, unknown> {
  const example = (def.schemas.create as { examples?: Record<string, unknown>[] }).examples?.[0]
  if (!example) throw new Error(`${def.collection}: its create schema has no example`)
  const owner = def.owner.kind === 'unit' ? def.owner.field : def.owner.parentField
  const { code } = example
  return { ...example, [owner]: unitId, ...(typeof code === 'string' ? { code: `${code}-REG` } : {}) }
}

for (const def of resources) {
  t.test(`${def.collection}: every list of collections knows it`, async (t) => {
    for (const scope of [`${def.collection}:read`, `${def.collection}:write`]) t.ok((allScopes as readonly string[]).includes(scope), `scope ${scope}`)
    t.ok(document.tags.some((tag) => tag.name === def.tag.name), `tag ${def.tag.name} is declared`)
    const operations = [document.paths[`/v1/${def.collection}`], document.paths[`/v1/${def.collection}/{id}`]].flatMap((item) => Object.values(item ?? {}))
    t.equal(operations.length, 5, 'five operations')
    t.ok(operations.every((op) => op.tags.includes(def.tag.name)), 'each under its tag')
    const routes = app.routeCatalog.filter((r) => r.method !== 'HEAD' && (r.url === `/v1/${def.collection}` || r.url === `/v1/${def.collection}/:id`))
    t.same(routes.map((r) => `${r.method} ${r.scope}`).sort(), [
      `DELETE ${def.collection}:write`, `GET ${def.collection}:read`, `GET ${def.collection}:read`, `PATCH ${def.collection}:write`, `POST ${def.collection}:write`,
    ].sort(), 'each route declares its scope')
    t.ok(auditTypes.includes(def.collection), 'an audit resourceType')
    t.ok(propertyTested.some((spec) => spec.collection === def.collection), 'the property tests run against it')
  })

  t.test(`${def.collection}: a grid unit owning one of its records cannot be deleted`, async (t) => {
    const owner = await createGridUnit(admin, { level: 'county', name: `${def.label}所属单元` })
    const created = await admin.post(`/v1/${def.collection}`, exampleBody(def, owner.id))
    t.equal(created.status, 201, `its example is accepted: ${created.text.slice(0, 300)}`)
    const refused = await admin.delete(`/v1/grid-units/${owner.id}`)
    assertProblem(t, refused, 409, 'rule-violation')
    t.equal(refused.body.violations[0].rule, 'grid-unit-in-use')
  })
}

t.test('the property tests cover exactly the registered collections', async (t) => {
  t.same(propertyTested.map((spec) => spec.collection), resources.map((def) => def.collection))
})
