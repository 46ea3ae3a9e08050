import { randomUUID } from 'node:crypto'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { anyOf } from '../../db/filters.js'
import { apiKeys, decisions, disputes, enforcementCases, gridUnits, legalEducationEvents } from '../../db/schema/index.js'
import { ruleViolation } from '../../core/problems.js'
import { recordService, type ApiRecord, type Doc, type GridUnitRow, type ModuleContext } from '../../records/record-service.js'
import { GridUnitCreate, levels } from './schema.js'

type Level = (typeof levels)[number]
// county > town > village/community > grid; a unit's parent sits at any higher level.
const rank: Record<Level, number> = { county: 0, town: 1, village: 2, community: 2, grid: 3 }
const levelsAtOrAbove = (level: Level) => levels.filter((l) => rank[l] <= rank[level])

const recordTables = [
  [disputes, 'disputes'],
  [enforcementCases, 'enforcement cases'],
  [legalEducationEvents, 'legal-education events'],
  [decisions, 'decisions'],
] as const

async function checkTree(tx: Tx, next: Doc, current: ApiRecord | null, parent: GridUnitRow | null): Promise<Doc> {
  const level = next.level as Level
  if (parent && rank[parent.level as Level] >= rank[level]) {
    throw ruleViolation([{ rule: 'parent-level', message: `a ${level} cannot sit under a ${parent.level}; the parent must be at a higher level` }])
  }
  if (!current) {
    const id = randomUUID()
    return { id, path: [...(parent?.path ?? []), id] }
  }
  if (parent?.path.includes(current.id)) {
    throw ruleViolation([{ rule: 'no-cycle', message: `grid unit ${String(next.parentId)} lies below ${current.id}; re-parenting would make a cycle` }])
  }
  if (level !== current.level) {
    const [lowChild] = await tx
      .select({ id: gridUnits.id })
      .from(gridUnits)
      .where(and(eq(gridUnits.parentId, current.id), isNull(gridUnits.deletedAt), inArray(gridUnits.level, levelsAtOrAbove(level))))
      .limit(1)
    if (lowChild) throw ruleViolation([{ rule: 'parent-level', message: `child unit ${lowChild.id} would no longer sit below a ${level}` }])
  }
  return { path: [...(parent?.path ?? []), current.id] }
}

/** A re-parented unit carries its subtree along: every descendant's path is rewritten. */
async function moveSubtree(tx: Tx, saved: ApiRecord, current: ApiRecord | null): Promise<void> {
  if (!current || (saved.parentId ?? null) === (current.parentId ?? null)) return
  await tx.execute(sql`
    UPDATE grid_units d
    SET path = u.path || d.path[array_position(d.path, u.id) + 1 :]
    FROM grid_units u
    WHERE u.id = ${saved.id} AND d.path @> ARRAY[u.id] AND d.id <> u.id`)
}

async function assertUnused(tx: Tx, unit: ApiRecord): Promise<void> {
  const uses: string[] = []
  const [child] = await tx.select({ id: gridUnits.id }).from(gridUnits).where(and(eq(gridUnits.parentId, unit.id), isNull(gridUnits.deletedAt))).limit(1)
  if (child) uses.push('child units')
  for (const [table, label] of recordTables) {
    const [row] = await tx.select({ id: table.id }).from(table).where(and(eq(table.gridUnitId, unit.id), isNull(table.deletedAt))).limit(1)
    if (row) uses.push(label)
  }
  const [key] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.gridUnitId, unit.id), isNull(apiKeys.revokedAt))).limit(1)
  if (key) uses.push('API keys')
  if (uses.length > 0) throw ruleViolation([{ rule: 'grid-unit-in-use', message: `grid unit ${unit.id} still has ${uses.join(', ')}` }])
}

export function gridUnitService(ctx: ModuleContext) {
  return recordService(ctx, {
    resourceType: 'grid-units',
    noun: 'grid unit',
    table: gridUnits,
    writable: GridUnitCreate,
    ownerColumn: gridUnits.id,
    ownerOf: (doc) => (doc.parentId as string | null | undefined) ?? null,
    ownerOnEveryWrite: true,
    prepareWrite: (tx, next, current, parent) => checkTree(tx, next, current, parent),
    afterWrite: moveSubtree,
    beforeDelete: assertUnused,
    derive: (row) => ({ parentId: row.parentId ?? null }),
    uniqueFields: { grid_units_code_live_key: 'code' },
    sorts: {
      code: { column: gridUnits.code, kind: 'text' },
      name: { column: gridUnits.name, kind: 'text' },
      createdAt: { column: gridUnits.createdAt, kind: 'timestamp' },
      updatedAt: { column: gridUnits.updatedAt, kind: 'timestamp' },
    },
    filters: (query) => [
      ...anyOf(gridUnits.level, query.level as string[] | undefined),
      ...(query.parentId ? [eq(gridUnits.parentId, query.parentId as string)] : []),
    ],
  })
}
