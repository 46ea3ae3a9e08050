import { deepStrictEqual, equal, ok } from 'node:assert/strict'
import fc from 'fast-check'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'
import { resources } from './fixtures/resources.js'
import { expectedValue, runSettings, validValue, withoutReadOnly } from './fixtures/schema-arbitraries.js'

// Random valid bodies of every create operation, drawn from its schema (Chinese, emoji, every
// length and bound): the record answered, and read back, holds exactly what was sent, with
// instants in UTC milliseconds. A 409 is the one other acceptable answer: the body is well-formed
// but breaks a business rule or takes a unique value.

// The rate limit is tested elsewhere; here it would only cut the runs short.
const { admin } = await buildTestApp(t, { config: { rateLimitPerMinute: 1_000_000 } })
const unit = await createGridUnit(admin, { level: 'county', name: '属性测试旗' })
const RUNS = 25

for (const spec of resources) {
  t.test(`${spec.collection}: valid bodies round-trip exactly`, async (t) => {
    const settings = runSettings(RUNS)
    const outcomes: Record<string, number> = {}
    const violations: Record<string, number> = {}
    const property = fc.asyncProperty(validValue(spec.create, spec.overrides(unit.id)), async (body) => {
      const created = await admin.post(`/v1/${spec.collection}`, body)
      const slug = created.body?.type?.split('/problems/')[1]
      outcomes[created.status] = (outcomes[created.status] ?? 0) + 1
      if (created.status === 409) {
        ok(['rule-violation', 'conflict'].includes(slug), `409 ${slug}`)
        ok(created.body.violations?.length || slug === 'conflict', 'a rule violation lists the rules')
        for (const v of created.body.violations ?? []) violations[v.rule] = (violations[v.rule] ?? 0) + 1
        return
      }
      equal(created.status, 201, `create answered ${created.status}: ${created.text.slice(0, 400)}`)
      const expected = expectedValue(spec.create, body) as Record<string, unknown>
      // Read-only members (derived by the server) are dropped at every depth before comparing.
      const answered = withoutReadOnly(spec.record, created.body) as Record<string, unknown>
      for (const [key, value] of Object.entries(expected)) deepStrictEqual(answered[key], value, `/${key} as sent`)
      const read = await admin.get(`/v1/${spec.collection}/${created.body.id}`)
      equal(read.status, 200)
      deepStrictEqual(read.body, created.body, 'read back as created')
      equal(read.headers.etag, '"1"')
    })
    const result = await fc.check(property, { ...settings, interruptAfterTimeLimit: 60_000 })
    if (result.failed) {
      t.fail(`property failed with seed ${settings.seed} (FC_SEED=${settings.seed} replays it): ${String(result.errorInstance).slice(0, 1500)}`, {
        counterexample: JSON.stringify(result.counterexample).slice(0, 1500),
      })
    }
    // Guards the property itself: bodies that all broke a rule would prove nothing about round trips.
    t.ok((outcomes[201] ?? 0) >= RUNS / 5, `enough bodies were accepted to matter: ${JSON.stringify({ outcomes, violations })}`)
  })
}
