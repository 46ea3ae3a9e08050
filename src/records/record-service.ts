import type { Static } from 'typebox'
import type { Actor, WriteContext } from '../core/actor.js'
import type { IfMatch } from '../core/etag.js'
import type { CommonListQuery } from '../core/schemas.js'
import type { OwnedTable } from '../db/grid-units.js'
import { recordCodec, type ApiRecord, type Doc } from './codec.js'
import type { AnyResource, StoredOf, WritableOf } from './define-resource.js'
import type { EngineContext } from './engine-context.js'
import { jurisdictionColumn, recordReads } from './reads.js'
import { statementWrites } from './statement-writes.js'
import { recordWrites, writeKit } from './writes.js'
import { importRows, type ImportReport, type ImportResult } from './imports.js'
import { collectionSheet, type CollectionSheet } from './sheets.js'
import type { SheetReadResult } from '../spreadsheets/index.js'

/** The operations of one collection, typed by its definition. */
export interface RecordService<D extends AnyResource = AnyResource> {
  readonly definition: D
  get(actor: Actor, id: string): Promise<StoredOf<D['schemas']['record']>>
  list(actor: Actor, query: Static<D['schemas']['query']>): Promise<{ items: StoredOf<D['schemas']['record']>[]; nextCursor: string | null }>
  create(ctx: WriteContext, input: WritableOf<D['schemas']['create']>): Promise<{ record: StoredOf<D['schemas']['record']>; replayed: boolean }>
  update(ctx: WriteContext, id: string, patch: Static<D['schemas']['update']>, ifMatch: IfMatch): Promise<StoredOf<D['schemas']['record']>>
  remove(ctx: WriteContext, id: string, ifMatch: IfMatch): Promise<void>
  /** The collection's spreadsheet columns: the export's, and the template's and import's. */
  readonly sheet: CollectionSheet
  /** Creates every row of a read sheet, all or none (a dry run: none), each as a POST would. */
  importSheet(ctx: WriteContext, sheet: SheetReadResult, dryRun: boolean): Promise<ImportResult | ImportReport>
}

/** One collection's service; `owned` lists what refers to a grid unit (for the tree's in-use check). */
export function recordService<D extends AnyResource>(def: D, env: EngineContext, owned: readonly OwnedTable[] = []): RecordService<D> {
  const codec = recordCodec(def, env.resolve)
  const reads = recordReads(def, env, codec)
  const kit = writeKit(def, env, codec, reads)
  const locked = recordWrites(kit, owned)
  // The units' tree and a snapshot field need their reads and writes together: they keep the locked path.
  const writes = def.owner.kind === 'unit' && !def.snapshot ? statementWrites(kit, locked) : locked
  const sheet = collectionSheet(def, env.resolve)
  // An import creates its rows in bulk (imports.ts): records owned by a unit, nothing computed on write.
  if (sheet.import && (def.owner.kind !== 'unit' || def.snapshot || def.settle)) throw new Error(`${def.collection}: only records owned by a unit, without a snapshot or settle hook, are imported`)
  type Stored = StoredOf<D['schemas']['record']>
  return {
    definition: def,
    get: (actor, id) => reads.get(actor, id) as Promise<Stored>,
    list: (actor, query) => reads.list(actor, query as CommonListQuery & Doc) as Promise<{ items: Stored[]; nextCursor: string | null }>,
    create: (ctx, input) => writes.create(ctx, input as Doc) as Promise<{ record: Stored; replayed: boolean }>,
    update: (ctx, id, patch, ifMatch) => writes.update(ctx, id, patch as Doc, ifMatch) as Promise<Stored>,
    remove: (ctx, id, ifMatch) => writes.remove(ctx, id, ifMatch),
    sheet,
    importSheet: (ctx, read, dryRun) => {
      if (!sheet.import) throw new Error(`${def.collection} is not imported from spreadsheets`)
      return importRows(kit, ctx, read, sheet.import, dryRun)
    },
  }
}

/** What refers to a grid unit: every collection owned by one, as the tree's in-use check reads them. */
export function ownedTables(resources: readonly AnyResource[]): OwnedTable[] {
  return resources
    .filter((r) => r.owner.kind === 'unit')
    .map((r) => ({ label: r.names.many.replace(/(?!^)([A-Z])/g, ' $1').toLowerCase(), table: r.table, ownerColumn: jurisdictionColumn(r) }))
}

/** A service for every collection of the registry, built once per app. */
export function recordServices(resources: readonly AnyResource[], env: EngineContext): Map<string, RecordService> {
  const owned = ownedTables(resources)
  return new Map(resources.map((def) => [def.collection, recordService(def, env, owned)]))
}

export type { ApiRecord }
