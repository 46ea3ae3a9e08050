import type { ValidateFunction } from 'ajv'
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Actor, WriteContext } from '../core/actor.js'
import { normalizeDateTimes, sameJson } from '../core/documents.js'
import { ifMatchHolds, type IfMatch } from '../core/etag.js'
import { applyMergePatch } from '../core/merge-patch.js'
import { maskedValuePointers } from '../core/pii.js'
import { invalid, problem, ruleViolation, type RuleViolation } from '../core/problems.js'
import { idOf } from '../core/schemas.js'
import { transitionViolation } from '../core/lifecycle.js'
import { assertValid } from '../core/validation.js'
import { insertAuditEvent, type AuditAction } from '../db/audit.js'
import { queryRows, type Tx } from '../db/client.js'
import { pgErrorOf } from '../db/errors.js'
import { findLiveUnit, type OwnedTable, type UnitRow } from '../db/grid-units.js'
import { claimIdempotencyKey, storeIdempotentResponse } from '../db/idempotency.js'
import type { ApiRecord, Doc, RecordCodec } from './codec.js'
import type { AnyResource } from './define-resource.js'
import type { EngineContext } from './engine-context.js'
import type { RecordReads } from './reads.js'
import { snapshotField, type SnapshotField } from './snapshot.js'
import { afterPlacing, assertUnused, placeInTree } from './unit-tree.js'

export interface RecordWrites {
  create(ctx: WriteContext, input: Doc): Promise<{ record: ApiRecord; replayed: boolean }>
  update(ctx: WriteContext, id: string, patch: Doc, ifMatch: IfMatch): Promise<ApiRecord>
  remove(ctx: WriteContext, id: string, ifMatch: IfMatch): Promise<void>
}

/** The grid unit a written document lands in; null only for a root grid unit. */
function ownerIdOf(def: AnyResource, doc: Doc): string | null {
  const field = def.owner.kind === 'unit' ? def.owner.field : def.owner.parentField
  return (doc[field] as string | null | undefined) ?? null
}

/** The owning unit must exist; a key bound to a jurisdiction may only write inside it. */
export async function loadOwner(tx: Tx, actor: Actor, ownerId: string | null): Promise<UnitRow | null> {
  if (ownerId === null) {
    if (actor.gridUnitId) throw problem('forbidden', `A key bound to grid unit ${actor.gridUnitId} cannot write outside it.`)
    return null
  }
  const found = await findLiveUnit(tx, ownerId, actor.gridUnitId)
  if (!found) throw ruleViolation([{ rule: 'grid-unit-exists', message: `grid unit ${ownerId} does not exist` }])
  if (!found.inJurisdiction) throw problem('forbidden', `Grid unit ${ownerId} lies outside the jurisdiction of this API key.`)
  return found.unit
}

/** What one collection's writes are built from, once. */
export interface WriteKit {
  def: AnyResource
  env: EngineContext
  codec: RecordCodec
  reads: RecordReads
  validateWritable: ValidateFunction
  /** Every change, a delete included, moves the version (the ETag) on and stamps the time. */
  nextVersion: SQL[]
  snapshot: SnapshotField
}

/** Answers carry masked values to keys without `pii:read`; sent back, they would overwrite the real ones. */
export function refuseMaskedValues({ def, env }: WriteKit, document: unknown): void {
  const pointers = maskedValuePointers(def.schemas.create, env.resolve, document)
  if (pointers.length > 0) throw invalid(pointers.map((pointer) => ({ in: 'body', pointer, message: 'is a masked value; send the real one or leave the field out' })))
}

/** The collection's checks (400), then its transitions and rules (409, every broken one listed). */
export function checkDocument(def: AnyResource, next: Doc, current: ApiRecord | null): void {
  const errors = def.checks?.(next) ?? []
  if (errors.length > 0) throw invalid(errors)
  const violations: RuleViolation[] = []
  if (def.lifecycle && current) {
    const moved = transitionViolation(def.lifecycle.transitions, def.noun, String(current.status), String(next.status))
    if (moved) violations.push(moved)
  }
  violations.push(...(def.rules?.(next, current) ?? []))
  if (violations.length > 0) throw ruleViolation(violations)
}

/** A unique index broken by the write is a 409 naming the field it guards. */
export async function mapUniqueViolation<T>(def: AnyResource, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const pg = pgErrorOf(error)
    const field = pg?.code === '23505' && pg.constraint ? def.unique?.[pg.constraint] : undefined
    if (field) throw problem('conflict', `Another live ${def.noun} already has this ${field}.`)
    throw error
  }
}

const audit = (tx: Tx, ctx: WriteContext, { id, ...event }: { action: AuditAction; resourceType: string; id: string; version: number; before: unknown; after: unknown }) =>
  insertAuditEvent(tx, { actor: ctx.actor.name, requestId: ctx.requestId, resourceId: id, ...event })

/** Writes a checked document as a new record or a new version of `current`, with its audit event. */
export async function writeRecord({ def, codec, reads, nextVersion, snapshot }: WriteKit, tx: Tx, ctx: WriteContext, given: Doc, current: ApiRecord | null): Promise<ApiRecord> {
  const next = def.settle ? (def.settle(given, current, Date.now()) as Doc) : given
  checkDocument(def, next, current)
  const { table } = def
  const tree = def.owner.kind === 'tree' ? def.owner : undefined
  const ownerId = ownerIdOf(def, next)
  // A tree unit checks its parent's level on every write; a record only when it moves.
  const owner = tree || !current || ownerId !== ownerIdOf(def, current) ? await loadOwner(tx, ctx.actor, ownerId) : null
  const placed = tree ? await placeInTree(tree, tx, next, current, owner) : {}
  const values = { ...codec.rowOf(next), ...placed, ...(await snapshot.columnValue(tx, next, current)) }
  const statement = current
    ? reads.statements.update(values, and(eq(table.id, current.id), eq(table.version, current.version))!, nextVersion)
    : reads.statements.insert(values)
  const [row] = await queryRows<Doc>(tx, statement)
  const stored = reads.statements.decode(row!)
  const saved = await snapshot.complete(tx, codec.recordOf(stored), codec.docOf(stored))
  if (tree) await afterPlacing(tree, tx, saved, current)
  await audit(tx, ctx, { action: current ? 'updated' : 'created', resourceType: def.collection, id: saved.id, version: saved.version, before: current, after: saved })
  return saved
}

/** The live row, locked: concurrent changes queue here, so none is lost and If-Match is decided once. */
async function lockedForChange({ def, reads }: WriteKit, tx: Tx, ctx: WriteContext, id: string, ifMatch: IfMatch): Promise<Doc> {
  const row = await reads.findLive(tx, ctx.actor, id, true)
  if (!ifMatchHolds(ifMatch, row.version as number)) {
    throw problem('precondition-failed', `${def.noun} ${id} is at version ${String(row.version)}, not the one in If-Match.`)
  }
  return row
}

export function writeKit(def: AnyResource, env: EngineContext, codec: RecordCodec, reads: RecordReads): WriteKit {
  const { quotedNames } = reads.statements
  return {
    def,
    env,
    codec,
    reads,
    validateWritable: env.bodyValidator(idOf(def.schemas.create)),
    nextVersion: [sql`${quotedNames.version} = ${def.table.version} + 1`, sql`${quotedNames.updatedAt} = now()`],
    snapshot: snapshotField(def, env),
  }
}

export function recordWrites(kit: WriteKit, owned: readonly OwnedTable[]): RecordWrites {
  const { def, env, codec, reads } = kit
  const { db, resolve } = env
  const writable = def.schemas.create
  const { quotedNames } = reads.statements

  return {
    async create(ctx, input) {
      refuseMaskedValues(kit, input)
      const next = normalizeDateTimes(writable, input, resolve) as Doc
      return mapUniqueViolation(def, () =>
        db.transaction(async (tx) => {
          const idem = ctx.idempotency
          if (idem) {
            const stored = await claimIdempotencyKey(tx, ctx.actor.keyId, idem.key, idem.requestHash)
            if (stored !== undefined) return { record: stored as ApiRecord, replayed: true }
          }
          const record = await writeRecord(kit, tx, ctx, next, null)
          if (idem) await storeIdempotentResponse(tx, ctx.actor.keyId, idem.key, 201, record)
          return { record, replayed: false }
        }),
      )
    },

    async update(ctx, id, patch, ifMatch) {
      return mapUniqueViolation(def, () =>
        db.transaction(async (tx) => {
          const row = await lockedForChange(kit, tx, ctx, id, ifMatch)
          const current = codec.recordOf(row)
          const stored = codec.docOf(row)
          const merged = applyMergePatch(stored, patch) as Doc
          assertValid(kit.validateWritable, merged)
          refuseMaskedValues(kit, patch)
          const next = normalizeDateTimes(writable, merged, resolve) as Doc
          // A patch that changes nothing is answered with the record as it is: no new version, no audit event.
          if (sameJson(next, stored)) return kit.snapshot.complete(tx, current, stored)
          return writeRecord(kit, tx, ctx, next, current)
        }),
      )
    },

    async remove(ctx, id, ifMatch) {
      await db.transaction(async (tx) => {
        const current = codec.recordOf(await lockedForChange(kit, tx, ctx, id, ifMatch))
        if (def.owner.kind === 'tree') await assertUnused(tx, id, owned)
        await queryRows(tx, reads.statements.update({}, eq(def.table.id, id), [sql`${quotedNames.deletedAt} = now()`, ...kit.nextVersion]))
        await audit(tx, ctx, { action: 'deleted', resourceType: def.collection, id, version: current.version + 1, before: current, after: null })
      })
    },
  }
}
