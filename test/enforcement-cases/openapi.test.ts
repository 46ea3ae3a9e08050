import t from 'tap'
import { buildTestApp } from '../helpers/app.js'

const { admin } = await buildTestApp(t)

t.test('the OpenAPI document describes the enforcement-case contract', async (t) => {
  const res = await admin.get('/openapi.json')
  t.equal(res.status, 200)
  const doc = res.body
  const schemas = doc.components.schemas
  for (const name of [
    'EnforcementCase', 'EnforcementCaseCreate', 'EnforcementCaseUpdate', 'EnforcementCaseList', 'EnforcementParty', 'EnforcementOfficer',
    'EnforcementLegalReview', 'EnforcementDecision', 'EnforcementRecording', 'EnforcementReview',
  ]) {
    t.ok(schemas[name], `component ${name}`)
    t.equal(schemas[name].additionalProperties, false, `${name} is closed`)
  }
  const operations = Object.values<any>(doc.paths['/v1/enforcement-cases']).concat(Object.values<any>(doc.paths['/v1/enforcement-cases/{id}']))
  t.same(operations.map((o) => o.operationId).sort(), ['createEnforcementCase', 'deleteEnforcementCase', 'getEnforcementCase', 'listEnforcementCases', 'updateEnforcementCase'])
  t.ok(operations.every((o) => o.tags.includes('Enforcement cases')))
  t.match(schemas.EnforcementCase.properties.status.description, /`legal_review` 法制审核/, 'enum labels in Chinese')
  t.equal(schemas.EnforcementCase.properties.overdue.readOnly, true)
  t.notOk('overdue' in schemas.EnforcementCaseCreate.properties, 'derived fields are not writable')
  t.notOk('overdue' in schemas.EnforcementCaseUpdate.properties)
  t.equal(schemas.EnforcementCaseCreate.properties.status.default, 'registered')
  t.equal(schemas.EnforcementDecision.properties.fineAmountFen.type, 'integer')
  t.equal(schemas.EnforcementParty.properties.phone['x-pii'], 'phone')
  t.equal(schemas.EnforcementParty.properties.idNumber['x-pii'], 'id-number')
  const list = doc.paths['/v1/enforcement-cases'].get
  const params = list.parameters.map((p: any) => p.name)
  for (const name of ['status', 'domain', 'isMajor', 'overdue', 'registeredFrom', 'registeredTo', 'sort', 'cursor', 'limit', 'q', 'gridUnitId', 'updatedSince']) {
    t.ok(params.includes(name), `list parameter ${name}`)
  }
  t.same(list.parameters.find((p: any) => p.name === 'sort').schema.enum.sort(), [
    '-caseNumber', '-createdAt', '-registeredAt', '-updatedAt', 'caseNumber', 'createdAt', 'registeredAt', 'updatedAt',
  ])
})
