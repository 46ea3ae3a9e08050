import { randomUUID } from 'node:crypto'
import type { WriteContext } from '../core/actor.js'
import { normalizeDateTimes, sameJson } from '../core/documents.js'
import { ifMatchHolds, type IfMatch } from '../core/etag.js'
import { applyMergePatch } from '../core/merge-patch.js'
import { problem, ruleViolation } from '../core/problems.js'
import { assertValid } from '../core/validation.js'
import { storedResponse } from '../db/idempotency.js'
import { createStatement, updateStatement, type OwnerCheck } from '../db/record-writes.js'
import { preparedRows } from '../db/statements.js'
import type { ApiRecord, Doc } from './codec.js'
import type { RecordWrites } from './writes.js'
import { checkDocument, mapUniqueViolation, refuseMaskedValues, type WriteKit } from './writes.js'

// The writes of a record owned by a grid unit, each one statement (db/record-writes.ts): the rules
// are checked in JavaScript on the record as read, and the write is a compare-and-set on the
// version read. A version moved meanwhile is a 412 with If-Match; without it the change is merged
// again on the fresh record, and after a few such races it takes the locked path (`locked`), which
// queues concurrent writers on the row, so no update is ever lost.

/**
 * The columns a change sets: those whose value moved. PostgreSQL then encodes, checks and writes
 * only what changed (bench/README.md: a tenth of a patch's database time at the bench's one field).
 */
function changedColumns(row: Doc, next: Doc, stored: Doc): Doc {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !sameJson(next[key] ?? null, stored[key] ?? null)))
}

type Result = Doc & { owner_found: number; owner_inside: boolean; claimed?: number }
const OPTIMISTIC_ATTEMPTS = 3

export function statementWrites(kit: WriteKit, locked: RecordWrites): RecordWrites {
  const { def, env, codec, reads } = kit
  const { db, resolve } = env
  const writable = def.schemas.create
  const ownerField = def.owner.kind === 'unit' ? def.owner.field : ''
  const ownerCheck = (ctx: WriteContext, doc: Doc): OwnerCheck => ({ unitId: String(doc[ownerField]), jurisdiction: ctx.actor.gridUnitId })
  const audit = (ctx: WriteContext, action: 'created' | 'updated' | 'deleted', before: unknown, after: Doc) => ({
    actor: ctx.actor.name,
    requestId: ctx.requestId,
    action,
    resourceType: def.collection,
    before,
    after,
  })

  /** The owner's check decided from the statement: a missing unit is a rule, one outside the jurisdiction a 403. */
  function assertOwner(result: Result, unitId: string): void {
    if (!result.owner_found) throw ruleViolation([{ rule: 'grid-unit-exists', message: `grid unit ${unitId} does not exist` }])
    if (!result.owner_inside) throw problem('forbidden', `Grid unit ${unitId} lies outside the jurisdiction of this API key.`)
  }

  const settled = (next: Doc, current: ApiRecord | null) => (def.settle ? (def.settle(next, current, Date.now()) as Doc) : next)

  return {
    async create(ctx, input) {
      refuseMaskedValues(kit, input)
      const next = settled(normalizeDateTimes(writable, input, resolve) as Doc, null)
      checkDocument(def, next, null)
      const id = randomUUID()
      const owner = ownerCheck(ctx, next)
      const idem = ctx.idempotency
      const statement = createStatement({
        table: def.table,
        statements: reads.statements,
        values: { id, ...codec.rowOf(next) },
        owner,
        audit: audit(ctx, 'created', null, codec.recordOf({ ...next, id, version: 1 })),
        claim: idem ? { apiKeyId: ctx.actor.keyId, key: idem.key, requestHash: idem.requestHash } : undefined,
      })
      const [result] = await mapUniqueViolation(def, () => preparedRows<Result>(db, statement))
      assertOwner(result!, owner.unitId)
      if (result!.claimed === 0) return { record: (await storedResponse(db, ctx.actor.keyId, idem!.key, idem!.requestHash)) as ApiRecord, replayed: true }
      return { record: codec.recordOf(reads.statements.decode(result!)), replayed: false }
    },

    async update(ctx, id, patch, ifMatch) {
      for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
        const row = await reads.findLive(db, ctx.actor, id, false)
        if (!ifMatchHolds(ifMatch, row.version as number)) {
          throw problem('precondition-failed', `${def.noun} ${id} is at version ${String(row.version)}, not the one in If-Match.`)
        }
        const current = codec.recordOf(row)
        const stored = codec.docOf(row)
        const merged = applyMergePatch(stored, patch) as Doc
        assertValid(kit.validateWritable, merged)
        refuseMaskedValues(kit, patch)
        const normalized = normalizeDateTimes(writable, merged, resolve) as Doc
        // A patch that changes nothing is answered with the record as it is: no new version, no audit event.
        if (sameJson(normalized, stored)) return current
        const next = settled(normalized, current)
        checkDocument(def, next, current)
        const owner = next[ownerField] !== current[ownerField] ? ownerCheck(ctx, next) : undefined
        const after = codec.recordOf({ ...next, id, version: current.version + 1, createdAt: current.createdAt })
        const statement = updateStatement({
          table: def.table,
          statements: reads.statements,
          id,
          version: current.version,
          values: changedColumns(codec.rowOf(next), next, stored),
          owner,
          audit: audit(ctx, 'updated', current, after),
        })
        const [result] = await mapUniqueViolation(def, () => preparedRows<Result>(db, statement))
        if (owner) assertOwner(result!, owner.unitId)
        if (result!.id !== null) return codec.recordOf(reads.statements.decode(result!))
        // The version moved since the read: the next read decides (If-Match: 412, deleted: 404), or the change is merged again.
      }
      return locked.update(ctx, id, patch, ifMatch)
    },

    async remove(ctx, id, ifMatch) {
      for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
        const row = await reads.findLive(db, ctx.actor, id, false)
        if (!ifMatchHolds(ifMatch, row.version as number)) {
          throw problem('precondition-failed', `${def.noun} ${id} is at version ${String(row.version)}, not the one in If-Match.`)
        }
        const current = codec.recordOf(row)
        const statement = updateStatement({
          table: def.table,
          statements: reads.statements,
          id,
          version: current.version,
          values: {},
          deleting: true,
          audit: audit(ctx, 'deleted', current, {}),
        })
        const [result] = await preparedRows<Result>(db, statement)
        if (result!.id !== null) return
      }
      return locked.remove(ctx, id, ifMatch)
    },
  }
}
