import { and, eq, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { ValidateFunction } from 'ajv'
import type { TObject } from 'typebox'
import type { Actor, Collection, WriteContext } from '../core/actor.js'
import { queryRows, type Db, type Executor, type Tx } from '../db/client.js'
import { pgErrorOf } from '../db/errors.js'
import { inSubtree, textSearch } from '../db/filters.js'
import { keysetPage, type SortField } from '../db/keyset.js'
import { tableRows } from '../db/statements.js'
import { gridUnits } from '../db/schema/index.js'
import { readColumns } from '../db/schema/columns.js'
import { ifMatchHolds } from '../core/etag.js'
import { applyMergePatch } from '../core/merge-patch.js'
import { maskedValuePointers } from '../core/pii.js'
import { invalid, notFound, problem, ruleViolation, type RuleViolation } from '../core/problems.js'
import { idOf } from '../core/schemas.js'
import { assertValid } from '../http/validation.js'
import { recordAudit } from './audit.js'
import { canonicalJson, dateTimeFields, normalizeDateTimes, toJson, type SchemaResolver } from '../core/documents.js'
import { claimIdempotencyKey, storeIdempotentResponse } from './idempotency.js'

export type Doc = Record<string, unknown>
export type GridUnitRow = Omit<typeof gridUnits.$inferSelect, 'searchText' | 'searchBigrams'>
const ownerRows = tableRows(gridUnits, readColumns(gridUnits))
export interface ApiRecord {
  id: string
  version: number
  [field: string]: unknown
}

type RecordTable = PgTable & {
  id: AnyColumn
  version: AnyColumn
  updatedAt: AnyColumn
  deletedAt: AnyColumn
  searchText: AnyColumn
  searchBigrams: AnyColumn
}

export interface CommonListQuery {
  limit: number
  sort: string
  cursor?: string
  gridUnitId?: string
  q?: string
  updatedSince?: string
  [filter: string]: unknown
}

/** What makes one resource different from another; everything else is shared. */
export interface ResourceDefinition {
  resourceType: Collection
  /** Singular noun for messages: `dispute`. */
  noun: string
  table: RecordTable
  /** Schema of the writable document: checks a create body and every merged patch. */
  writable: TObject
  /** Column a record's jurisdiction is judged by (the owning grid unit; a unit's own id). */
  ownerColumn: AnyColumn
  /** The grid unit a written document lands in; null only for a root grid unit. */
  ownerOf(doc: Doc): string | null
  /** Load the owning unit on every write, not only when it changes (grid units check their level). */
  ownerOnEveryWrite?: boolean
  lifecycle?: { initial: string; transitions: Record<string, readonly string[]> }
  /** Business rules of the document's status; each broken rule is one violation. */
  rules?(next: Doc, current: ApiRecord | null): RuleViolation[]
  /** Extra checks and derived columns that need the database (the owning unit is already loaded). */
  prepareWrite?(tx: Tx, next: Doc, current: ApiRecord | null, owner: GridUnitRow | null): Promise<Doc | void>
  afterWrite?(tx: Tx, saved: ApiRecord, current: ApiRecord | null): Promise<void>
  beforeDelete?(tx: Tx, current: ApiRecord): Promise<void>
  /** Read-only fields computed from a row (`overdue`, `lostOnReview`). */
  derive?(row: Doc): Doc
  /** Unique index name → the field it guards, for 409 conflict answers. */
  uniqueFields?: Record<string, string>
  sorts: Record<string, SortField>
  filters(query: CommonListQuery): SQL[]
}

/** What every module gets from the app: the database and the registered schemas. */
export interface ModuleContext {
  db: Db
  resolve: SchemaResolver
  /** The body validator of a registered schema, the same one Fastify uses for request bodies. */
  bodyValidator(id: string): ValidateFunction
}

export function recordService(ctx: ModuleContext, def: ResourceDefinition) {
  const { db, resolve } = ctx
  const validateWritable = ctx.bodyValidator(idOf(def.writable))
  const instants = dateTimeFields(def.writable, resolve)
  const writableKeys = Object.keys(def.writable.properties)
  const table = def.table as RecordTable & Record<string, AnyColumn>
  const columns = readColumns(def.table) as Record<string, PgColumn>
  const rows = tableRows(def.table, columns)
  // Every change, a delete included, moves the version (the ETag) on and stamps the time.
  const nextVersion = [sql`${rows.quotedNames.version} = ${table.version} + 1`, sql`${rows.quotedNames.updatedAt} = now()`]

  // A row holds its JSON columns as plain data already, and its instants as RFC 3339 text
  // (src/db/rows.ts) or, from the prepared read by id, as Date objects: writing those as text makes
  // it JSON. (A JSON round trip of every record did the same at a tenth of a list page's time.)
  const asJson = (value: unknown) => (value instanceof Date ? value.toISOString() : value)
  function toApi(row: Doc): ApiRecord {
    const record: Doc = { id: row.id, version: row.version, createdAt: asJson(row.createdAt), updatedAt: asJson(row.updatedAt) }
    for (const key of writableKeys) {
      const value = row[key]
      if (value !== null && value !== undefined) record[key] = asJson(value)
    }
    if (def.derive) for (const [key, value] of Object.entries(def.derive(row))) record[key] = asJson(value)
    return record as ApiRecord
  }

  function toRow(doc: Doc): Doc {
    const row: Doc = {}
    for (const key of writableKeys) {
      const value = doc[key] ?? null
      row[key] = instants.has(key) && typeof value === 'string' ? new Date(value) : value
    }
    return row
  }

  const refuseMaskedValues = (document: unknown) => {
    const pointers = maskedValuePointers(def.writable, resolve, document)
    if (pointers.length > 0) throw invalid(pointers.map((pointer) => ({ in: 'body', pointer, message: 'is a masked value; send the real one or leave the field out' })))
  }

  const writablePart = (api: ApiRecord): Doc => Object.fromEntries(writableKeys.filter((k) => k in api).map((k) => [k, api[k]]))

  const scoped = (actor: Actor): SQL[] => (actor.gridUnitId ? [inSubtree(def.ownerColumn, actor.gridUnitId)] : [])

  // The hottest read, one record for a key without a jurisdiction, is built once and prepared: no
  // query building per request, and PostgreSQL parses and plans it once per connection.
  const liveById = db
    .select(columns)
    .from(def.table)
    .where(and(eq(table.id, sql.placeholder('id')), isNull(table.deletedAt)))
    .prepare(`${def.resourceType}_live_by_id`)

  async function findLive(ex: Executor, actor: Actor, id: string, forUpdate: boolean): Promise<Doc> {
    if (ex === db && !forUpdate && !actor.gridUnitId) {
      const [row] = (await liveById.execute({ id })) as Doc[]
      if (!row) throw notFound(def.noun, id)
      return row
    }
    const [row] = await queryRows<Doc>(ex, sql`SELECT ${rows.selectList} FROM ${def.table}
      WHERE ${and(eq(table.id, id), isNull(table.deletedAt), ...scoped(actor))} ${forUpdate ? sql`FOR UPDATE` : sql``}`)
    if (!row) throw notFound(def.noun, id)
    return rows.read(row)
  }

  /** The owning unit must exist; a key bound to a jurisdiction may only write inside it. */
  async function checkOwner(tx: Tx, actor: Actor, next: Doc, current: ApiRecord | null): Promise<GridUnitRow | null> {
    const ownerId = def.ownerOf(next)
    if (current && ownerId === def.ownerOf(current) && !def.ownerOnEveryWrite) return null
    if (ownerId === null) {
      if (actor.gridUnitId) throw problem('forbidden', `A key bound to grid unit ${actor.gridUnitId} cannot write outside it.`)
      return null
    }
    const [found] = await queryRows<Doc>(tx, sql`SELECT ${ownerRows.selectList} FROM ${gridUnits} WHERE ${gridUnits.id} = ${ownerId} AND ${gridUnits.deletedAt} IS NULL`)
    const owner = found && (ownerRows.read(found) as GridUnitRow)
    if (!owner) throw ruleViolation([{ rule: 'grid-unit-exists', message: `grid unit ${ownerId} does not exist` }])
    if (actor.gridUnitId && !owner.path.includes(actor.gridUnitId)) {
      throw problem('forbidden', `Grid unit ${ownerId} lies outside the jurisdiction of this API key.`)
    }
    return owner
  }

  function checkRules(next: Doc, current: ApiRecord | null): void {
    const violations: RuleViolation[] = []
    const life = def.lifecycle
    if (life && current && current.status !== next.status) {
      const allowed = life.transitions[String(current.status)] ?? []
      if (!allowed.includes(String(next.status))) {
        violations.push({
          rule: 'status-transition',
          message: `a ${def.noun} cannot move from ${String(current.status)} to ${String(next.status)}` +
            (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ` (${String(current.status)} is final)`),
        })
      }
    }
    violations.push(...(def.rules?.(next, current) ?? []))
    if (violations.length > 0) throw ruleViolation(violations)
  }

  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      const pg = pgErrorOf(error)
      const field = pg?.code === '23505' && pg.constraint ? def.uniqueFields?.[pg.constraint] : undefined
      if (field) throw problem('conflict', `Another live ${def.noun} already has this ${field}.`)
      throw error
    }
  }

  async function write(tx: Tx, ctx: WriteContext, next: Doc, current: ApiRecord | null, version: number | null) {
    checkRules(next, current)
    const owner = await checkOwner(tx, ctx.actor, next, current)
    const extra = (await def.prepareWrite?.(tx, next, current, owner)) ?? {}
    const values = { ...toRow(next), ...extra }
    const statement = current
      ? rows.update(values, and(eq(table.id, current.id), eq(table.version, version!))!, nextVersion)
      : rows.insert(values)
    const [row] = await queryRows<Doc>(tx, statement)
    const saved = toApi(rows.read(row!))
    await def.afterWrite?.(tx, saved, current)
    await recordAudit(tx, ctx, {
      action: current ? 'updated' : 'created',
      resourceType: def.resourceType,
      resourceId: saved.id,
      version: saved.version,
      before: current,
      after: saved,
    })
    return saved
  }

  return {
    toApi,

    async get(actor: Actor, id: string): Promise<ApiRecord> {
      return toApi(await findLive(db, actor, id, false))
    },

    async list(actor: Actor, query: CommonListQuery) {
      const where: SQL[] = [isNull(table.deletedAt), ...def.filters(query)]
      if (query.q) where.push(textSearch(table, query.q))
      if (query.updatedSince) where.push(sql`${table.updatedAt} > ${query.updatedSince}::timestamptz`)
      // The jurisdiction and the gridUnitId filter both bound the owning units: a unit must lie in both subtrees.
      const roots = [actor.gridUnitId, query.gridUnitId].filter((r): r is string => Boolean(r))
      const owners = roots.length > 0
        ? { column: def.ownerColumn, units: and(...roots.map((root) => sql`${gridUnits.path} @> ARRAY[${root}]::uuid[]`))! }
        : undefined
      const page = await keysetPage<Doc & { id: string }>(db, def.table, rows, def.sorts, where, query, (row, name) => row[name], owners)
      return { items: page.rows.map(toApi), nextCursor: page.nextCursor }
    },

    async create(ctx: WriteContext, input: Doc): Promise<{ record: ApiRecord; replayed: boolean }> {
      refuseMaskedValues(input)
      const next = normalizeDateTimes(def.writable, input, resolve) as Doc
      return guarded(() =>
        db.transaction(async (tx) => {
          const idem = ctx.idempotency
          if (idem) {
            const stored = await claimIdempotencyKey(tx, ctx.actor.keyId, idem.key, idem.requestHash)
            if (stored !== undefined) return { record: stored as ApiRecord, replayed: true }
          }
          const record = await write(tx, ctx, next, null, null)
          if (idem) await storeIdempotentResponse(tx, ctx.actor.keyId, idem.key, 201, record)
          return { record, replayed: false }
        }),
      )
    },

    async update(ctx: WriteContext, id: string, patch: Doc, ifMatch: number[] | 'any' | undefined): Promise<ApiRecord> {
      return guarded(() =>
        db.transaction(async (tx) => {
          // FOR UPDATE: concurrent patches queue here, so none is lost and If-Match is decided once.
          const row = await findLive(tx, ctx.actor, id, true)
          if (!ifMatchHolds(ifMatch, row.version as number)) {
            throw problem('precondition-failed', `${def.noun} ${id} is at version ${String(row.version)}, not the one in If-Match.`)
          }
          const current = toApi(row)
          const merged = applyMergePatch(writablePart(current), patch) as Doc
          assertValid(validateWritable, merged)
          refuseMaskedValues(patch)
          const next = normalizeDateTimes(def.writable, merged, resolve) as Doc
          // A patch that changes nothing is answered with the record as it is: no new version, no audit event.
          if (canonicalJson(toJson(writablePart({ ...next, id, version: 0 }))) === canonicalJson(writablePart(current))) return current
          return write(tx, ctx, next, current, row.version as number)
        }),
      )
    },

    async remove(ctx: WriteContext, id: string, ifMatch: number[] | 'any' | undefined): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await findLive(tx, ctx.actor, id, true)
        if (!ifMatchHolds(ifMatch, row.version as number)) {
          throw problem('precondition-failed', `${def.noun} ${id} is at version ${String(row.version)}, not the one in If-Match.`)
        }
        const current = toApi(row)
        await def.beforeDelete?.(tx, current)
        await queryRows(tx, rows.update({}, eq(table.id, id), [sql`${rows.quotedNames.deletedAt} = now()`, ...nextVersion]))
        await recordAudit(tx, ctx, {
          action: 'deleted',
          resourceType: def.resourceType,
          resourceId: id,
          version: current.version + 1,
          before: current,
          after: null,
        })
      })
    },
  }
}

export type RecordService = ReturnType<typeof recordService>
