import Fastify, { type FastifyReply } from 'fastify'
import pg from 'pg'

// The floor: the least a server can do to answer the benchmark's dispute requests. Plain Fastify
// and pg, no validation, no authentication, no ORM, no logging, running the statements the service
// sends for the same requests (as PostgreSQL logs them: the same columns, joins, order and limits).
// The runner checks that both answer the same bodies before it measures either.

const port = Number(process.env.PORT ?? 3311)
// The service's session settings (no JIT, UTC), so both servers' statements cost alike.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10), options: '-c jit=off -c TimeZone=UTC' })
const app = Fastify({ logger: false })
app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'))

const COLUMNS = `id, version, created_at, updated_at, deleted_at, grid_unit_id, title, description, category, source,
  is_petition_backlog, parties, reported_at, mediator, status, resolution`
const HIDDEN = new Set(['deleted_at'])
const WRITABLE = ['grid_unit_id', 'title', 'description', 'category', 'source', 'is_petition_backlog', 'parties', 'reported_at', 'mediator', 'status', 'resolution']
const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

const OPEN = new Set(['reported', 'mediating', 'escalated'])
const OVERDUE_AFTER_MS = 30 * 86_400_000

/** A row as the API shows it: camelCase, absent instead of null, with `overdue` (open for more than 30 days). */
function toApi(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) if (value !== null && !HIDDEN.has(key)) out[camel(key)] = value
  out.overdue = OPEN.has(String(row.status)) && new Date(row.reported_at as string).getTime() < Date.now() - OVERDUE_AFTER_MS
  return out
}

const jsonParam = (column: string, value: unknown) => (column === 'parties' || column === 'resolution') && value != null ? JSON.stringify(value) : value
const notFound = (reply: FastifyReply) => reply.code(404).send({ status: 404 })

app.get('/v1/disputes/:id', async (request, reply) => {
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM disputes WHERE id = $1 AND deleted_at IS NULL`, [(request.params as { id: string }).id])
  if (!rows[0]) return notFound(reply)
  return reply.header('etag', `"${rows[0].version}"`).send(toApi(rows[0]))
})

// A small subtree's list reads each unit's rows from its own index and merges them; a larger one
// reads the sort index. The service counts the units to choose and keeps the answer a minute, and
// so does the floor.
const PER_UNIT_MAX_UNITS = 24
const subtreeSizes = new Map<string, { few: boolean; until: number }>()
async function perUnit(root: string): Promise<boolean> {
  const known = subtreeSizes.get(root)
  if (known && known.until > Date.now()) return known.few
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM grid_units WHERE grid_units.path @> ARRAY[$1]::uuid[] LIMIT $2) u`,
    [root, PER_UNIT_MAX_UNITS + 1],
  )
  const few = rows[0].n <= PER_UNIT_MAX_UNITS
  subtreeSizes.set(root, { few, until: Date.now() + 60_000 })
  return few
}

app.get('/v1/disputes', async (request) => {
  const query = request.query as { status?: string | string[]; gridUnitId?: string; q?: string; cursor?: string; limit?: string }
  const params: unknown[] = []
  const param = (value: unknown) => `$${params.push(value)}`
  const lateral = query.gridUnitId !== undefined && (await perUnit(query.gridUnitId))
  const subtree = query.gridUnitId ? `(SELECT id AS unit_id FROM grid_units WHERE path @> ARRAY[(SELECT ${param(query.gridUnitId)}::uuid)])` : ''
  const units = lateral ? `${subtree} units` : ''
  const where = [...(lateral ? ['grid_unit_id = units.unit_id'] : []), 'deleted_at IS NULL']
  if (query.status) where.push(`status IN (${[query.status].flat().map(param).join(', ')})`)
  if (subtree && !lateral) where.push(`grid_unit_id = ANY(ARRAY${subtree})`)
  if (query.q) where.push(`search_bigrams @> fazhi_bigrams(lower(${param(query.q)})) AND search_text LIKE lower(${param(`%${query.q}%`)})`)
  if (query.cursor) {
    const [, value, id] = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as [string, string, string]
    where.push(`(reported_at, id) < (${param(value)}::timestamptz, ${param(id)}::uuid)`)
  }
  const limit = Number(query.limit ?? 20)
  const order = 'ORDER BY reported_at DESC, id DESC'
  const select = `SELECT ${COLUMNS} FROM disputes WHERE ${where.join(' AND ')} ${order} LIMIT ${limit + 1}`
  const text = units ? `SELECT per_unit.* FROM ${units} CROSS JOIN LATERAL (${select}) per_unit ${order} LIMIT ${limit + 1}` : select
  const { rows } = await pool.query(text, params)
  const more = rows.length > limit
  if (more) rows.length = limit
  const last = rows[rows.length - 1]
  const nextCursor = more ? Buffer.from(JSON.stringify(['-reportedAt', last.reported_at.toISOString(), last.id])).toString('base64url') : null
  return { items: rows.map(toApi), nextCursor }
})

// The service's writes (src/db/record-writes.ts): one statement each, the owner check, the insert
// or compare-and-set update and its audit event as data-modifying CTEs over one instant.
const AT = `to_char(w.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
const AUDIT = (written: string, times: string) => `INSERT INTO audit_events (actor, request_id, action, resource_type, resource_id, version, before, after)
    SELECT $1::text, $2::text, $3::text, 'disputes'::text, ${written}.id, ${written}.version, $4::jsonb, ($5::jsonb || ${times}) FROM ${written}, w`
const TYPES: Record<string, string> = { grid_unit_id: 'uuid', is_petition_backlog: 'boolean', parties: 'jsonb', reported_at: 'timestamptz', resolution: 'jsonb' }
const typed = (column: string, i: number) => `$${i}::${TYPES[column] ?? 'text'}`

const CREATE = `WITH w AS (SELECT date_trunc('milliseconds', now()) AS at),
    owner AS (SELECT true AS inside FROM grid_units WHERE grid_units.id = $6 AND grid_units.deleted_at IS NULL),
    ins AS (INSERT INTO disputes (id, ${WRITABLE.join(', ')}, created_at, updated_at)
      SELECT gen_random_uuid(), ${WRITABLE.map((c, i) => typed(c, i + 6)).join(', ')}, w.at, w.at FROM w, owner WHERE owner.inside RETURNING ${COLUMNS}),
    audit AS (${AUDIT('ins', `jsonb_build_object('createdAt', ${AT}, 'updatedAt', ${AT})`)})
    SELECT (SELECT count(*) FROM owner)::int AS owner_found, ins.* FROM w LEFT JOIN ins ON true`
/** The compare-and-set update of the columns that moved (as the service sends it), with its audit event. */
const UPDATE = (columns: string[]) => `WITH w AS (SELECT date_trunc('milliseconds', now()) AS at),
    upd AS (UPDATE disputes SET ${columns.map((c, i) => `${c} = ${typed(c, i + 6)}, `).join('')}version = disputes.version + 1, updated_at = w.at FROM w
      WHERE disputes.id = $${columns.length + 6}::uuid AND disputes.version = $${columns.length + 7}::int AND disputes.deleted_at IS NULL RETURNING ${COLUMNS}),
    audit AS (${AUDIT('upd', `jsonb_build_object('updatedAt', ${AT})`)})
    SELECT upd.* FROM w LEFT JOIN upd ON true`
const auditParams = (requestId: string, action: string, before: unknown, after: Record<string, unknown>) =>
  ['floor', requestId, action, before === null ? null : JSON.stringify(before), JSON.stringify(after)]

app.post('/v1/disputes', async (request, reply) => {
  const body: Record<string, unknown> = { status: 'reported', isPetitionBacklog: false, ...(request.body as Record<string, unknown>) }
  const values = WRITABLE.map((c) => jsonParam(c, body[camel(c)] ?? null))
  const { rows } = await pool.query(CREATE, [...auditParams(request.id, 'created', null, body), ...values])
  if (!rows[0].owner_found) return reply.code(409).send({ status: 409 })
  delete rows[0].owner_found
  const record = toApi(rows[0])
  return reply.code(201).header('location', `/v1/disputes/${String(record.id)}`).header('etag', `"${String(record.version)}"`).send(record)
})

app.patch('/v1/disputes/:id', async (request, reply) => {
  const id = (request.params as { id: string }).id
  const ifMatch = request.headers['if-match']
  const { rows } = await pool.query(`SELECT ${COLUMNS} FROM disputes WHERE id = $1 AND deleted_at IS NULL`, [id])
  if (!rows[0]) return notFound(reply)
  if (ifMatch && ifMatch !== `"${rows[0].version}"`) return reply.code(412).send({ status: 412 })
  const current = toApi(rows[0])
  const next: Record<string, unknown> = { ...current, ...(request.body as Record<string, unknown>) }
  const moved = WRITABLE.filter((c) => JSON.stringify(next[camel(c)] ?? null) !== JSON.stringify(current[camel(c)] ?? null))
  const values = moved.map((c) => jsonParam(c, next[camel(c)] ?? null))
  const updated = await pool.query(UPDATE(moved), [...auditParams(request.id, 'updated', current, next), ...values, id, rows[0].version])
  if (updated.rows[0].id === null) return reply.code(412).send({ status: 412 })
  const saved = toApi(updated.rows[0])
  return reply.header('etag', `"${String(saved.version)}"`).send(saved)
})

// The statistics statement is the service's own, rendered once by the runner and handed over as
// text and parameters: the floor runs it and answers its row.
const statistics = process.env.FLOOR_STATISTICS ? (JSON.parse(process.env.FLOOR_STATISTICS) as { sql: string; params: unknown[] }) : undefined
app.get('/v1/statistics', async (_request, reply) => {
  if (!statistics) return notFound(reply)
  const { rows } = await pool.query(statistics.sql, statistics.params)
  return rows[0]
})

app.get('/readyz', async () => {
  await pool.query('SELECT 1')
  return { status: 'ready' }
})

// Closing cleanly lets `--cpu-prof` write its profile.
process.once('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)))
await app.listen({ port, host: '127.0.0.1' })
