import type { Executor } from '../db/client.js'
import type { ApiRecord, Doc } from './codec.js'
import type { AnyResource } from './define-resource.js'
import type { EngineContext } from './engine-context.js'

/** How a collection's snapshot field (if any) is filled on read and on write. */
export interface SnapshotField {
  /** The record as answered: the frozen value when the row holds one, else computed now on `ex`. */
  complete(ex: Executor, record: ApiRecord, doc: Doc): Promise<ApiRecord>
  /** The column value a write stores: computed when it freezes, kept while frozen, null while live. */
  columnValue(ex: Executor, next: Doc, current: Doc | null): Promise<Doc>
}

const none: SnapshotField = { complete: async (_ex, record) => record, columnValue: async () => ({}) }

export function snapshotField(def: AnyResource, env: EngineContext): SnapshotField {
  const snapshot = def.snapshot
  if (!snapshot) return none
  const source = env.snapshotSources[snapshot.source]
  if (!source) throw new Error(`${def.collection}: no snapshot source ${snapshot.source}`)
  const { field } = snapshot
  return {
    async complete(ex, record, doc) {
      return record[field] === undefined ? { ...record, [field]: await source(ex, doc) } : record
    },
    async columnValue(ex, next, current) {
      if (!snapshot.frozenWhen(next)) return { [field]: null }
      // Already frozen: the column keeps what was filed (the write leaves it out).
      if (current && snapshot.frozenWhen(current)) return {}
      return { [field]: await source(ex, next) }
    },
  }
}
