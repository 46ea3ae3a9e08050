import { equal, ok } from 'node:assert/strict'
import fc from 'fast-check'
import t, { type Test } from 'tap'
import type { TSchema } from 'typebox'
import { createValidatorCompiler } from '../../src/http/validation.js'
import { allSchemas } from '../../src/http/record-api.js'
import { buildTestApp, type Response } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'
import { queryRoutes } from './fixtures/resources.js'
import { OMIT, deref, hostileNumberText, hostileNumberWords, runSettings, validValue, type JsonSchema, type Overrides } from './fixtures/schema-arbitraries.js'

// Query strings and headers drawn from the list-query schemas: valid ones answer 200; one broken
// parameter, an unknown one, or a forged cursor answers 400 `in: query`; a number written in any
// form but plain decimal, or past what a double holds exactly, answers 400 pointing at it; no
// header value, however odd, gets a 5xx, and every refusal is problem+json.

const { admin, adminKey } = await buildTestApp(t, { config: { rateLimitPerMinute: 1_000_000 } })
const unit = await createGridUnit(admin, { level: 'county', name: '查询旗' })
const compile = createValidatorCompiler(allSchemas as TSchema[]).compiler
const RUNS = 40

const routes = queryRoutes(unit.id)

type Query = Record<string, string | string[]>

/** A parsed query as Fastify hands it to validation: text values, repeated keys as arrays. */
const asText = (doc: Record<string, unknown>): Query =>
  Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]))

function urlOf(path: string, query: Query): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) params.append(k, one)
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

function assertProblem(res: Response, status?: number) {
  ok(res.status < 500, `no 5xx: ${res.status} ${res.text.slice(0, 300)}`)
  if (status) equal(res.status, status, res.text.slice(0, 300))
  if (res.status >= 400) {
    ok(String(res.headers['content-type']).startsWith('application/problem+json'), `problem+json for ${res.status}`)
    equal(res.body.status, res.status)
  }
}

async function check<T>(t: Test, name: string, property: fc.IAsyncProperty<[T]>) {
  const settings = runSettings(RUNS)
  const result = await fc.check(property, { ...settings, interruptAfterTimeLimit: 60_000 })
  if (result.failed) {
    t.fail(`${name}: failed with seed ${settings.seed} (FC_SEED=${settings.seed} replays it): ${String(result.errorInstance).slice(0, 1500)}`, {
      counterexample: JSON.stringify(result.counterexample).slice(0, 1500),
    })
  } else t.pass(`${name}: ${result.numRuns} runs`)
}

// Text that breaks a parameter: wrong numbers, SQL, forged ids and instants, too long, empty.
const breakers = [
  '', 'abc', '-1', '0', '1.5', '101', '1e3', 'true1', "' OR 1=1 --", "'; DROP TABLE disputes; --", '%', '_', '\\',
  'urn:uuid:3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60', '3f2b8c1e6a4d4e0f9b7a2c5d8e1f4a60x', '2025-13-45', '0000-01-01', '0099-06-01',
  '2016-12-31T23:59:60Z', '9999-12-31T23:59:59-05:00', 'x'.repeat(600), '纠纷'.repeat(60), 'null', '[]', '{}',
  ...hostileNumberWords,
]

for (const route of routes) {
  // Units that exist, so a filter by unit finds something; forged cursors are the broken case below.
  const overrides: Overrides = { '/gridUnitId': fc.constant(unit.id), '/parentId': fc.constant(unit.id), '/cursor': OMIT }
  const validate = compile({ schema: route.query, httpPart: 'querystring', method: 'GET', url: route.path })
  const names = Object.keys(deref(route.query).properties ?? {})

  t.test(`${route.path}: valid query strings answer 200`, async (t) => {
    await check(t, 'valid', fc.asyncProperty(validValue(route.query, overrides), async (doc) => {
      const res = await admin.get(urlOf(route.path, { ...asText(doc as Record<string, unknown>), ...route.fixed }))
      assertProblem(res, 200)
    }))
  })

  t.test(`${route.path}: a broken, unknown or forged parameter answers 400 in: query`, async (t) => {
    const broken = fc.tuple(validValue(route.query, overrides), fc.constantFrom(...names, 'stauts', 'sort[]', 'limit[$gt]', '__proto__'), fc.constantFrom(...breakers))
      .map(([doc, name, value]) => ({ ...asText(doc as Record<string, unknown>), ...route.fixed, [name]: value }))
    await check(t, 'broken', fc.asyncProperty(broken, async (query) => {
      const res = await admin.get(urlOf(route.path, query))
      const schemaRefuses = !validate(structuredClone(query))
      if (schemaRefuses || 'cursor' in query) {
        assertProblem(res, 400)
        ok(res.body.errors.every((e: { in: string }) => e.in === 'query'), 'errors are in: query')
      } else assertProblem(res)
    }))
  })
  // Every integer or number parameter, written as a number no caller means: always a 400 naming it.
  // The expected answer does not come from the validator under test.
  const numeric = Object.entries(deref(route.query).properties ?? {}).filter(([, schema]) => {
    const s = deref(schema as JsonSchema)
    return s.type === 'integer' || s.type === 'number' || (s.type === 'array' && ['integer', 'number'].includes(deref(s.items!).type ?? ''))
  })
  if (numeric.length > 0) {
    t.test(`${route.path}: a number written as no caller means it answers 400 pointing at it`, async (t) => {
      const hostile = fc.tuple(validValue(route.query, overrides), fc.constantFrom(...numeric)).chain(([doc, [name, schema]]) =>
        hostileNumberText(schema as JsonSchema).map((value) => ({ name, query: { ...asText(doc as Record<string, unknown>), ...route.fixed, [name]: value } })),
      )
      await check(t, 'hostile numbers', fc.asyncProperty(hostile, async ({ name, query }) => {
        const res = await admin.get(urlOf(route.path, query))
        assertProblem(res, 400)
        equal(res.body.type.split('/problems/')[1], 'validation-error')
        ok(res.body.errors.some((e: { in: string; pointer: string }) => e.in === 'query' && e.pointer.startsWith(`/${name}`)), `an error points at /${name}: ${JSON.stringify(res.body.errors)}`)
      }))
    })
  }
}

t.test('odd header values never get a 5xx; refusals are problem+json', async (t) => {
  const [sample] = (await admin.get('/v1/grid-units?limit=1')).body.items
  const headerText = fc.oneof(
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
    fc.constantFrom('', '*', 'W/"1"', '"1", "2"', '"999999999999"', `Bearer ${adminKey}x`, 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'application/json; charset=latin1', 'x'.repeat(8000)),
  )
  const names = ['authorization', 'idempotency-key', 'if-match', 'if-none-match', 'x-request-id', 'content-type', 'accept', 'accept-encoding', 'origin']
  const request = fc.record({
    name: fc.constantFrom(...names),
    value: headerText,
    method: fc.constantFrom('GET list', 'GET one', 'POST', 'PATCH', 'DELETE missing'),
  })
  await check(t, 'headers', fc.asyncProperty(request, async ({ name, value, method }) => {
    const headers = { [name]: value }
    const body = { code: `H${Math.random().toString(36).slice(2)}`, name: '头部测试', level: 'grid' }
    const res =
      method === 'GET list' ? await admin.get('/v1/grid-units', headers)
      : method === 'GET one' ? await admin.get(`/v1/grid-units/${sample.id}`, headers)
      : method === 'POST' ? await admin.post('/v1/grid-units', body, headers)
      : method === 'PATCH' ? await admin.patch(`/v1/grid-units/${sample.id}`, { description: '头部' }, headers)
      : await admin.delete('/v1/grid-units/00000000-0000-4000-8000-000000000000', headers)
    assertProblem(res)
  }))
})
