// One value of a scalar kind, as text and back: the cell conversions of CSV and of list items
// (a party's role, a facility's date) share these, so a value reads the same wherever it is typed.

import { enumFromText } from './labels.js'
import { formatInstant, normaliseTyped, parseDayText, parseInstantText, type Parsed } from './instants.js'

export type ScalarKind = 'text' | 'integer' | 'number' | 'boolean' | 'enum' | 'datetime' | 'date'

export interface ScalarSpec {
  kind: ScalarKind
  /** enum value → Chinese label, for `enum`. */
  labels?: Readonly<Record<string, string>>
}

export const YES = '是'
export const NO = '否'
const TRUE_TEXT = new Set(['是', 'true'])
const FALSE_TEXT = new Set(['否', 'false'])

/** The text a clerk reads for a stored value: labels for enums, 是/否, UTC+8 instants. */
export function formatScalar(spec: ScalarSpec, value: unknown): string {
  if (value === undefined || value === null) return ''
  switch (spec.kind) {
    case 'boolean':
      return value === true ? YES : value === false ? NO : String(value)
    case 'enum':
      return spec.labels?.[String(value)] ?? String(value)
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? formatInstant(value) : String(value)
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
}

export const allowedLabels = (labels: Readonly<Record<string, string>>) => Object.values(labels).join('、')

/** Strict reading of typed text; `text` kind keeps the text exactly (the caller decides blankness). */
export function parseScalar(spec: ScalarSpec, raw: string): Parsed<unknown> {
  if (spec.kind === 'text') return { value: raw }
  const text = normaliseTyped(raw)
  switch (spec.kind) {
    case 'integer': {
      if (!/^[+-]?\d+$/.test(text)) return { error: `“${raw}”不是整数` }
      const n = Number(text)
      return Number.isSafeInteger(n) ? { value: n } : { error: `“${raw}”超出整数范围` }
    }
    case 'number':
      return /^[+-]?\d+(\.\d+)?$/.test(text) ? { value: Number(text) } : { error: `“${raw}”不是数字` }
    case 'boolean': {
      const t = text.toLowerCase()
      if (TRUE_TEXT.has(t)) return { value: true }
      if (FALSE_TEXT.has(t)) return { value: false }
      return { error: `“${raw}”应填“是”或“否”` }
    }
    case 'enum': {
      const value = enumFromText(text, spec.labels ?? {})
      return value !== undefined ? { value } : { error: `“${raw}”不是可选值（${allowedLabels(spec.labels ?? {})}）` }
    }
    case 'datetime':
      return parseInstantText(text)
    case 'date':
      return parseDayText(text)
  }
}
