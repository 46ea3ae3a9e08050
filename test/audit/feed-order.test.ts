import pg from 'pg'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { uniqueCode } from '../helpers/factories.js'

// Transactions commit in any order; the feed must still hand every event to a follower exactly once.
const { admin, url } = await buildTestApp(t, { poolSize: 20 })
const skip = url ? false : 'needs a PostgreSQL server (several connections)'

async function poll(cursor: string) {
  const res = await admin.get(`/v1/audit-events?after=${cursor}&limit=1000`)
  if (res.status !== 200) throw new Error(res.text)
  return res.body as { items: { seq: number; resourceId: string; version: number }[]; nextCursor: string }
}

t.test('an event whose transaction commits late is delivered after the cursor, not skipped', { skip }, async (t) => {
  let cursor = (await poll('0')).nextCursor
  const slow = new pg.Client({ connectionString: url })
  await slow.connect()
  t.teardown(() => slow.end())
  // A writer that took its transaction id first and commits last.
  await slow.query('BEGIN')
  const { rows } = await slow.query(
    `INSERT INTO grid_units (code, name, level, path) VALUES ($1, '慢事务', 'county', '{}') RETURNING id`,
    [uniqueCode('SLOW')],
  )
  const slowId = rows[0].id as string
  await slow.query(`UPDATE grid_units SET path = ARRAY[id] WHERE id = $1`, [slowId])
  await slow.query(
    `INSERT INTO audit_events (actor, request_id, action, resource_type, resource_id, version, after) VALUES ('slow', 'slow', 'created', 'grid-units', $1, 1, '{}')`,
    [slowId],
  )
  const fast = []
  for (let i = 0; i < 3; i++) fast.push((await admin.post('/v1/grid-units', { code: uniqueCode('FAST'), name: '快事务', level: 'county' })).body.id)
  const seen: string[] = []
  const whileOpen = await poll(cursor)
  seen.push(...whileOpen.items.map((e) => e.resourceId))
  cursor = whileOpen.nextCursor
  t.notOk(seen.includes(slowId), 'the open transaction’s event is not out yet')
  await slow.query('COMMIT')
  for (let i = 0; i < 50 && !seen.includes(slowId); i++) {
    const page = await poll(cursor)
    seen.push(...page.items.map((e) => e.resourceId))
    cursor = page.nextCursor
  }
  t.ok(seen.includes(slowId), 'the late commit reached the follower')
  for (const id of fast) t.ok(seen.includes(id), 'every fast commit reached the follower')
  t.equal(new Set(seen).size, seen.length, 'nothing twice')
})

t.test('concurrent writers and a polling reader: every event exactly once, in seq order', { skip }, async (t) => {
  const start = (await poll('0')).nextCursor
  const writers = 8
  const perWriter = 15
  const seen: { seq: number; resourceId: string; version: number }[] = []
  let cursor = start
  let writing = true
  const reader = (async () => {
    while (writing || seen.length < writers * perWriter) {
      const page = await poll(cursor)
      seen.push(...page.items)
      cursor = page.nextCursor
      if (!writing && page.items.length === 0) {
        await new Promise((r) => setTimeout(r, 50))
        if (seen.length >= writers * perWriter) break
      }
    }
  })()
  // Each writer's transactions hold a little while after writing, so commit order scrambles.
  const clients = await Promise.all(Array.from({ length: writers }, async () => {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    return c
  }))
  t.teardown(() => Promise.all(clients.map((c) => c.end())))
  await Promise.all(
    clients.map(async (client, w) => {
      for (let i = 0; i < perWriter; i++) {
        await client.query('BEGIN')
        const id = (await client.query(`INSERT INTO grid_units (code, name, level, path) VALUES ($1, '并发', 'county', '{}') RETURNING id`, [uniqueCode(`W${w}-`)])).rows[0].id
        await client.query(`INSERT INTO audit_events (actor, request_id, action, resource_type, resource_id, version) VALUES ('w', 'w', 'created', 'grid-units', $1, 1)`, [id])
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 15)))
        await client.query('COMMIT')
      }
    }),
  )
  writing = false
  await reader
  t.equal(seen.length, writers * perWriter, 'every event arrived')
  t.equal(new Set(seen.map((e) => e.seq)).size, seen.length, 'no event twice')
  t.ok(seen.every((e, i) => i === 0 || e.seq > seen[i - 1]!.seq), 'in increasing seq order')
})
