import { randomUUID } from 'node:crypto'
import { ruleViolation } from '../core/problems.js'
import type { Tx } from '../db/client.js'
import { pathHas } from '../db/filters.js'
import { carrySubtree, childAtLevels, unitUses, type OwnedTable, type UnitRow } from '../db/grid-units.js'

/**
 * The grid units themselves: a unit's owner is its parent, so a key's jurisdiction bounds where a
 * unit may hang, and the tree keeps its shape — a parent sits higher, no cycle, a moved unit carries
 * its subtree along, and a unit still in use is never deleted.
 */
export interface UnitTree {
  kind: 'tree'
  /** Document fields: the parent's id and the level. */
  parentField: string
  levelField: string
  /** Each level's depth: county 0 > town 1 > village, community 2 > grid 3. A parent sits at a lower number. */
  rank: Readonly<Record<string, number>>
}

export const unitTree = (options: Omit<UnitTree, 'kind'>): UnitTree => ({ kind: 'tree', ...options })

type Doc = Record<string, unknown>

/** The id and path of a unit about to be written under `parent`: `parent-level` and `no-cycle` hold. */
export async function placeInTree(tree: UnitTree, tx: Tx, next: Doc, current: Doc | null, parent: UnitRow | null): Promise<{ id?: string; path: string[] }> {
  const level = String(next[tree.levelField])
  const rank = (l: string) => tree.rank[l] ?? Number.POSITIVE_INFINITY
  // A unit under itself (its own parent included) is a cycle whatever the levels say.
  const id = current ? String(current.id) : randomUUID()
  if (current && parent && pathHas(parent.path, id)) {
    throw ruleViolation([{ rule: 'no-cycle', pointer: `/${tree.parentField}`, message: `grid unit ${String(next[tree.parentField])} lies below ${id}; re-parenting would make a cycle` }])
  }
  if (parent && rank(parent.level) >= rank(level)) {
    throw ruleViolation([{ rule: 'parent-level', pointer: `/${tree.parentField}`, message: `a ${level} cannot sit under a ${parent.level}; the parent must be at a higher level` }])
  }
  if (current && level !== current[tree.levelField]) {
    const notBelow = Object.keys(tree.rank).filter((l) => rank(l) <= rank(level))
    const child = await childAtLevels(tx, id, notBelow)
    if (child) throw ruleViolation([{ rule: 'parent-level', pointer: `/${tree.levelField}`, message: `child unit ${child} would no longer sit below a ${level}` }])
  }
  const path = [...(parent?.path ?? []), id]
  return current ? { path } : { id, path }
}

/** A re-parented unit carries its subtree along: every descendant's path is rewritten. */
export async function afterPlacing(tree: UnitTree, tx: Tx, saved: Doc, current: Doc | null): Promise<void> {
  if (current && (saved[tree.parentField] ?? null) !== (current[tree.parentField] ?? null)) await carrySubtree(tx, String(saved.id))
}

/** `grid-unit-in-use`: child units, records of any collection, or API keys still refer to the unit. */
export async function assertUnused(tx: Tx, unitId: string, owned: readonly OwnedTable[]): Promise<void> {
  const uses = await unitUses(tx, unitId, owned)
  if (uses.length > 0) throw ruleViolation([{ rule: 'grid-unit-in-use', message: `grid unit ${unitId} still has ${uses.join(', ')}` }])
}
