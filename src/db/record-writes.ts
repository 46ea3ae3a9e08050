import { getTableColumns, getTableName, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { AuditAction } from './audit.js'
import { pathUnder } from './filters.js'
import { IDEMPOTENCY_TTL_HOURS } from './idempotency.js'
import { auditEvents, gridUnits, idempotencyKeys } from './schema/index.js'
import { shapedStatement, slot, type ReadyStatement, type TableStatements } from './statements.js'

// A record's write as one statement: the owning unit's check, the insert or compare-and-set update,
// its audit event and (for a create) its idempotency claim, as data-modifying CTEs over one snapshot
// and one time (`now()`, the same for every part). One round trip, no explicit transaction: the
// statement is atomic, so an acknowledged write always has its audit event, and a crash leaves none.
// A single write's text depends on its shape only (its columns and parts), so it is rendered once
// per shape with its values as slots (`shapedStatement`); an import's chunks are rendered as a whole.

const MS = sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`)
/** The write's instant, to the millisecond the columns keep, and as the RFC 3339 text answers carry. */
const at = sql`w.at`
const atText = sql`to_char(w.at AT TIME ZONE 'UTC', ${MS})`

const quoted = (statements: TableStatements, key: string): SQL => {
  const name = statements.quotedNames[key]
  if (!name) throw new Error(`${key} is not a column the record is read with`)
  return name
}

/** A value as the driver sends it for its column: null stays null. */
const driverValue = (column: PgColumn, value: unknown): unknown =>
  value === null || value === undefined ? null : column.mapToDriverValue(value)

/** A value cast to its column's type, so PostgreSQL never has to guess it (a NULL above all). */
const cast = (column: PgColumn, value: SQL): SQL => sql`${value}::${sql.raw(column.getSQLType())}`

/** A value written into the statement itself: an import renders each chunk as a whole. */
const typed = (column: PgColumn, value: unknown): SQL => cast(column, sql`${driverValue(column, value)}`)

/** A column's value as a slot `c:<key>`; `columnValues` fills it. */
const typedSlot = (column: PgColumn, key: string): SQL => cast(column, sql`${slot(`c:${key}`)}`)

function columnValues(columns: Record<string, PgColumn>, values: Record<string, unknown>): Record<string, unknown> {
  const filled: Record<string, unknown> = {}
  for (const key in values) filled[`c:${key}`] = driverValue(columns[key]!, values[key])
  return filled
}

export interface OwnerCheck {
  unitId: string
  /** The key's jurisdiction: the unit must lie at or below it; null for a key bound to none. */
  jurisdiction: string | null
}

export interface AuditPart {
  actor: string
  requestId: string
  action: AuditAction
  resourceType: string
  before: unknown
  /** The record as answered, but for the times the statement writes (`createdAt` of a create, `updatedAt`). */
  after: Record<string, unknown>
}

/** The owner check's CTE, its unit and jurisdiction as the slots `unit` and `jurisdiction`. */
const ownerCte = (owner: OwnerCheck | undefined) =>
  owner
    ? sql`, owner AS (SELECT ${owner.jurisdiction ? pathUnder(sql`${slot('jurisdiction')}::uuid`) : sql`true`} AS inside FROM ${gridUnits}
        WHERE ${gridUnits.id} = ${slot('unit')} AND ${gridUnits.deletedAt} IS NULL)`
    : sql``

const ownerValues = (owner: OwnerCheck | undefined) => (owner ? { unit: owner.unitId, jurisdiction: owner.jurisdiction } : {})
const ownerShape = (owner: OwnerCheck | undefined) => (owner ? (owner.jurisdiction ? 'owner within' : 'owner') : 'no owner')

const ownerColumns = (owner: OwnerCheck | undefined) =>
  owner ? sql`(SELECT count(*) FROM owner)::int AS owner_found, coalesce((SELECT bool_and(inside) FROM owner), false) AS owner_inside` : sql`1 AS owner_found, true AS owner_inside`

/** The audit table and the columns every write's event fills, single or bulk. */
const auditTarget = sql`${auditEvents} (actor, request_id, action, resource_type, resource_id, version, before, after)`

/** The audit event of the row written by CTE `written`; `after` is the record with the statement's times, or null for a delete. */
function auditInsert(written: string, times: SQL | null): SQL {
  const after = times ? sql`(${slot('after')}::jsonb || ${times})` : sql`NULL::jsonb`
  return sql`INSERT INTO ${auditTarget}
    SELECT ${slot('actor')}::text, ${slot('requestId')}::text, ${slot('action')}::text, ${slot('resourceType')}::text, ${sql.raw(written)}.id, ${sql.raw(written)}.version,
           ${slot('before')}::jsonb, ${after}
    FROM ${sql.raw(written)}, w`
}

const auditValues = (audit: AuditPart) => ({
  actor: audit.actor,
  requestId: audit.requestId,
  action: audit.action,
  resourceType: audit.resourceType,
  before: audit.before === null ? null : JSON.stringify(audit.before),
  after: JSON.stringify(audit.after),
})

/** The idempotency claim: the key, with the answer it will replay; taken only if free or expired. */
function claimCte(body: SQL): SQL {
  return sql`, claim AS (
    INSERT INTO ${idempotencyKeys} (api_key_id, key, request_hash, status_code, body)
    SELECT ${slot('claimKeyId')}::uuid, ${slot('claimKey')}::text, ${slot('claimHash')}::text, 201, ${body} FROM w, owner WHERE owner.inside
    ON CONFLICT (api_key_id, key) DO UPDATE SET request_hash = excluded.request_hash, status_code = 201, body = excluded.body, created_at = now()
      WHERE ${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})
    RETURNING key)`
}

export interface CreateStatement {
  table: PgTable
  statements: TableStatements
  /** Every column value but the times, the id included. */
  values: Record<string, unknown>
  owner: OwnerCheck
  audit: AuditPart
  claim?: { apiKeyId: string; key: string; requestHash: string } | undefined
}

/** `owner_found`, `owner_inside`, `claimed` and the inserted row's columns (null when nothing was inserted). */
export function createStatement({ table, statements, values, owner, audit, claim }: CreateStatement): ReadyStatement {
  const columns = getTableColumns(table) as Record<string, PgColumn>
  const keys = Object.keys(values)
  const shape = `create ${getTableName(table)} (${keys.join(', ')}) ${ownerShape(owner)}${claim ? ' claim' : ''}`
  const template = () => {
    const times = sql`jsonb_build_object('createdAt', ${atText}, 'updatedAt', ${atText})`
    const names = sql.join([...keys, 'createdAt', 'updatedAt'].map((k) => quoted(statements, k)), sql`, `)
    const selected = sql.join([...keys.map((k) => typedSlot(columns[k]!, k)), at, at], sql`, `)
    return sql`WITH w AS (SELECT date_trunc('milliseconds', now()) AS at)${ownerCte(owner)}${claim ? claimCte(sql`(${slot('after')}::jsonb || ${times})`) : sql``},
    ins AS (INSERT INTO ${table} (${names}) SELECT ${selected} FROM w, owner${claim ? sql`, claim` : sql``} WHERE owner.inside RETURNING ${statements.selectList}),
    audit AS (${auditInsert('ins', times)})
    SELECT ${ownerColumns(owner)}, ${claim ? sql`(SELECT count(*) FROM claim)::int` : sql`1`} AS claimed, ins.* FROM w LEFT JOIN ins ON true`
  }
  const claimValues = claim ? { claimKeyId: claim.apiKeyId, claimKey: claim.key, claimHash: claim.requestHash } : {}
  return shapedStatement(shape, template, { ...columnValues(columns, values), ...ownerValues(owner), ...auditValues(audit), ...claimValues })
}

/** Rows per statement of a bulk create: its parameters stay well under PostgreSQL's 65 535. */
const BULK_PARAMETERS = 30_000

export interface BulkCreate {
  table: PgTable
  statements: TableStatements
  /** Every row's column values but the times, the id included; all rows name the same columns. */
  rows: Record<string, unknown>[]
  /** Each row's audit event, in the rows' order: `after` is the record as answered, but for its times. */
  audit: Omit<AuditPart, 'before' | 'after'> & { afters: Record<string, unknown>[] }
}

/**
 * An import's creates, a chunk of rows per statement: the inserts and their audit events as one
 * statement each, like a single create's, the events numbered in the rows' order. The owners are
 * checked by the caller, once per unit. Each statement answers `created`, the rows it inserted.
 */
export function bulkCreateStatements({ table, statements, rows, audit }: BulkCreate): SQL[] {
  if (rows.length === 0) return []
  const columns = getTableColumns(table) as Record<string, PgColumn>
  const keys = Object.keys(rows[0]!)
  const names = sql.join([...keys, 'createdAt', 'updatedAt'].map((k) => quoted(statements, k)), sql`, `)
  const times = sql`jsonb_build_object('createdAt', ${atText}, 'updatedAt', ${atText})`
  const perChunk = Math.max(1, Math.floor(BULK_PARAMETERS / (keys.length + 1)))
  const chunks: SQL[] = []
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk)
    const values = sql.join(chunk.map((row) => sql`(${sql.join(keys.map((k) => typed(columns[k]!, row[k])), sql`, `)})`), sql`, `)
    const afters = JSON.stringify(audit.afters.slice(start, start + perChunk))
    chunks.push(sql`WITH w AS (SELECT date_trunc('milliseconds', now()) AS at),
    ins AS (INSERT INTO ${table} (${names}) SELECT v.*, w.at, w.at FROM (VALUES ${values}) AS v, w RETURNING ${quoted(statements, 'id')}, ${quoted(statements, 'version')}),
    audit AS (INSERT INTO ${auditTarget}
      SELECT ${audit.actor}::text, ${audit.requestId}::text, ${audit.action}::text, ${audit.resourceType}::text, ins.id, ins.version, NULL::jsonb, a.after || ${times}
      FROM jsonb_array_elements(${afters}::jsonb) WITH ORDINALITY AS a(after, n) JOIN ins ON ins.id = (a.after->>'id')::uuid, w
      ORDER BY a.n)
    SELECT count(*)::int AS created FROM ins`)
  }
  return chunks
}

export interface UpdateStatement {
  table: PgTable & { id: AnyColumn; version: AnyColumn; deletedAt: AnyColumn }
  statements: TableStatements
  id: string
  /** The version read: the update happens only if it is still current (compare-and-set). */
  version: number
  /** The columns to set; a delete sets none but `deletedAt`. */
  values: Record<string, unknown>
  deleting?: boolean
  /** When the record moves to another unit: that unit must exist and lie in the jurisdiction. */
  owner?: OwnerCheck | undefined
  audit: AuditPart
}

/** `owner_found`, `owner_inside` and the updated row's columns (null when the version moved, or the owner failed). */
export function updateStatement({ table, statements, id, version, values, deleting, owner, audit }: UpdateStatement): ReadyStatement {
  const columns = getTableColumns(table) as Record<string, PgColumn>
  const keys = Object.keys(values)
  const shape = `${deleting ? 'delete' : 'update'} ${getTableName(table)} (${keys.join(', ')}) ${ownerShape(owner)}`
  const template = () => {
    const sets = [
      ...keys.map((k) => sql`${quoted(statements, k)} = ${typedSlot(columns[k]!, k)}`),
      sql`${quoted(statements, 'version')} = ${table.version} + 1`,
      sql`${quoted(statements, 'updatedAt')} = w.at`,
      ...(deleting ? [sql`${quoted(statements, 'deletedAt')} = w.at`] : []),
    ]
    const times = sql`jsonb_build_object('updatedAt', ${atText})`
    return sql`WITH w AS (SELECT date_trunc('milliseconds', now()) AS at)${ownerCte(owner)},
    upd AS (UPDATE ${table} SET ${sql.join(sets, sql`, `)} FROM w${owner ? sql`, owner` : sql``}
      WHERE ${table.id} = ${slot('id')}::uuid AND ${table.version} = ${slot('version')}::int AND ${table.deletedAt} IS NULL${owner ? sql` AND owner.inside` : sql``}
      RETURNING ${statements.selectList}),
    audit AS (${auditInsert('upd', deleting ? null : times)})
    SELECT ${ownerColumns(owner)}, upd.* FROM w LEFT JOIN upd ON true`
  }
  return shapedStatement(shape, template, { ...columnValues(columns, values), id, version, ...ownerValues(owner), ...auditValues(audit) })
}
