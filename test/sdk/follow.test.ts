import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { isProblem, type AuditEvent } from '../../sdk/src/index.js'
import { createGridUnit } from '../helpers/factories.js'
import { dispute, liveService } from './fixtures/service.js'

// `follow` reads the change feed from a stored position in `seq` order, waits (with a bounded
// poll) when there is nothing new, and resumes behind any stored position; `followBatches` gives
// the same feed a call at a time with the cursor to store.

const svc = await liveService(t)
const sdk = svc.sdk()
const poll = { minMs: 10, maxMs: 50 }
const grid = (await createGridUnit(svc.http, { name: '订阅测试网格' })) as { id: string }

async function all(after: string | number = 0, limit = 100): Promise<AuditEvent[]> {
  const events: AuditEvent[] = []
  for await (const e of sdk.follow({ after, limit, stopWhenCaughtUp: true })) events.push(e)
  return events
}

t.test('every event from the start, in order; a stored seq resumes right behind it', async (t) => {
  for (let i = 0; i < 6; i++) {
    const d = await sdk.create('/v1/disputes', dispute(grid.id))
    await sdk.update('/v1/disputes', d.id, { mediator: `调解员${i}` })
  }
  const events = await all(0, 5)
  t.equal(events.length, 13, 'the unit and 6 × (created, updated), through pages of 5')
  t.ok(events.every((e, i) => i === 0 || e.seq > events[i - 1]!.seq), 'strictly in seq order')
  t.same(events.slice(1, 3).map((e) => e.action), ['created', 'updated'])
  const resumed = await all(events[7]!.seq)
  t.same(resumed.map((e) => e.seq), events.slice(8).map((e) => e.seq), 'exactly the events after the stored one')
  t.same(await all(events.at(-1)!.seq), [], 'nothing after the last')
})

t.test('an idle follower waits and picks up what is written later; abort ends it quietly', async (t) => {
  const start = (await all()).at(-1)!.seq
  const controller = new AbortController()
  const got: AuditEvent[] = []
  const following = (async () => {
    for await (const e of sdk.follow({ after: start, poll, signal: controller.signal })) {
      got.push(e)
      if (got.length === 3) controller.abort()
    }
  })()
  await sleep(100) // the follower has polled an empty feed a few times by now
  const created = []
  for (let i = 0; i < 3; i++) created.push(await sdk.create('/v1/disputes', dispute(grid.id)))
  await following
  t.same(got.map((e) => [e.action, e.resourceId]), created.map((d) => ['created', d.id]), 'the three new events, in order')
  t.ok(controller.signal.aborted, 'the loop ended because it was aborted, without an error')
})

t.test('batches carry the cursor to store; a filter leaves other collections out', async (t) => {
  const before = (await all()).at(-1)!.seq
  await createGridUnit(svc.http, { name: '另一个网格' })
  const d = await sdk.create('/v1/disputes', dispute(grid.id))
  const batches = []
  for await (const b of sdk.followBatches({ after: before, resourceType: 'disputes', stopWhenCaughtUp: true })) batches.push(b)
  t.same(batches.flatMap((b) => b.events.map((e) => e.resourceId)), [d.id], 'only the dispute')
  t.equal(batches.at(-1)!.cursor, String(before + 2), 'the cursor moved past the unit left out too')
  t.ok(batches.at(-1)!.caughtUp)
  t.same(await all(batches.at(-1)!.cursor), [], 'nothing behind the stored cursor')
})

t.test('a refused feed ends following with the problem (only 429, 503 and lost connections are waited out)', async (t) => {
  const stranger = svc.sdk({ apiKey: 'not-a-key-not-a-key-not-a-key-00' })
  const error = await stranger.follow({ poll }).next().catch((e: unknown) => e)
  t.ok(isProblem(error, 'unauthorized'), 'unauthorized')
  const bad = await sdk.follow({ after: 'yesterday', poll }).next().catch((e: unknown) => e)
  t.ok(isProblem(bad, 'validation-error'), 'a malformed cursor is a validation error')
})
