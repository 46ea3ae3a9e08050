import t from 'tap'
import { ProblemError } from '../../sdk/src/index.js'
import { createCounty } from '../helpers/factories.js'
import { dispute, liveService } from './fixtures/service.js'

// `pages` walks a keyset list to its end through `nextCursor`, with the list's own filters;
// a refused query comes back as a typed problem, not a string.

const svc = await liveService(t)
const sdk = svc.sdk()
const { town, grid, community, otherGrid } = await createCounty(svc.http)
const day = (n: number) => new Date(Date.UTC(2025, 2, 1 + n, 2)).toISOString()

let requests = 0
sdk.api.use({ onRequest: () => void requests++ })

t.test('every record of the list comes once, in the list order, one request per page', async (t) => {
  const inTown: string[] = []
  for (let i = 0; i < 23; i++) inTown.push((await sdk.create('/v1/disputes', dispute(i % 2 ? grid.id : community.id, { reportedAt: day(i) }))).id)
  for (let i = 0; i < 4; i++) await sdk.create('/v1/disputes', dispute(otherGrid.id))

  requests = 0
  const seen = []
  for await (const d of sdk.pages('/v1/disputes', { gridUnitId: town.id, sort: 'reportedAt', limit: 5 })) seen.push(d)
  t.equal(requests, 5, '23 records in pages of 5: five requests, the last one says there is no next page')
  t.same(seen.map((d) => d.id), inTown, 'all of the town, oldest first as asked, none twice')
  t.ok(seen.every((d) => d.title && d.version === 1), 'typed records')

  const labor = []
  for await (const d of sdk.pages('/v1/disputes', { status: ['reported'], category: ['labor'] })) labor.push(d)
  t.same(labor, [], 'filters apply to every page (no labor dispute exists)')
})

t.test('a list the caller stops reading asks no further pages', async (t) => {
  requests = 0
  let n = 0
  for await (const unit of sdk.pages('/v1/grid-units', { limit: 2 })) {
    t.ok(unit.code)
    if (++n === 3) break
  }
  t.equal(requests, 2, 'two pages for three units, then nothing')
})

t.test('a refused query is a ProblemError with the field errors', async (t) => {
  const error = await (async () => {
    for await (const d of sdk.pages('/v1/disputes', { limit: 500 })) void d
  })().catch((e: unknown) => e)
  t.ok(error instanceof ProblemError, 'a ProblemError')
  const problem = error as ProblemError
  t.equal(problem.status, 400)
  t.equal(problem.slug, 'validation-error')
  t.match(problem.errors, [{ in: 'query', pointer: '/limit' }], 'the bad parameter, by pointer')
  t.type(problem.requestId, 'string', 'the request id to quote to the operator')

  const badKey = svc.sdk({ apiKey: 'not-a-key-not-a-key-not-a-key-00' })
  const refused = await badKey.pages('/v1/grid-units').next().catch((e: unknown) => e)
  t.equal((refused as ProblemError).slug, 'unauthorized')
  t.equal((refused as ProblemError).status, 401)
})

// Held by `npm run typecheck`: the helpers take only what the contract has.
export function typeChecks() {
  // @ts-expect-error the audit feed is not a keyset list: it is followed, not paged
  void sdk.pages('/v1/audit-events')
  // @ts-expect-error not a filter of disputes
  void sdk.pages('/v1/disputes', { level: 'town' })
  // @ts-expect-error not a status of disputes
  void sdk.pages('/v1/disputes', { status: ['open'] })
}
