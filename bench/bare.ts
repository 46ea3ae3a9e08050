import Fastify from 'fastify'
import pg from 'pg'

// The bare floor: the simplest SQL that answers each measured operation, and nothing around it.
// One plain statement per request (a get by id, the filtered page, an insert without its audit
// event, an update of the fields sent); rows go out as PostgreSQL returns them. Where the floor
// (floor.ts) prices the service's own statements, this one prices the operation itself.

const port = Number(process.env.PORT ?? 3313)
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10), options: '-c jit=off -c TimeZone=UTC' })
const app = Fastify({ logger: false })
app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'))

const COLUMNS = `id, version, created_at, updated_at, grid_unit_id, title, description, category, source,
  is_petition_backlog, parties, reported_at, mediator, status, resolution`
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const json = (value: unknown) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : value)

app.get('/v1/disputes/:id', async (request, reply) => {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM disputes WHERE id = $1 AND deleted_at IS NULL`, [(request.params as { id: string }).id])
  if (!rows[0]) return reply.code(404).send({ status: 404 })
  return reply.header('etag', `"${rows[0].version}"`).send(rows[0])
})

// The list scenario's question: a town's disputes of one status, newest first, the first page.
app.get('/v1/disputes', async (request) => {
  const query = request.query as { status: string; gridUnitId: string }
  const { rows } = await pool.query(
    `SELECT ${COLUMNS} FROM disputes
      WHERE grid_unit_id = ANY(ARRAY(SELECT id FROM grid_units WHERE path @> ARRAY[$1]::uuid[])) AND status = $2 AND deleted_at IS NULL
      ORDER BY reported_at DESC, id DESC LIMIT 20`,
    [query.gridUnitId, query.status],
  )
  return { items: rows }
})

app.post('/v1/disputes', async (request, reply) => {
  // The two fields the service defaults (the columns have no default of their own).
  const body: Record<string, unknown> = { status: 'reported', isPetitionBacklog: false, ...(request.body as Record<string, unknown>) }
  const keys = Object.keys(body)
  const { rows } = await pool.query(
    `INSERT INTO disputes (${keys.map(snake).join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${COLUMNS}`,
    keys.map((k) => json(body[k])),
  )
  return reply.code(201).header('etag', `"${rows[0].version}"`).send(rows[0])
})

app.patch('/v1/disputes/:id', async (request, reply) => {
  const body = request.body as Record<string, unknown>
  const keys = Object.keys(body)
  const version = Number(String(request.headers['if-match']).replace(/"/g, ''))
  const { rows } = await pool.query(
    `UPDATE disputes SET ${keys.map((k, i) => `${snake(k)} = $${i + 3}`).join(', ')}, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
    [(request.params as { id: string }).id, version, ...keys.map((k) => json(body[k]))],
  )
  if (!rows[0]) return reply.code(412).send({ status: 412 })
  return reply.header('etag', `"${rows[0].version}"`).send(rows[0])
})

app.get('/readyz', async () => {
  await pool.query('SELECT 1')
  return { status: 'ready' }
})

process.once('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)))
await app.listen({ port, host: '127.0.0.1' })
