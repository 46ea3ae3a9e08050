import fc from 'fast-check'
import t from 'tap'
import { canonicalJson, sameJson } from '../../src/core/documents.js'

// sameJson answers what comparing canonical JSON texts answers, without writing them: checked on
// random documents with dates, left-out members, numbers JSON cannot write and shuffled keys.

const leaf = fc.oneof(
  fc.string(),
  fc.constantFrom('土地纠纷', '', '2025-06-01T00:30:00.000Z'),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ min: new Date('2016-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
)
const { doc } = fc.letrec<{ doc: unknown }>((tie) => ({
  doc: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('doc'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'b', 'name', '姓名', 'z'), tie('doc'), { maxKeys: 4 })),
}))

/** The same document with every object's keys in another order. */
function shuffled(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, seed + 1))
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value)
    const turn = entries.length ? seed % entries.length : 0
    return Object.fromEntries([...entries.slice(turn), ...entries.slice(0, turn)].reverse().map(([k, v]) => [k, shuffled(v, seed + 1)]))
  }
  return value
}

/** The document as JSON writes it: dates as text, left-out members gone. */
const toJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))
const canonicalSame = (a: unknown, b: unknown) => canonicalJson(toJson(a ?? null)) === canonicalJson(toJson(b ?? null))

t.test('agrees with the canonical texts on unrelated documents', async () => {
  fc.assert(fc.property(doc, doc, (a, b) => sameJson(a ?? null, b ?? null) === canonicalSame(a, b)), { numRuns: 2000 })
})

t.test('agrees with the canonical texts on a document and its reordering, a date and its text', async () => {
  fc.assert(
    fc.property(doc, fc.nat(), (a, seed) => {
      const b = shuffled(a, seed)
      return sameJson(a ?? null, b ?? null) === canonicalSame(a, b) && sameJson(a ?? null, toJson(a ?? null))
    }),
    { numRuns: 2000 },
  )
})

t.test('tells the differences a patch makes', async (t) => {
  t.notOk(sameJson({ parties: [{ name: '张福' }] }, { parties: [{ name: '张福', phone: '13847815678' }] }))
  t.notOk(sameJson({ a: null }, {}), 'a member set to null is not an absent one')
  t.ok(sameJson({ a: undefined }, {}), 'an undefined member is not written')
  t.notOk(sameJson([1, 2], [2, 1]), 'arrays keep their order')
  t.ok(sameJson(new Date('2025-06-01T00:30:00Z'), '2025-06-01T00:30:00.000Z'))
})
