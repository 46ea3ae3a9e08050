import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import t, { type Test } from 'tap'
import { createCounty } from '../helpers/factories.js'
import { examples, runProgram, startProgram } from './fixtures/programs.js'
import { dispute, liveService } from './fixtures/service.js'

// The two example integrations of sdk/examples, run as their own processes against a live server:
// the mirror of one town's disputes (killed and resumed while others write, units moved in and
// out of the town) ends equal to what the service lists for the town; the batch import, run in
// part and then whole and then again, creates every good row once and reports the bad one.

const svc = await liveService(t)
const sdk = svc.sdk()
const county = await createCounty(svc.http)
const { town, grid, community, otherTown, otherGrid } = county
const dir = mkdtempSync(join(tmpdir(), 'fazhi-examples-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const env = { FAZHI_API_URL: svc.baseUrl, FAZHI_API_KEY: svc.key }
let n = 0
const make = (unit: { id: string }) => sdk.create('/v1/disputes', dispute(unit.id, { title: `镜像测试 ${++n}` }))

async function assertMirrored(t: Test, file: string, what: string) {
  const mirror = JSON.parse(readFileSync(file, 'utf8')) as { disputes: Record<string, { version: number }> }
  const expected: Record<string, number> = {}
  for await (const d of sdk.pages('/v1/disputes', { gridUnitId: town.id, limit: 100 })) expected[d.id] = d.version
  const mirrored = Object.fromEntries(Object.entries(mirror.disputes).map(([id, d]) => [id, d.version]))
  t.ok(Object.keys(expected).length > 0, `${what}: the town has disputes (${Object.keys(expected).length})`)
  t.same(mirrored, expected, `${what}: the mirror holds exactly the town's disputes, each at its current version`)
}

t.test('mirror-disputes follows the feed into a file, survives a kill, tracks units moving', async (t) => {
  const file = join(dir, 'town.json')
  const inGrid = await Promise.all([make(grid), make(grid), make(grid), make(grid)])
  const inCommunity = await Promise.all([make(community), make(community), make(community)])
  await Promise.all([make(otherGrid), make(otherGrid), make(otherGrid)])
  await sdk.update('/v1/disputes', inGrid[0]!.id, { status: 'mediating' })
  await sdk.update('/v1/disputes', inCommunity[0]!.id, { status: 'mediating', mediator: '李调解' })
  await sdk.api.DELETE('/v1/disputes/{id}', { params: { path: { id: inGrid[1]!.id } } })
  await sdk.update('/v1/disputes', inGrid[2]!.id, { gridUnitId: otherGrid.id })

  const first = await runProgram(examples.mirror, [town.id, file, '--once'], env)
  t.equal(first.code, 0, `the first run caught up and stopped ${first.output}`)
  await assertMirrored(t, file, 'first run')

  // Now it follows for good while others write; it is killed midway and started again.
  const running = startProgram(examples.mirror, [town.id, file], env)
  let writing = true
  const writers = (async () => {
    for (let i = 0; writing; i++) {
      const d = await make([grid, community, otherGrid][i % 3]!)
      if (i % 2) await sdk.update('/v1/disputes', d.id, { mediator: `调解员${i}` })
    }
  })()
  while (running.output().split('\n').filter(Boolean).length < 3 && running.child.exitCode === null) await sleep(20)
  running.child.kill('SIGKILL')
  await running.exited
  // While it is down: a unit of the other town moves into this one, and a community moves out.
  await sdk.update('/v1/grid-units', otherGrid.id, { parentId: town.id })
  await sdk.update('/v1/grid-units', community.id, { parentId: otherTown.id })
  await sleep(200)
  writing = false
  await writers

  const resumed = await runProgram(examples.mirror, [town.id, file, '--once'], env)
  t.equal(resumed.code, 0, `the resumed run caught up and stopped ${resumed.output}`)
  await assertMirrored(t, file, 'after the kill and the moves')
  const mirror = JSON.parse(readFileSync(file, 'utf8')) as { disputes: Record<string, { gridUnitId: string }> }
  const units = new Set(Object.values(mirror.disputes).map((d) => d.gridUnitId))
  t.ok(units.has(otherGrid.id) && !units.has(community.id), 'the moved-in unit brought its disputes; the moved-out one took its own')
})

t.test('import-disputes: a partial run, the whole batch, the whole batch again — each good row once', async (t) => {
  const rows = Array.from({ length: 12 }, (_, i) => dispute(grid.id, { title: `12345热线转办 ${i}` }))
  rows.splice(4, 0, { ...dispute(grid.id, { title: '12345热线转办 坏行' }), status: 'resolved' })
  const whole = join(dir, 'batch.json')
  const part = join(dir, 'part.json')
  writeFileSync(whole, JSON.stringify(rows))
  writeFileSync(part, JSON.stringify(rows.slice(0, 7)))
  const run = async (file: string) => {
    const { code, output } = await runProgram(examples.importer, [file], env)
    const lines = output.trim().split('\n').map((l) => JSON.parse(l) as { row: number; id?: string; refused?: string; violations?: { rule: string }[] })
    return { code, byRow: new Map(lines.map((l) => [l.row, l])) }
  }

  const first = await run(part)
  t.equal(first.code, 1, 'a refused row makes the exit code 1')
  t.match(first.byRow.get(5), { refused: 'rule-violation', violations: [{ rule: 'resolution-required' }] }, 'the bad row is reported with its rule')
  const second = await run(whole)
  const third = await run(whole)
  for (const row of [1, 2, 3, 4, 6, 7]) t.equal(second.byRow.get(row)?.id, first.byRow.get(row)?.id, `row ${row}: the record of the partial run`)
  const ids = new Set([...second.byRow.values()].flatMap((l) => (l.id ? [l.id] : [])))
  t.equal(ids.size, 12, 'twelve good rows, twelve records')
  t.equal(third.byRow.size, 13, 'the third run answers every row')
  for (const [row, line] of second.byRow) t.equal(third.byRow.get(row)?.id, line.id, `row ${row}: the same answer again`)
  let stored = 0
  for await (const d of sdk.pages('/v1/disputes', { q: '12345热线转办' })) if (ids.has(d.id)) stored++
  t.equal(stored, 12, 'the service holds each of them once')
})
