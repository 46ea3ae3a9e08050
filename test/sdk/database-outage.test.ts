import t from 'tap'
import { type AuditEvent, type RetryEvent } from '../../sdk/src/index.js'
import { createGridUnit } from '../helpers/factories.js'
import { dispute, needsPostgres, processService } from './fixtures/service.js'

// PostgreSQL goes away under the running server (a proxy the test cuts) in the middle of a
// `pages` walk and of a `follow`: the server answers 503, the SDK waits and asks again, and when
// the database is back the walk and the feed go on where they were — every record and every
// event exactly once. Creates sent during the outage are retried with their key: made once each.

const OUTAGE_MS = 1500
const env = { DB_CONNECT_TIMEOUT_MS: '500', DB_STATEMENT_TIMEOUT_MS: '1000' }

t.test('an outage during pages', { skip: needsPostgres }, async (t) => {
  const svc = await processService(t, { proxied: true, env })
  const retries: RetryEvent[] = []
  const sdk = svc.sdk({ retry: { retries: 8, baseDelayMs: 200, maxDelayMs: 2000, onRetry: (r) => void retries.push(r) } })
  const grid = (await createGridUnit(svc.http, { name: '断库分页网格' })) as { id: string }
  const ids: string[] = []
  for (let i = 0; i < 30; i++) ids.push((await sdk.create('/v1/disputes', dispute(grid.id, { title: `断库 ${i}` }))).id)

  const seen: string[] = []
  for await (const d of sdk.pages('/v1/disputes', { gridUnitId: grid.id, limit: 5 })) {
    seen.push(d.id)
    if (seen.length === 12) {
      svc.proxy!.cut('refuse')
      setTimeout(() => svc.proxy!.restore(), OUTAGE_MS)
    }
  }
  t.ok(retries.some((r) => r.reason === 503 && r.method === 'GET'), `the next page met 503 and was asked again (${retries.length} retries)`)
  t.equal(seen.length, 30, 'the walk finished')
  t.same([...seen].sort(), [...ids].sort(), 'every record exactly once')
})

t.test('an outage during follow, with writers writing before, during and after', { skip: needsPostgres }, async (t) => {
  const svc = await processService(t, { proxied: true, env })
  const retries: RetryEvent[] = []
  const transient: unknown[] = []
  const retry = { retries: 8, baseDelayMs: 200, maxDelayMs: 2000, onRetry: (r: RetryEvent) => void retries.push(r) }
  const writer = svc.sdk({ retry })
  const follower = svc.sdk({ retry: { ...retry, retries: 2 } })
  const grid = (await createGridUnit(svc.http, { name: '断库订阅网格' })) as { id: string }

  const controller = new AbortController()
  const seen: AuditEvent[] = []
  let cut = false
  let restored = false
  const following = (async () => {
    for await (const e of follower.follow({ limit: 4, poll: { minMs: 20, maxMs: 300 }, signal: controller.signal, onTransientError: (e) => void transient.push(e) })) {
      seen.push(e)
      if (seen.length === 6 && !cut) {
        cut = true
        svc.proxy!.cut('refuse')
        setTimeout(() => {
          svc.proxy!.restore()
          restored = true
        }, OUTAGE_MS)
      }
    }
  })()
  // Writes keep coming until well after the database is back; those that meet the outage are
  // retried by `create` with their own key.
  const created: string[] = []
  let duringOutage = 0
  for (let after = 0; after < 10; ) {
    const beforeRestore = !restored
    created.push((await writer.create('/v1/disputes', dispute(grid.id, { title: `断库订阅 ${created.length}` }))).id)
    if (beforeRestore && cut) duringOutage++
    if (restored) after++
  }

  // Every event the feed holds, read afresh once the database is back; then the follower must reach the last.
  const head: AuditEvent[] = []
  for await (const e of writer.follow({ stopWhenCaughtUp: true })) head.push(e)
  while (seen.length < head.length && !controller.signal.aborted) await new Promise((r) => setTimeout(r, 20))
  controller.abort()
  await following

  t.ok(cut, 'the database was cut while following')
  t.ok(retries.some((r) => r.reason === 503) || transient.length > 0, `503s were met and waited out (${retries.length} retries, ${transient.length} longer waits)`)
  t.ok(duringOutage > 0, `creates overlapped the outage (${duringOutage})`)
  t.ok(retries.some((r) => r.reason === 503 && r.method === 'POST'), 'and retried after it')
  t.equal(new Set(created).size, created.length, `every create answered, each a record of its own (${created.length})`)
  t.equal(head.length, created.length + 1, 'the feed holds the unit and each dispute once: no create was made twice')
  t.same(seen.map((e) => e.seq), head.map((e) => e.seq), 'the follower saw every event exactly once, in order')
})
