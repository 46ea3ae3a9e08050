import { readFileSync } from 'node:fs'
import t from 'tap'
import { buildOpenApiDocument } from '../../src/openapi-document.js'

const committed = (file: string) => readFileSync(new URL(`../../openapi/${file}`, import.meta.url), 'utf8')
const { json, yaml } = await buildOpenApiDocument()
const doc = JSON.parse(json)

t.test('the committed contract is what the code serves (run `npm run openapi` after a change)', async (t) => {
  t.equal(json, committed('openapi.json'), 'openapi/openapi.json is current')
  t.equal(yaml, committed('openapi.yaml'), 'openapi/openapi.yaml is current')
})

t.test('every operation has an operationId, a tag, a summary, a description and its error answers', async (t) => {
  const ids = new Set<string>()
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const name = `${method.toUpperCase()} ${path}`
      t.type(op.operationId, 'string', `${name} operationId`)
      t.notOk(ids.has(op.operationId), `${name} operationId is unique`)
      ids.add(op.operationId)
      t.ok(op.tags?.length, `${name} tag`)
      t.ok(op.summary, `${name} summary`)
      t.ok(op.description, `${name} description`)
      if (path.startsWith('/v1/')) {
        for (const status of ['401', '403', '500', '503']) t.ok(op.responses[status], `${name} documents ${status}`)
        const problem = op.responses['401']?.content?.['application/problem+json']?.schema?.$ref
        t.equal(problem, '#/components/schemas/Problem', `${name} errors use the Problem schema`)
      }
    }
  }
})

t.test('schemas are named components and the security scheme is declared', async (t) => {
  t.ok(doc.components.securitySchemes.apiKey)
  t.same(doc.security, [{ apiKey: [] }])
  t.notOk(Object.keys(doc.components.schemas).some((n) => /^def-\d+$/.test(n)), 'no anonymous def-N components')
  for (const name of ['Problem', 'GridUnit', 'GridUnitCreate', 'GridUnitUpdate', 'GridUnitList', 'AuditEvent']) {
    t.ok(doc.components.schemas[name], `${name} component`)
  }
})
