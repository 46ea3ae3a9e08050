import type { TObject, TSchema } from 'typebox'
import { dateTimeFields, deref, type SchemaResolver } from '../core/documents.js'
import type { AnyResource } from './define-resource.js'

/** A document as the engine moves it between rows, rules and answers. */
export type Doc = Record<string, unknown>

export interface ApiRecord {
  id: string
  version: number
  [field: string]: unknown
}

export interface RecordCodec {
  /** The writable fields a row holds (absent when null): what a merge patch applies to. */
  docOf(row: Doc): Doc
  /** The record as answered: identity, version, times, the writable fields, the derived ones. */
  recordOf(row: Doc, now?: number): ApiRecord
  /** The column values of a writable document: instants as Dates, absent fields as null. */
  rowOf(doc: Doc): Doc
}

const isNullable = (schema: TSchema, resolve: SchemaResolver) =>
  Boolean((deref(schema, resolve).anyOf ?? []).some((branch) => (branch as { type?: unknown }).type === 'null'))

/**
 * Rows come from one decoder (src/db/statements.ts): JSON columns as plain data, instants as RFC
 * 3339 text, so a record is the row's fields renamed, with no per-value conversion.
 */
export function recordCodec(def: AnyResource, resolve: SchemaResolver): RecordCodec {
  const writable = def.schemas.create as TObject
  const writableKeys = Object.keys(writable.properties)
  const instants = dateTimeFields(writable, resolve)
  const record = def.schemas.record as TObject
  // A required field that may be null (a root unit's parentId) is answered as null, not left out.
  const required = new Set(record.required ?? [])
  const snapshot = def.snapshot?.field
  const answeredAsNull = writableKeys.filter((k) => required.has(k) && record.properties[k] && isNullable(record.properties[k], resolve))

  function docOf(row: Doc): Doc {
    const doc: Doc = {}
    for (const key of writableKeys) {
      const value = row[key]
      if (value !== null && value !== undefined) doc[key] = value
    }
    return doc
  }

  return {
    docOf,
    recordOf(row, now = Date.now()) {
      const doc = docOf(row)
      const answer: Doc = { id: row.id, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt, ...doc }
      for (const key of answeredAsNull) answer[key] ??= null
      if (snapshot && row[snapshot] !== null && row[snapshot] !== undefined) answer[snapshot] = row[snapshot]
      if (def.derive) Object.assign(answer, def.derive(doc, now))
      return answer as ApiRecord
    },
    rowOf(doc) {
      const row: Doc = {}
      for (const key of writableKeys) {
        const value = doc[key] ?? null
        row[key] = instants.has(key) && typeof value === 'string' ? new Date(value) : value
      }
      return row
    },
  }
}
