import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import type { AuditEvent } from '../../sdk/src/index.js'
import { createCounty } from '../helpers/factories.js'
import { runProgram, startProgram } from './fixtures/programs.js'
import { dispute, needsPostgres, processService } from './fixtures/service.js'

// A follower of the feed (its own process, storing each event's seq with its cursor) is killed
// with SIGKILL again and again while writers keep creating and changing records; each restart
// follows from the stored cursor. In the end it has seen every event of the feed exactly once,
// in order.

const follower = new URL('./fixtures/follower.ts', import.meta.url).pathname

t.test('a killed follower resumes from its cursor: every event exactly once', { skip: needsPostgres }, async (t) => {
  const svc = await processService(t)
  const { grid, community } = await createCounty(svc.http)
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-follower-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const state = join(dir, 'state.json')
  const seen = () => (existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { seen: number[] }).seen : [])
  const env = { FAZHI_API_URL: svc.baseUrl, FAZHI_API_KEY: svc.key }

  let writing = true
  const writer = async (w: number) => {
    const sdk = svc.sdk()
    for (let n = 0; writing; n++) {
      const d = await sdk.create('/v1/disputes', dispute(w % 2 ? grid.id : community.id, { title: `写入者${w} 第${n}件` }))
      await sdk.update('/v1/disputes', d.id, { status: 'mediating', mediator: `调解员${w}` })
    }
  }
  const writers = [0, 1, 2].map(writer)

  const kills: number[] = []
  for (let round = 1; round <= 4; round++) {
    const program = startProgram(follower, [state], env)
    // Kill it once it has moved on by a few more events, wherever it is in its loop.
    const from = seen().length
    while (seen().length < from + 10 * round && program.child.exitCode === null) await sleep(25)
    program.child.kill('SIGKILL')
    await program.exited
    kills.push(seen().length)
  }
  writing = false
  await Promise.all(writers)

  const last = await runProgram(follower, [state, '--once'], env)
  t.equal(last.code, 0, `the last run caught up and stopped ${last.output}`)

  const feed: AuditEvent[] = []
  for await (const e of svc.sdk().follow({ stopWhenCaughtUp: true, limit: 1000 })) feed.push(e)
  const got = seen()
  t.ok(kills.every((n, i) => i === 0 || n > kills[i - 1]!), `killed four times, each after progress (${kills.join(', ')} events seen)`)
  t.ok(feed.length > kills.at(-1)!, `writers wrote on after the last kill (${feed.length} events in all)`)
  t.equal(new Set(got).size, got.length, 'no event seen twice')
  t.same(got, feed.map((e) => e.seq), 'every event of the feed, in order')
})
