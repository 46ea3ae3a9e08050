import { sql } from 'drizzle-orm'
import { queryRows, type Db } from '../../db/client.js'

export interface AuditEventRow {
  seq: number
  occurredAt: Date
  actor: string
  requestId: string
  action: string
  resourceType: string
  resourceId: string
  version: number
  before: unknown
  after: unknown
}

const SEQUENCER_LOCK = 7_402_118_224

/**
 * Gives feed numbers (`seq`) to committed events that have none yet.
 *
 * Transactions commit in any order, so a number taken at insert time could be passed by a reader
 * (it sees seq 11) while seq 10 is still uncommitted, and 10 would never be delivered. Here an
 * event gets its number only once its transaction has committed (uncommitted rows are invisible
 * to this statement), and batches are numbered one at a time under a lock, each above every number
 * already given out. A consumer following `after` therefore never misses an event: anything that
 * commits later is numbered later, above its cursor.
 */
export async function sequencePendingEvents(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${SEQUENCER_LOCK}) AS locked`)
    // Another reader is numbering right now; its numbers will all exceed what we hand out.
    if (!lock?.locked) return
    await tx.execute(sql`
      WITH ready AS (
        SELECT id, row_number() OVER (ORDER BY id) AS n FROM audit_events WHERE seq IS NULL
      ),
      base AS (SELECT coalesce(max(seq), 0) AS top FROM audit_events)
      UPDATE audit_events a SET seq = base.top + ready.n
      FROM ready, base
      WHERE a.id = ready.id`)
  })
}

export async function hasPendingEvents(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ pending: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM audit_events WHERE seq IS NULL) AS pending`)
  return Boolean(row?.pending)
}

/**
 * Events after `after`, oldest first, plus the cursor to continue from. One statement, one
 * snapshot: when the page is not full, the cursor moves to the highest seq handed out so far,
 * which no future event can undercut.
 */
export async function readFeed(
  db: Db,
  query: { after: number; limit: number; resourceType?: string | undefined; resourceId?: string | undefined },
): Promise<{ items: AuditEventRow[]; top: number }> {
  const filters = [sql`seq > ${query.after}`]
  if (query.resourceType) filters.push(sql`resource_type = ${query.resourceType}`)
  if (query.resourceId) filters.push(sql`resource_id = ${query.resourceId}::uuid`)
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    WITH page AS (
      SELECT seq, occurred_at, actor, request_id, action, resource_type, resource_id, version, before, after
      FROM audit_events
      WHERE ${sql.join(filters, sql` AND `)}
      ORDER BY seq
      LIMIT ${query.limit}
    )
    SELECT page.*, (SELECT coalesce(max(seq), 0) FROM audit_events) AS top FROM page
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, (SELECT coalesce(max(seq), 0) FROM audit_events)
    WHERE NOT EXISTS (SELECT 1 FROM page)`)
  const top = Number(rows[0]?.top ?? 0)
  const items = rows
    .filter((r) => r.seq !== null)
    .map((r) => ({
      seq: Number(r.seq),
      occurredAt: new Date(r.occurred_at as string),
      actor: r.actor as string,
      requestId: r.request_id as string,
      action: r.action as string,
      resourceType: r.resource_type as string,
      resourceId: r.resource_id as string,
      version: Number(r.version),
      before: r.before,
      after: r.after,
    }))
    .sort((a, b) => a.seq - b.seq)
  return { items, top }
}
