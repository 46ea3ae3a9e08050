import t from 'tap'
import { buildTestApp } from '../helpers/app.js'

const { admin } = await buildTestApp(t)

t.test('the OpenAPI document describes the dispute contract', async (t) => {
  const res = await admin.get('/openapi.json')
  t.equal(res.status, 200)
  const schemas = res.body.components.schemas
  for (const name of ['Dispute', 'DisputeCreate', 'DisputeUpdate', 'DisputeList', 'DisputeParty', 'DisputeResolution', 'DisputeResolutionPatch']) {
    t.ok(schemas[name], `component ${name}`)
    t.equal(schemas[name].additionalProperties, false, `${name} is closed`)
  }
  for (const name of ['Dispute', 'DisputeCreate', 'DisputeUpdate', 'DisputeList']) t.ok(schemas[name].examples?.length, `${name} has examples`)

  const paths = res.body.paths
  const operations = Object.values<any>(paths['/v1/disputes']).concat(Object.values<any>(paths['/v1/disputes/{id}']))
  t.same(operations.map((o) => o.operationId).sort(), ['createDispute', 'deleteDispute', 'getDispute', 'listDisputes', 'updateDispute'])
  t.ok(operations.every((o) => o.tags.includes('Disputes')))

  t.match(schemas.Dispute.properties.category.description, /`land` 土地/, 'enum labels in Chinese')
  t.match(schemas.Dispute.properties.source.description, /`grid_inspection` 网格排查/)
  t.match(schemas.DisputeParty.properties.role.description, /`respondent` 被申请人/)
  t.equal(schemas.DisputeParty.properties.phone['x-pii'], 'phone')
  t.equal(schemas.DisputeCreate.properties.status.default, 'reported')
  t.equal(schemas.DisputeCreate.properties.isPetitionBacklog.default, false)
  t.same(schemas.DisputeCreate.properties.parties.minItems, 1)
  t.same(schemas.DisputeCreate.properties.parties.maxItems, 50)
  for (const field of ['id', 'version', 'createdAt', 'updatedAt']) {
    t.notOk(field in schemas.DisputeCreate.properties, `${field} is not writable on create`)
    t.notOk(field in schemas.DisputeUpdate.properties, `${field} is not writable on change`)
  }
  t.notOk(schemas.DisputeUpdate.required?.length, 'a merge patch requires nothing')

  const list = paths['/v1/disputes'].get
  const params = list.parameters.map((p: any) => p.name)
  for (const name of ['status', 'category', 'source', 'isPetitionBacklog', 'reportedFrom', 'reportedTo', 'sort', 'cursor', 'limit', 'q', 'gridUnitId', 'updatedSince']) {
    t.ok(params.includes(name), `list parameter ${name}`)
  }
  const sort = list.parameters.find((p: any) => p.name === 'sort').schema
  t.same(sort.enum.sort(), ['-createdAt', '-reportedAt', '-updatedAt', 'createdAt', 'reportedAt', 'updatedAt'])
  t.equal(sort.default, '-reportedAt')
  t.match(paths['/v1/disputes'].post.description, /resolution-required/, 'the rule ids are documented')
  t.match(paths['/v1/disputes/{id}'].patch.description, /status-transition/)
})
