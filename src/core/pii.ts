import type { TSchema } from 'typebox'
import { deref, type SchemaResolver } from './documents.js'

type Path = { segments: (string | '*')[]; kind: string }

/** `138****5678`: the carrier prefix and the last four digits stay, as staff read them on paper. */
export function maskPhone(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length)
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4)
}

/** `150826********1234`: the region code and the last four stay. */
export function maskIdNumber(value: string): string {
  if (value.length <= 10) return '*'.repeat(value.length)
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4)
}

function piiPaths(schema: TSchema, resolve: SchemaResolver, prefix: (string | '*')[] = [], out: Path[] = [], depth = 0): Path[] {
  const s = deref(schema, resolve) as { properties?: Record<string, TSchema>; items?: TSchema; anyOf?: TSchema[]; 'x-pii'?: string }
  if (depth > 12) return out
  if (s['x-pii']) out.push({ segments: prefix, kind: s['x-pii'] })
  for (const [key, child] of Object.entries(s.properties ?? {})) piiPaths(child, resolve, [...prefix, key], out, depth + 1)
  if (s.items) piiPaths(s.items, resolve, [...prefix, '*'], out, depth + 1)
  for (const branch of s.anyOf ?? []) piiPaths(branch, resolve, prefix, out, depth + 1)
  return out
}

function maskAt(value: unknown, segments: (string | '*')[], mask: (v: string) => string): unknown {
  if (segments.length === 0) return typeof value === 'string' ? mask(value) : value
  const [head, ...rest] = segments
  if (head === '*') return Array.isArray(value) ? value.map((v) => maskAt(v, rest, mask)) : value
  if (!value || typeof value !== 'object' || !(head! in value)) return value
  return { ...(value as Record<string, unknown>), [head!]: maskAt((value as Record<string, unknown>)[head!], rest, mask) }
}

/** A masker for one record schema, built once: it finds the fields marked `x-pii` in the schema. */
export function piiMasker(schema: TSchema, resolve: SchemaResolver): <T>(record: T) => T {
  const paths = piiPaths(schema, resolve)
  return <T>(record: T): T =>
    paths.reduce<unknown>((acc, p) => maskAt(acc, p.segments, p.kind === 'phone' ? maskPhone : maskIdNumber), record) as T
}

function pointersAt(value: unknown, segments: (string | '*')[], prefix: string, test: (v: string) => boolean, out: string[]): void {
  if (segments.length === 0) {
    if (typeof value === 'string' && test(value)) out.push(prefix)
    return
  }
  const [head, ...rest] = segments
  if (head === '*') {
    if (Array.isArray(value)) value.forEach((v, i) => pointersAt(v, rest, `${prefix}/${i}`, test, out))
  } else if (value && typeof value === 'object' && head! in value) {
    pointersAt((value as Record<string, unknown>)[head!], rest, `${prefix}/${head}`, test, out)
  }
}

/**
 * Pointers to personal values that look masked (`138****5678`). Answers carry masked values to
 * keys without `pii:read`; sent back, they would overwrite the real ones, so writes refuse them.
 */
export function maskedValuePointers(schema: TSchema, resolve: SchemaResolver, document: unknown): string[] {
  const out: string[] = []
  for (const p of piiPaths(schema, resolve)) pointersAt(document, p.segments, '', (v) => v.includes('*'), out)
  return out
}
