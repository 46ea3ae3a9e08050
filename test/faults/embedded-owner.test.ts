import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { call, freePort, startServer, type ServerProcess } from './fixtures/server-process.js'

// The embedded database has one owner. The service runs on a DATA_DIR of this test's own; every
// command that needs the database is run against it as a person would run it in a second
// terminal, and its effect must be served by the running service and still be there after a
// restart. A second service on the directory refuses to start naming the first one's pid; a
// service killed with SIGKILL leaves a lock that the next start sees is stale.

t.setTimeout(600_000)
const dir = mkdtempSync(join(tmpdir(), 'fazhi-embedded-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const key = `embedded-owner-${'k'.repeat(32)}`
const lockPath = join(dir, 'fazhi-api.lock')

interface Run {
  /** The exit status; null when it had to be killed, still running after the time it was given. */
  code: number | null
  stdout: string
  stderr: string
}

/** Time enough to start Node, load the code and take (or fail to take) the directory; not to open the database. */
const REFUSAL_MS = 60_000

/**
 * A process as a person starts it from the repository (`node --import tsx <file> …`) on this
 * DATA_DIR; killed past `limitMs` (a service that should have refused would otherwise run on).
 */
async function run(file: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, limitMs = 300_000): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn', ...env }
  delete childEnv.DATABASE_URL
  delete childEnv.TEST_DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const limit = setTimeout(() => child.kill('SIGKILL'), limitMs)
  const [code] = (await once(child, 'exit')) as [number | null]
  clearTimeout(limit)
  return { code, stdout, stderr }
}

const get = async (server: ServerProcess, path: string, secret = server.key) => {
  const res = await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${secret}` } })
  return { status: res.status, body: (await res.json()) as any }
}

let first: ServerProcess
let townId = ''
let cliKey = ''

t.test('the service owns its DATA_DIR; a second one refuses, naming the first one’s pid', async (t) => {
  first = await startServer(undefined, key, { DATA_DIR: dir })
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'))
  t.equal(lock.pid, first.child.pid, 'the lock names the service')
  t.equal(statSync(lock.socket).mode & 0o777, 0o600, 'its control socket is for the owner of the directory only')
  const second = await run('src/server.ts', [], { PORT: String(await freePort()) }, REFUSAL_MS)
  t.ok(second.code !== null && second.code !== 0, `the second service exits at once with a failure (${second.code})`)
  t.match(second.stderr, new RegExp(`in use by the running service \\(pid ${first.child.pid}\\b`), 'naming the first one’s pid')
  t.equal((await call(first, 'GET', '/readyz')) !== 'refused', true, 'the first one still serves')
})

t.test('npm run seed:demo, in a second terminal: done by the running service, which serves it', async (t) => {
  const seeded = await run('src/cli/seed-demo.ts')
  t.equal(seeded.code, 0, seeded.stderr)
  t.match(seeded.stdout, `through the running service (pid ${first.child.pid})`)
  t.match(seeded.stdout, /done: 101 grid units and 577 records created/)
  townId = /gridUnitId=([0-9a-f-]{36})/.exec(seeded.stdout)?.[1] ?? ''
  const statistics = await get(first, `/v1/statistics?year=2025&gridUnitId=${townId}`)
  t.equal(statistics.status, 200, 'the printed town is served')
  t.equal(statistics.body.disputes?.total, 29, '团结镇 2025: 矛盾纠纷 29件, as the report says')
})

t.test('npm run apikey: the key it prints works on the running service', async (t) => {
  const created = await run('src/cli/apikey.ts', ['create', '--name', 'second-terminal', '--scopes', 'grid-units:read'])
  t.equal(created.code, 0, created.stderr)
  cliKey = /secret \(shown once, keep it now\): (\S+)/.exec(created.stdout)?.[1] ?? ''
  t.equal((await get(first, '/v1/grid-units?limit=1', cliKey)).status, 200, 'the new key is accepted')
  const listed = await run('src/cli/apikey.ts', ['list'])
  t.match(listed.stdout, /second-terminal\s+\[grid-units:read\]/, 'and listed')
  const usage = await run('src/cli/apikey.ts', ['create', '--name', 'x', '--scopes', 'no-such-scope'])
  t.equal(usage.code, 1, 'a wrong call fails')
  t.match(usage.stderr, /unknown scope\(s\): no-such-scope/)
})

t.test('npm run migrate reports the running service’s database', async (t) => {
  const migrated = await run('src/cli/migrate.ts')
  t.equal(migrated.code, 0, migrated.stderr)
  t.match(migrated.stdout, new RegExp(`^migrations applied: \\d+ \\(pglite, by the running service \\(pid ${first.child.pid}\\)\\)$`, 'm'))
})

t.test('killed with SIGKILL: the next start sees the stale lock, goes on, and serves everything', async (t) => {
  first.child.kill('SIGKILL')
  await first.exited
  t.ok(existsSync(lockPath), 'a killed service cannot remove its lock')
  const next = await startServer(undefined, key, { DATA_DIR: dir })
  t.equal(JSON.parse(readFileSync(lockPath, 'utf8')).pid, next.child.pid, 'the new service holds the directory')
  const statistics = await get(next, `/v1/statistics?year=2025&gridUnitId=${townId}`)
  t.equal(statistics.body.disputes?.total, 29, 'the seeded records are still there')
  t.equal((await get(next, '/v1/grid-units?limit=1', cliKey)).status, 200, 'the key made from the second terminal still works')
  next.child.kill('SIGTERM')
  t.equal((await next.exited).code, 0, 'SIGTERM: a clean exit')
  t.notOk(existsSync(lockPath), 'which leaves no lock behind')
})

t.test('with no service running, a command opens the directory itself', async (t) => {
  const migrated = await run('src/cli/migrate.ts')
  t.equal(migrated.code, 0, migrated.stderr)
  t.match(migrated.stdout, /^migrations applied: \d+ \(pglite\)$/m)
  t.notOk(existsSync(lockPath), 'and gives it back')
})

t.test('while a command holds the directory, another command stops at once with one line; the service waits for it', async (t) => {
  // This test process stands in for a running `npm run seed:demo`: a live pid, its real start time.
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  const holder = `${JSON.stringify({ pid: process.pid, startTime, host: hostname(), since: new Date().toISOString(), role: 'command', command: 'npm run seed:demo' })}\n`
  writeFileSync(lockPath, holder)
  t.teardown(() => rmSync(lockPath, { force: true }))
  const refused = await run('src/cli/apikey.ts', ['list'], {}, REFUSAL_MS)
  t.ok(refused.code !== null && refused.code !== 0, `apikey fails at once (${refused.code})`)
  t.match(refused.stderr.trim(), new RegExp(`^DATA_DIR \\S+ is in use by \`npm run seed:demo\` \\(pid ${process.pid}\\b[^\\n]*$`), 'one line naming the holder')
  t.equal(readFileSync(lockPath, 'utf8'), holder, 'the lock is left as it was')

  // `npm start` typed while the seed still runs (the build before it takes a while): it waits, then serves.
  const port = await freePort()
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.endsWith('DATABASE_URL'))), DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn', BOOTSTRAP_API_KEY: key },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  server.stderr.on('data', (d) => (stderr += d))
  const exited = once(server, 'exit')
  for (let i = 0; i < 600 && !stderr.includes('waiting for') && server.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100))
  t.match(stderr, `waiting for \`npm run seed:demo\` (pid ${process.pid}) to finish`, 'the service says what it waits for')
  t.equal(readFileSync(lockPath, 'utf8'), holder, 'and leaves the holder’s lock alone')
  rmSync(lockPath)
  let ready = false
  for (let i = 0; i < 600 && !ready && server.exitCode === null; i++) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok).catch(() => false)
    if (!ready) await new Promise((r) => setTimeout(r, 200))
  }
  t.ok(ready, `once the command is done, the service starts: ${stderr.slice(-300)}`)
  server.kill('SIGTERM')
  t.same(await exited, [0, null], 'and stops cleanly')
})
