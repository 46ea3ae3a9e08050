import t from 'tap'
import { Type, type TSchema } from 'typebox'
import { fieldErrors } from '../../src/core/validation.js'
import { createValidatorCompiler, partOf } from '../../src/http/validation.js'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'
import { queryRoutes } from './fixtures/resources.js'
import { deref } from './fixtures/schema-arbitraries.js'

// Every way of writing a number that is not a plain, exact, finite decimal: each must be a 400
// validation-error pointing at the parameter, in every part of a request, never a 500 or a value
// the caller did not mean (`0x10` read as 16, ` 5` as 5, 2^53 + 1 as 2^53).
export const hostileNumbers = [
  '1e309', '-1e309', 'Infinity', '-Infinity', 'NaN', '1e21', '0x10', '1_000', ' 5', '5 ', '5abc', '0.5', '-0',
  '9007199254740993', '', '+5', '05', '1e1',
]

const { admin } = await buildTestApp(t, { config: { rateLimitPerMinute: 1_000_000 } })
const unit = await createGridUnit(admin, { level: 'county', name: '数字旗' })

/** Every query parameter that is a number, an integer, or a feed position written as digits. */
const numericParameters = queryRoutes(unit.id).flatMap((route) =>
  Object.entries(deref(route.query).properties ?? {})
    .filter(([name, schema]) => ['integer', 'number'].includes(deref(schema).type ?? '') || name === 'after')
    .map(([name]) => ({ ...route, name })),
)

t.ok(numericParameters.length >= 9, `numeric query parameters found: ${numericParameters.map((p) => `${p.path} ${p.name}`).join(', ')}`)

for (const { path, fixed, name } of numericParameters) {
  t.test(`${path}?${name}=…`, async (t) => {
    for (const value of hostileNumbers) {
      const query = new URLSearchParams({ ...fixed, year: '2025', [name]: value })
      // `year` is required only by the figures; a list's own `year` filter is the parameter under test.
      if (!path.includes('statistics') && !path.includes('reports') && name !== 'year') query.delete('year')
      const res = await admin.get(`${path}?${query}`)
      assertProblem(t, res, 400, 'validation-error', `${name}=${JSON.stringify(value)} → 400`)
      t.same(res.body?.errors?.map((e: { in: string; pointer: string }) => `${e.in} ${e.pointer}`), [`query /${name}`], `${name}=${JSON.stringify(value)}: one error, pointing at it`)
    }
  })
}

t.test('the same values in a path parameter and a header are refused by the same validator', async (t) => {
  const { compiler } = createValidatorCompiler([])
  const integer = Type.Object({ n: Type.Integer({ minimum: -1000, maximum: 1000 }) })
  const number = Type.Object({ x: Type.Number() })
  for (const httpPart of ['params', 'headers', 'querystring'] as const) {
    for (const [schema, name] of [[integer, 'n'], [number, 'x']] as [TSchema, string][]) {
      const validate = compiler({ schema, httpPart, method: 'GET', url: '/' }) as unknown as ((data: unknown) => boolean) & { errors?: never }
      for (const value of hostileNumbers.filter((v) => name === 'n' || v !== '0.5')) {
        const ok = validate({ [name]: value })
        t.notOk(ok, `${httpPart} ${name}=${JSON.stringify(value)} refused`)
        if (!ok) t.same(fieldErrors(validate.errors ?? [], partOf(httpPart)).map((e) => e.pointer), [`/${name}`], 'pointer to the value')
      }
      t.ok(validate({ [name]: '-12' }), `${httpPart} ${name}=-12 accepted`)
    }
    const accepted = { x: '0.25' }
    t.ok(compiler({ schema: number, httpPart, method: 'GET', url: '/' })(accepted), `${httpPart} x=0.25 accepted`)
    t.equal(accepted.x as unknown, 0.25, 'and read as the number 0.25')
  }
})

t.test('bodies: the numbers JSON can write but no record can hold', async (t) => {
  // JSON has no NaN, Infinity or hex: those are malformed bodies. What it can write is checked here.
  const base = { gridUnitId: unit.id, title: '数字测试', format: 'lecture', venueType: 'village', audience: 'villagers', startsAt: '2025-03-01T09:00:00+08:00' }
  const json = JSON.stringify({ ...base, attendance: 7 })
  for (const raw of ['1e309', '-1e309', '1e21', '-0', '9007199254740993', '0.5', '-1', '"5"', '""', 'null']) {
    const res = await admin.post('/v1/legal-education-events', json.replace('"attendance":7', `"attendance":${raw}`))
    assertProblem(t, res, 400, 'validation-error', `attendance: ${raw} → 400`)
    t.same(res.body?.errors?.map((e: { in: string; pointer: string }) => `${e.in} ${e.pointer}`), ['body /attendance'], `attendance: ${raw}: pointer`)
  }
  const created = await admin.post('/v1/legal-education-events', json.replace('"attendance":7', '"attendance":7.0'))
  t.equal(created.status, 201, 'an integer written 7.0 is still the integer 7')
  for (const raw of ['1e309', '-0', '9007199254740993']) {
    const res = await admin.request('PATCH', `/v1/legal-education-events/${created.body.id}`, `{"mediaItems":${raw}}`, { 'content-type': 'application/merge-patch+json' })
    assertProblem(t, res, 400, 'validation-error', `PATCH mediaItems: ${raw} → 400`)
    t.same(res.body?.errors?.map((e: { pointer: string }) => e.pointer), ['/mediaItems'], `PATCH mediaItems: ${raw}: pointer`)
  }
})
