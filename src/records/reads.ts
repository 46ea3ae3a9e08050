import { and, eq, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type { Actor } from '../core/actor.js'
import { notFound } from '../core/problems.js'
import type { CommonListQuery } from '../core/schemas.js'
import { queryRows, type Executor } from '../db/client.js'
import { changedSince, isBoundByValue, ownedWithin, pathUnder, textSearch, unitsUnderAll, unplannedRoot } from '../db/filters.js'
import { keysetPage, type KeysetQuery } from '../db/keyset.js'
import { readColumns } from '../db/schema/columns.js'
import { namedTextRows, renderedText, tableStatements, type TableStatements } from '../db/statements.js'
import type { ApiRecord, Doc, RecordCodec } from './codec.js'
import type { AnyResource } from './define-resource.js'
import type { EngineContext } from './engine-context.js'
import { snapshotField } from './snapshot.js'

/** The column a record's jurisdiction is judged by: its owning unit, or a unit's own id. */
export const jurisdictionColumn = (def: AnyResource): AnyColumn => (def.owner.kind === 'unit' ? def.owner.column : def.table.id)

/** A list request as the keyset query of the collection's table. */
export function listQuery(def: AnyResource, statements: TableStatements, actor: Actor, query: CommonListQuery & Record<string, unknown>): KeysetQuery {
  const { table } = def
  const where: SQL[] = [isNull(table.deletedAt), ...def.filters(query)]
  if (query.q) where.push(textSearch(table, query.q))
  if (query.updatedSince) where.push(changedSince(table.updatedAt, query.updatedSince))
  // The jurisdiction and the gridUnitId filter both bound the owning units: a unit must lie in both subtrees.
  const roots = [actor.gridUnitId, query.gridUnitId].filter((r): r is string => Boolean(r))
  // Prepared but for a search and a bound by value (a date range, updatedSince): how many rows a
  // search term or a bound matches varies by orders of magnitude (土地 against a name; nothing changed
  // since a minute ago against a year), and a plan made for one would be reused for every other.
  const prepared = !query.q && !where.some(isBoundByValue)
  return {
    table,
    statements,
    sorts: def.sorts,
    where,
    page: { sort: query.sort ?? def.defaultSort, cursor: query.cursor, limit: query.limit ?? 20 },
    owners: roots.length > 0 ? { column: jurisdictionColumn(def), units: unitsUnderAll(prepared ? roots.map(unplannedRoot) : roots) } : undefined,
    prepared,
  }
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000'

export interface RecordReads {
  statements: TableStatements
  /** The live row `id` inside the actor's jurisdiction, decoded; 404 otherwise. `forUpdate` locks it. */
  findLive(ex: Executor, actor: Actor, id: string, forUpdate: boolean): Promise<Doc>
  get(actor: Actor, id: string): Promise<ApiRecord>
  list(actor: Actor, query: CommonListQuery & Record<string, unknown>): Promise<{ items: ApiRecord[]; nextCursor: string | null }>
}

export function recordReads(def: AnyResource, env: EngineContext, codec: RecordCodec): RecordReads {
  const { db } = env
  const snapshot = snapshotField(def, env)
  const { table } = def
  const statements = tableStatements(table, readColumns(table) as Record<string, PgColumn>)
  const owner = jurisdictionColumn(def)
  const live = (id: string) => and(eq(table.id, id), isNull(table.deletedAt))!
  // The hottest read, one record for a key without a jurisdiction, goes out under a name: PostgreSQL
  // parses and plans it once per connection.
  const byIdName = `${def.collection}_live_by_id`
  // Its text is rendered once, with the id as its one parameter ($1).
  const byIdText = renderedText(sql`SELECT ${statements.selectList} FROM ${table} WHERE ${live(NIL_UUID)}`)

  async function findLive(ex: Executor, actor: Actor, id: string, forUpdate: boolean): Promise<Doc> {
    let rows: Doc[]
    if (ex === db && !forUpdate && !actor.gridUnitId) {
      rows = await namedTextRows<Doc>(db, byIdName, byIdText, [id])
    } else {
      const scoped: SQL[] = actor.gridUnitId ? [ownedWithin(owner, pathUnder(actor.gridUnitId))] : []
      rows = await queryRows<Doc>(ex, sql`SELECT ${statements.selectList} FROM ${table}
        WHERE ${and(live(id), ...scoped)} ${forUpdate ? sql`FOR UPDATE` : sql``}`)
    }
    if (!rows[0]) throw notFound(def.noun, id)
    return statements.decode(rows[0])
  }

  return {
    statements,
    findLive,
    async get(actor, id) {
      const row = await findLive(db, actor, id, false)
      return snapshot.complete(db, codec.recordOf(row), codec.docOf(row))
    },
    async list(actor, query) {
      const page = await keysetPage(db, listQuery(def, statements, actor, query))
      const now = Date.now()
      const items = await Promise.all(page.rows.map((row) => snapshot.complete(db, codec.recordOf(row, now), codec.docOf(row))))
      return { items, nextCursor: page.nextCursor }
    },
  }
}
