import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { sql } from 'drizzle-orm'
import { openDatabase, queryRows } from '../../src/db/client.js'
import { freshDatabase } from '../helpers/database.js'

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  return port
}

t.test('SIGTERM: in-flight requests complete, then the process exits 0', async (t) => {
  const fresh = await freshDatabase()
  t.teardown(() => fresh.drop())
  const port = await freePort()
  const key = 'shutdown_' + 'k'.repeat(40)
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', BOOTSTRAP_API_KEY: key }
  delete env.DATABASE_URL
  if (fresh.url) env.DATABASE_URL = fresh.url
  else {
    await fresh.drop()
    env.DATA_DIR = mkdtempSync(join(tmpdir(), 'fazhi-shutdown-'))
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  t.teardown(() => child.kill('SIGKILL'))
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const base = `http://127.0.0.1:${port}`
  let up = false
  for (let i = 0; i < 300 && !up; i++) {
    up = await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false)
    if (!up) await new Promise((r) => setTimeout(r, 200))
  }
  t.ok(up, 'the server started')
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
  let firstAnswered: () => void
  const started = new Promise<void>((resolve) => (firstAnswered = resolve))
  const inFlight = Array.from({ length: 40 }, (_, i) =>
    fetch(`${base}/v1/grid-units`, { method: 'POST', headers, body: JSON.stringify({ code: `SD-${i}`, name: '关停测试', level: 'county' }) })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as { id?: string } }))
      .catch(() => 'refused' as const)
      .finally(() => firstAnswered()),
  )
  // SIGTERM once the burst is being served: the rest are in flight or queued behind it.
  await started
  child.kill('SIGTERM')
  const answers = await Promise.all(inFlight)
  const [code] = (await once(child, 'exit')) as [number]
  t.equal(code, 0, `exit code 0 (output: ${output.slice(-500)})`)
  const answered = answers.filter((a) => a !== 'refused')
  t.ok(answered.length > 0, 'requests already in flight were answered')
  t.ok(answered.every((a) => a.status === 201 || a.status === 503), `answers were 201 or 503 while closing: ${JSON.stringify(answered.map((a) => a.status))}`)
  const acknowledged = answered.filter((a) => a.status === 201).map((a) => a.body.id)
  if (fresh.url) {
    const check = await openDatabase({ databaseUrl: fresh.url, poolSize: 1 })
    const rows = await queryRows<{ id: string }>(check.db, sql`SELECT id FROM grid_units WHERE deleted_at IS NULL`)
    await check.close()
    const stored = new Set(rows.map((r) => r.id))
    t.ok(acknowledged.every((id) => id && stored.has(id)), `every acknowledged create (${acknowledged.length}) is stored`)
  }
  const after = await fetch(`${base}/healthz`).then(() => 'answered').catch(() => 'refused')
  t.equal(after, 'refused', 'new connections are refused after exit')
})
