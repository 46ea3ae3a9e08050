import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import { queryRows, type Db, type Executor } from './client.js'
import { auditEvents } from './schema/index.js'
import { tableStatements } from './statements.js'

// The audit trail and change feed: one event per change, written in the change's own transaction.

export type AuditAction = 'created' | 'updated' | 'deleted'

export interface AuditEventInput {
  actor: string
  requestId: string
  action: AuditAction
  resourceType: string
  resourceId: string
  version: number
  before: unknown
  after: unknown
}

export interface AuditEventRow extends AuditEventInput {
  seq: number
  occurredAt: string
}

const { id: _id, ...feedColumns } = getTableColumns(auditEvents)
const events = tableStatements(auditEvents, feedColumns)
// A write reads back only its id: the record before and after it is what the caller just sent.
const written = tableStatements(auditEvents, { id: auditEvents.id })

export async function insertAuditEvent(ex: Executor, event: AuditEventInput): Promise<void> {
  await ex.execute(written.insert({ ...event, before: event.before ?? null, after: event.after ?? null }))
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
    // Wait for a reader that is numbering right now rather than read past its batch: a caller
    // that asked after the events were written must see them, or it would think itself caught up.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEQUENCER_LOCK})`)
    await tx.execute(sql`
      WITH ready AS (
        SELECT ${auditEvents.id} AS id, row_number() OVER (ORDER BY ${auditEvents.id}) AS n FROM ${auditEvents} WHERE ${auditEvents.seq} IS NULL
      ),
      base AS (SELECT coalesce(max(${auditEvents.seq}), 0) AS top FROM ${auditEvents})
      UPDATE ${auditEvents} SET ${events.quotedNames.seq} = base.top + ready.n
      FROM ready, base
      WHERE ${auditEvents.id} = ready.id`)
  })
}

export async function hasPendingEvents(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ pending: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM ${auditEvents} WHERE ${auditEvents.seq} IS NULL) AS pending`)
  return Boolean(row?.pending)
}

export interface FeedQuery {
  after: number
  limit: number
  resourceType?: string | undefined
  resourceId?: string | undefined
}

/**
 * Events after `after`, oldest first, plus the highest seq handed out so far. One statement, one
 * snapshot: when the page is not full, the cursor moves to that top, which no future event can undercut.
 */
export async function readFeed(db: Db, query: FeedQuery): Promise<{ items: AuditEventRow[]; top: number }> {
  const filters: SQL[] = [sql`${auditEvents.seq} > ${query.after}`]
  if (query.resourceType) filters.push(sql`${auditEvents.resourceType} = ${query.resourceType}`)
  if (query.resourceId) filters.push(sql`${auditEvents.resourceId} = ${query.resourceId}::uuid`)
  // The LEFT JOIN keeps one row (with the top and no event) when the page is empty.
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    WITH page AS (
      SELECT ${events.selectList} FROM ${auditEvents}
      WHERE ${sql.join(filters, sql` AND `)}
      ORDER BY ${auditEvents.seq}
      LIMIT ${query.limit}
    ), top AS (SELECT coalesce(max(${auditEvents.seq}), 0) AS feed_top FROM ${auditEvents})
    SELECT page.*, top.feed_top FROM top LEFT JOIN page ON true
    ORDER BY page.${events.quotedNames.seq}`)
  const top = Number(rows[0]?.feed_top ?? 0)
  const items = rows.filter((r) => r.seq !== null).map((r) => events.decode(r) as unknown as AuditEventRow)
  return { items, top }
}
