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

/** A value as JSON.stringify sees it: `toJSON()` called (dates), numbers that are not finite as null. */
function asJson(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return asJson((value as { toJSON(): unknown }).toJSON())
  }
  return value
}

/** A member JSON.stringify leaves out of an object (and writes as null in an array). */
const unwritten = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol'

/**
 * Whether two values are the same JSON document, key order aside: what comparing their
 * canonical texts (`canonicalJson` of each after a JSON round trip) says, without writing either:
 * a patch compares every field.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const x = asJson(a)
  const y = asJson(b)
  if (x === y) return true
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false
    const item = (v: unknown) => (unwritten(asJson(v)) ? null : v)
    return x.every((v, i) => sameJson(item(v), item(y[i])))
  }
  const xo = x as Record<string, unknown>
  const yo = y as Record<string, unknown>
  let members = 0
  for (const key of Object.keys(xo)) {
    if (unwritten(asJson(xo[key]))) continue
    members++
    if (!Object.hasOwn(yo, key) || unwritten(asJson(yo[key])) || !sameJson(xo[key], yo[key])) return false
  }
  return Object.keys(yo).filter((key) => !unwritten(asJson(yo[key]))).length === members
}

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
