import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import t from 'tap'
import { removals, surfaceOf, type Surface } from './contract-surface.js'
import { loadDocument } from './response-validator.js'

// A breaking change is a conscious act: removing an operation, an answer's field or an enum value
// from the committed document fails here until info.version (package.json) is bumped and the
// baseline re-recorded. Record with: OPENAPI_BASELINE=write npx tap test/contract/breaking-changes.test.ts
const baselineFile = new URL('../../openapi/baseline.json', import.meta.url)
const RECORD = 'OPENAPI_BASELINE=write npx tap test/contract/breaking-changes.test.ts'
const current = surfaceOf(loadDocument())

if (process.env.OPENAPI_BASELINE === 'write') {
  const previous = existsSync(baselineFile) ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as Surface) : undefined
  const broken = previous ? removals(previous, current) : []
  // Re-recording at the same version would bless a removal: refuse it.
  if (previous && previous.version === current.version && broken.length > 0) {
    throw new Error(`not recorded: these break callers of ${current.version}; bump the version in package.json first:\n  ${broken.join('\n  ')}`)
  }
  writeFileSync(baselineFile, `${JSON.stringify(current, null, 2)}\n`)
}

const baseline = JSON.parse(readFileSync(baselineFile, 'utf8')) as Surface

t.test('the committed document keeps every operation, answer field and enum value of its version', async (t) => {
  t.equal(current.version, baseline.version, `the baseline is of this version (after a version bump: ${RECORD})`)
  t.same(removals(baseline, current), [], `nothing the baseline promises has gone (a deliberate break: bump the version, then ${RECORD})`)
  t.same(removals(current, baseline), [], `the baseline records everything the document now promises (record additions: ${RECORD})`)
})

t.test('the guard sees each kind of break', async (t) => {
  const spoil = (change: (doc: any) => void) => {
    const doc = loadDocument()
    change(doc)
    return removals(current, surfaceOf(doc))
  }
  t.ok(spoil((d) => delete d.paths['/v1/disputes/{id}'].delete).includes('operation removed: DELETE /v1/disputes/{id} deleteDispute'), 'an operation removed')
  t.ok(spoil((d) => delete d.components.schemas.DisputeParty.properties.phone).includes('response field removed: getDispute 200 application/json parties[].phone'), 'a nested field of an answer removed')
  t.ok(spoil((d) => delete d.components.schemas.Problem.properties.violations).includes('response field removed: createDispute 409 application/problem+json violations'), 'a field of the problem answer removed')
  t.ok(spoil((d) => d.components.schemas.Dispute.properties.status.enum.pop()).includes('enum value removed: Dispute.status unresolved'), 'an enum value of a record removed')
  const status = (d: any) => d.paths['/v1/disputes'].get.parameters.find((p: any) => p.name === 'status').schema.items
  t.ok(spoil((d) => status(d).enum.shift()).includes('enum value removed: listDisputes query status[] reported'), 'an enum value of a filter removed')
  t.same(spoil((d) => (d.components.schemas.Dispute.properties.note = { type: 'string' })), [], 'an added field breaks nothing')
})
