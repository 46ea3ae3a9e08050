import { equal, ok } from 'node:assert/strict'
import fc from 'fast-check'
import t, { type Test } from 'tap'
import type { TSchema } from 'typebox'
import { createValidatorCompiler } from '../../src/http/validation.js'
import { allSchemas } from '../../src/http/record-api.js'
import { buildTestApp, type Response } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'
import { resources } from './fixtures/resources.js'
import { OMIT, breakersFor, locations, runSettings, setAt, validValue } from './fixtures/schema-arbitraries.js'

// Random invalid bodies for every create and change: a valid body with one value broken (wrong
// type, one past a bound, an unknown enum value or member, a required member dropped) or a body
// that is no object at all. Each must answer 400 problem+json naming where the problem is, never a 5xx.

const { admin } = await buildTestApp(t, { config: { rateLimitPerMinute: 1_000_000 } })
const unit = await createGridUnit(admin, { level: 'county', name: '坏数据旗' })
// Decides, independently of the answer, whether a body is invalid: the schemas as the service registers them.
const validators = createValidatorCompiler(allSchemas as TSchema[]).body
const invalidFor = (schema: TSchema, body: unknown) => !validators.compile(schema as object)(structuredClone(body))
const RUNS = 40

type Mutation = { pointer: string; value: unknown }

/** One broken place in a valid document: a breaker for its schema, an unknown member, or a required member dropped. */
function mutations(schema: TSchema, doc: unknown): fc.Arbitrary<Mutation> {
  const places = locations(schema, doc)
  const broken = fc.constantFrom(...places).chain((place) => fc.constantFrom(...breakersFor(place.schema)).map((value) => ({ pointer: place.pointer, value })))
  const objects = places.filter((p) => p.schema.type === 'object' || p.schema.properties)
  const unknown = fc.tuple(fc.constantFrom(...objects), fc.constantFrom('stauts', 'id', 'version', 'createdAt', '__proto__x', '名称', "title'--"))
    .map(([place, key]) => ({ pointer: `${place.pointer}/${key}`, value: 'x' }))
  const required = places.flatMap((p) => (p.schema.required ?? []).map((key) => `${p.pointer}/${key}`)).filter((ptr) => exists(doc, ptr))
  const dropped = required.length > 0 ? [fc.constantFrom(...required).map((pointer) => ({ pointer, value: OMIT as unknown }))] : []
  return fc.oneof(broken, unknown, ...dropped)
}

function exists(doc: unknown, pointer: string): boolean {
  let node = doc as Record<string, unknown> | undefined
  for (const token of pointer.split('/').slice(1)) {
    if (!node || typeof node !== 'object' || !(token in node)) return false
    node = node[token] as Record<string, unknown>
  }
  return true
}

/** A clean refusal: 400 validation-error, problem+json, with an error at the broken place itself or inside it. */
function assertNamed(res: Response, pointer: string) {
  equal(res.status, 400, `expected 400, got ${res.status}: ${res.text.slice(0, 300)}`)
  ok(String(res.headers['content-type']).startsWith('application/problem+json'), 'problem+json')
  equal(res.body.type.split('/problems/')[1], 'validation-error')
  ok(Array.isArray(res.body.errors) && res.body.errors.length > 0, 'errors listed')
  ok(
    res.body.errors.some((e: { pointer: string; in: string }) => e.in === 'body' && (e.pointer === pointer || e.pointer.startsWith(`${pointer}/`))),
    `an error names ${pointer || '/'}: ${JSON.stringify(res.body.errors).slice(0, 300)}`,
  )
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

for (const spec of resources) {
  const base = `/v1/${spec.collection}`
  t.test(`${spec.collection}: broken create bodies answer 400 naming the place`, async (t) => {
    const arbitrary = validValue(spec.create, spec.overrides(unit.id)).chain((doc) =>
      mutations(spec.create, doc).map((m) => ({ m, body: setAt(doc, m.pointer, m.value) })),
    )
    await check(t, 'create', fc.asyncProperty(arbitrary, async ({ m, body }) => {
      fc.pre(invalidFor(spec.create, body))
      assertNamed(await admin.post(base, body), m.pointer)
    }))
  })

  t.test(`${spec.collection}: broken merge patches answer 400 naming the place`, async (t) => {
    // A record to patch: the first generated body that meets the business rules.
    let created: Response | undefined
    for (const sample of fc.sample(validValue(spec.create, spec.overrides(unit.id)), { numRuns: 20, seed: 7 })) {
      created = await admin.post(base, sample)
      if (created.status === 201) break
    }
    if (created?.status !== 201) return void t.fail(`no generated ${spec.collection} body was accepted: ${created?.text.slice(0, 300)}`)
    const arbitrary = validValue(spec.update, spec.overrides(unit.id)).chain((doc) =>
      mutations(spec.update, doc).map((m) => ({ m, body: setAt(doc, m.pointer, m.value) })),
    )
    await check(t, 'patch', fc.asyncProperty(arbitrary, async ({ m, body }) => {
      fc.pre(invalidFor(spec.update, body))
      const res = await admin.request('PATCH', `${base}/${created.body.id}`, body, { 'content-type': 'application/merge-patch+json' })
      assertNamed(res, m.pointer)
    }))
  })

  t.test(`${spec.collection}: a body that is no object answers 400`, async (t) => {
    const notObject = fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.string(), fc.double(), fc.boolean(), fc.constant(null))
    await check(t, 'not an object', fc.asyncProperty(notObject, async (body) => {
      assertNamed(await admin.post(base, JSON.stringify(body)), '')
    }))
  })
}
