import { createHash } from 'node:crypto'
import type { TSchema } from 'typebox'

type JsonSchema = {
  $ref?: string
  format?: string
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
}
/** Finds a named schema (`$ref`) among the registered components. */
export type SchemaResolver = (ref: string) => TSchema | undefined

export function deref(schema: TSchema, resolve: SchemaResolver): JsonSchema {
  let s = schema as JsonSchema
  for (let i = 0; s.$ref && i < 8; i++) s = (resolve(s.$ref) ?? {}) as JsonSchema
  return s
}

const isDateTime = (s: JsonSchema, resolve: SchemaResolver) =>
  s.format === 'date-time' || Boolean(s.anyOf?.some((a) => deref(a as TSchema, resolve).format === 'date-time'))

/**
 * Rewrites every `date-time` value of a validated document to UTC with milliseconds
 * (`2025-06-01T00:30:00.000Z`), guided by its schema: responses speak UTC, and stored instants
 * compare exactly with the ones a client reads back.
 */
export function normalizeDateTimes(schema: TSchema, value: unknown, resolve: SchemaResolver): unknown {
  const s = deref(schema, resolve)
  const branches = [s, ...(s.anyOf ?? []).map((a) => deref(a as TSchema, resolve))]
  if (typeof value === 'string') return isDateTime(s, resolve) ? new Date(value).toISOString() : value
  if (Array.isArray(value)) {
    const items = branches.find((b) => b.items)?.items
    return items ? value.map((v) => normalizeDateTimes(items as TSchema, v, resolve)) : value
  }
  if (value && typeof value === 'object') {
    const properties = branches.find((b) => b.properties)?.properties
    if (!properties) return value
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, properties[k] ? normalizeDateTimes(properties[k] as TSchema, v, resolve) : v]),
    )
  }
  return value
}

/** JSON with object keys sorted: two documents that differ only in key order give the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    return `{${Object.keys(record).sort().filter((k) => record[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The JSON form of a value (dates as ISO strings), as stored in audit events and idempotency records. */
export const toJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** Top-level names whose schema is a date-time: those columns hold instants, not text. */
export function dateTimeFields(schema: TSchema, resolve: SchemaResolver): Set<string> {
  const properties = deref(schema, resolve).properties ?? {}
  return new Set(Object.entries(properties).filter(([, p]) => isDateTime(deref(p as TSchema, resolve), resolve)).map(([k]) => k))
}

/** What an Idempotency-Key is bound to: the method, the route and the body, whatever its key order. */
export const requestHash = (method: string, path: string, body: unknown) =>
  createHash('sha256')
    .update(`${method} ${path}\n`)
    // A file (an import) is its bytes; a JSON document its canonical text.
    .update(Buffer.isBuffer(body) ? body : canonicalJson(body))
    .digest('hex')
