import type { AnyColumn, SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Static, TObject, TProperties, TSchema } from 'typebox'
import type { Transitions } from '../core/lifecycle.js'
import type { FieldError, RuleViolation } from '../core/problems.js'
import { ListOf, ListQuery, idOf } from '../core/schemas.js'
import type { SortField } from '../db/keyset.js'
import type { UnitTree } from './unit-tree.js'

/** The columns every record table has (src/db/schema/columns.ts). */
export type RecordTable = PgTable & {
  id: AnyColumn
  version: AnyColumn
  createdAt: AnyColumn
  updatedAt: AnyColumn
  deletedAt: AnyColumn
  searchText: AnyColumn
  searchBigrams: AnyColumn
}

/** A record owned by a grid unit: the write's unit must exist and lie in the key's jurisdiction. */
export interface OwnedByUnit {
  kind: 'unit'
  /** The document field naming the unit, and its column. */
  field: string
  column: AnyColumn
}

export const ownedByUnit = (column: AnyColumn, field = 'gridUnitId'): OwnedByUnit => ({ kind: 'unit', field, column })

/**
 * A read-only field whose value comes from the database (`source`, wired by the app): computed on
 * every read while `frozenWhen` does not hold, written into its own column at the write that makes
 * it hold, and kept from then on, so a filed document never changes when other records do.
 */
export interface Snapshot<Doc> {
  field: string
  source: string
  frozenWhen(doc: Doc): boolean
}

/** The schemas of a collection, written by hand in its `schema.ts` (the contract). */
export interface ResourceSchemas<C extends TObject, U extends TObject, R extends TObject, F extends TProperties> {
  /** The writable document: a create body, and every merged patch, are checked against it. */
  create: C
  /** The merge-patch body. */
  update: U
  /** The record as answered. */
  record: R
  /** The list's own filters (the shared paging, sort, search and subtree parameters are added). */
  filters: F
  /** Named nested components (`DisputeParty`, …), in the order the document lists them. */
  components?: TSchema[]
}

/** The documents a collection's hooks see, typed from its schemas. */
export type WritableOf<C extends TObject> = Static<C>
export type StoredOf<R extends TObject> = Static<R>

/**
 * One definition drives the export, the import template and the import: a Chinese header per
 * field, in the order a clerk reads the ledger (dotted paths for nested members). `gridUnitCode`
 * and `gridUnitName` stand for the owning unit (its code is how an import names it); fields the
 * writable document lacks (ids, times, read-only ones) are export-only.
 */
export interface SheetDefinition {
  headers: Readonly<Record<string, string>>
  /** Whether staff fill it in bulk: an import template and `POST …/imports`. */
  importable?: boolean
}

/** Prose for the OpenAPI descriptions; transitions, sorts and ownership are written by the engine. */
export interface ResourceDocs {
  /** The filters and what `q` searches. */
  list?: string
  create?: string
  update?: string
  /** The business rules, stated on create and update. */
  rules?: string
  delete?: string
}

/** What makes one collection different from another; everything else is the engine's, once. */
export interface ResourceDefinition<
  C extends TObject = TObject,
  U extends TObject = TObject,
  R extends TObject = TObject,
  F extends TProperties = TProperties,
  S extends string = string,
> {
  /** URL segment, scope prefix and audit `resourceType`: `disputes`. */
  collection: string
  /** Singular noun for messages: `dispute`. */
  noun: string
  /** `Dispute` / `Disputes`: operationIds (`listDisputes`, `getDispute`, …) and component names. */
  names: { one: string; many: string }
  /** An operationId in place of the one made from `names`, when another operation already holds that name. */
  operationIds?: Partial<Record<'list' | 'create' | 'get' | 'update' | 'delete', string>>
  /** Chinese name for summaries: 矛盾纠纷. */
  label: string
  tag: { name: string; description: string }
  schemas: ResourceSchemas<C, U, R, F>
  table: RecordTable
  /** Who owns a record: a grid unit, or (for the units themselves) the tree they form. */
  owner: OwnedByUnit | UnitTree
  lifecycle?: { transitions: Transitions<S> }
  /** Cross-field checks of the input (400 `validation-error`, with pointers). */
  checks?(doc: WritableOf<C>): FieldError[]
  /** Business rules of the document as it would be stored (409 `rule-violation`, one entry each). */
  rules?(next: WritableOf<C>, current: StoredOf<R> | null): RuleViolation[]
  /** Read-only fields computed on every read (`overdue`), so they change as time passes. */
  derive?(doc: WritableOf<C>, now: number): Partial<StoredOf<R>>
  /** Values the service sets itself before the checks and rules (a submission's date, when none was given). */
  settle?(next: WritableOf<C>, current: StoredOf<R> | null, now: number): WritableOf<C>
  /** A read-only field computed from the database (a report's figures): see `Snapshot`. */
  snapshot?: Snapshot<WritableOf<C>>
  /** Unique index name → the field it guards, for 409 `conflict` answers. */
  unique?: Record<string, string>
  sorts: Record<string, SortField>
  defaultSort: string
  filters(query: Static<TObject<F>>): SQL[]
  docs?: ResourceDocs
  /** The collection's ledger in Excel (API.md §7): see `SheetDefinition`. */
  sheet: SheetDefinition
}

/** A definition with its derived schemas: the list query (its sort enum from `sorts`) and the list page. */
export type Resource<C extends TObject = TObject, U extends TObject = TObject, R extends TObject = TObject, F extends TProperties = TProperties, S extends string = string> =
  ResourceDefinition<C, U, R, F, S> & {
    schemas: ResourceSchemas<C, U, R, F> & { query: ReturnType<typeof ListQuery<F>>; list: ReturnType<typeof ListOf> }
  }

/** Any collection, whatever its schemas: what registries and the generic routes hold. */
export type AnyResource = Resource<any, any, any, any, any>

/**
 * A collection, as one typed definition: its hooks see its own fields (`next.status` is the status
 * enum, `query.category` the category list), and its list schemas are built here from `sorts`.
 */
export function defineResource<C extends TObject, U extends TObject, R extends TObject, const F extends TProperties, S extends string = string>(
  definition: ResourceDefinition<C, U, R, F, S>,
): Resource<C, U, R, F, S> {
  const { record, filters } = definition.schemas
  const example = (record as { examples?: unknown[] }).examples?.[0]
  return {
    ...definition,
    schemas: {
      ...definition.schemas,
      query: ListQuery(Object.keys(definition.sorts), definition.defaultSort, filters),
      list: ListOf(idOf(record), `${definition.names.one}List`, example),
    },
  }
}
