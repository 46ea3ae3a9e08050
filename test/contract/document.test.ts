import t from 'tap'
import { documentAjv, loadDocument, pointer } from './response-validator.js'

// What the linters do not check: every example is valid under the rules the service enforces
// (formats included), every enum value has its Chinese label, every operation carries examples.
const doc = loadDocument()
const ajv = documentAjv(doc)
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const
const operations = Object.entries<any>(doc.paths).flatMap(([path, item]) =>
  methods.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] })),
)

/** Every schema node below `at` (not following $ref), with its pointer keys. */
function* schemaNodes(node: any, keys: string[]): Generator<{ node: any; keys: string[] }> {
  if (!node || typeof node !== 'object') return
  yield { node, keys }
  for (const [k, v] of Object.entries<any>(node.properties ?? {})) yield* schemaNodes(v, [...keys, 'properties', k])
  if (node.items) yield* schemaNodes(node.items, [...keys, 'items'])
  for (const combinator of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const [i, v] of (node[combinator] ?? []).entries()) yield* schemaNodes(v, [...keys, combinator, String(i)])
  }
}

t.test('every example in every component validates against its own schema', async (t) => {
  let checked = 0
  for (const name of Object.keys(doc.components.schemas)) {
    for (const { node, keys } of schemaNodes(doc.components.schemas[name], ['components', 'schemas', name])) {
      for (const [i, example] of (node.examples ?? []).entries()) {
        const validate = ajv.schemaAt(pointer(...keys))
        checked++
        t.ok(validate(example), `${keys.slice(2).join('.')} example ${i}`, { errors: validate.errors })
      }
    }
  }
  t.ok(checked > 50, `${checked} examples checked`)
})

t.test('every parameter and media-type example validates against its schema', async (t) => {
  for (const { path, method, op } of operations) {
    for (const [i, parameter] of (op.parameters ?? []).entries()) {
      if (parameter.example === undefined) continue
      const validate = ajv.schemaAt(pointer('paths', path, method, 'parameters', String(i), 'schema'))
      t.ok(validate(parameter.example), `${op.operationId} ${parameter.name} example`, { errors: validate.errors })
    }
    for (const [status, response] of Object.entries<any>(op.responses)) {
      for (const [mediaType, media] of Object.entries<any>(response.content ?? {})) {
        if (media.example === undefined) continue
        const validate = ajv.schemaAt(pointer('paths', path, method, 'responses', status, 'content', mediaType, 'schema'))
        t.ok(validate(media.example), `${op.operationId} ${status} ${mediaType} example`, { errors: validate.errors })
      }
    }
  }
})

/** The component a schema names, or the schema itself. */
const resolve = (schema: any) => (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema)
const hasExample = (media: any) => media.example !== undefined || media.examples !== undefined || resolve(media.schema)?.examples?.length > 0
/** A file (an .xlsx, a .docx, a CSV) has no example a document can show: its schema says `format: binary`. */
const isFile = (media: any) => resolve(media.schema)?.format === 'binary'

t.test('every operation shows an example of its request body and its successful answer', async (t) => {
  for (const { op } of operations) {
    for (const [mediaType, media] of Object.entries<any>(op.requestBody?.content ?? {})) {
      if (!isFile(media)) t.ok(hasExample(media), `${op.operationId} request ${mediaType}`)
    }
    for (const [status, response] of Object.entries<any>(op.responses)) {
      if (!/^2/.test(status) || !response.content) continue
      for (const [mediaType, media] of Object.entries<any>(response.content)) {
        // The Prometheus exposition is the one answer whose content has no stable example.
        if (op.operationId === 'getMetrics' || isFile(media)) continue
        t.ok(hasExample(media), `${op.operationId} ${status} ${mediaType}`)
      }
    }
  }
})

// Sort parameters list field names, and Idempotency-Replayed is a flag: neither is a domain enum.
const labelled = (values: string[], description: string | undefined) =>
  values.filter((v) => !new RegExp(`\`${v}\` [^\`·]*[\\u4e00-\\u9fff]`).test(description ?? ''))

t.test('every enum value of the domain has its Chinese label in the description', async (t) => {
  for (const name of Object.keys(doc.components.schemas)) {
    for (const { node, keys } of schemaNodes(doc.components.schemas[name], [name])) {
      if (!Array.isArray(node.enum)) continue
      t.same(labelled(node.enum, node.description), [], `${keys.join('.')}: every value labelled`)
    }
  }
  for (const { op } of operations) {
    for (const parameter of op.parameters ?? []) {
      const values = parameter.schema.enum ?? parameter.schema.items?.enum
      if (!values || parameter.name === 'sort') continue
      t.same(labelled(values, parameter.description ?? parameter.schema.description), [], `${op.operationId} ${parameter.name}: every value labelled`)
    }
  }
})

t.test('the API key scheme is declared and applies to every /v1 operation', async (t) => {
  t.match(doc.components.securitySchemes.apiKey, { type: 'http', scheme: 'bearer' })
  t.same(doc.security, [{ apiKey: [] }])
  for (const { path, op } of operations) {
    if (path.startsWith('/v1/')) t.notSame(op.security, [], `${op.operationId} is not public`)
  }
})
