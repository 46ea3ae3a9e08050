// The column model: one definition per collection drives the template, the import and the export.
// Columns are derived from the collection's TypeBox schema — kinds from `type`, `format`, `enum`
// and `x-pii`, labels from the enum legends the OpenAPI document carries, required from `required`
// — plus the Chinese headers, which only the collection can give. A nested object's members become
// columns of their own (`resolution.method` 化解方式); a list becomes one cell of readable text.

import type { TSchema } from 'typebox'
import { assertDistinctLabels, labelsFromDescription } from './labels.js'
import { scalarListCodec, tupleListCodec, type ListCodec, type ListPart } from './list-codecs.js'
import { allowedLabels, formatScalar, NO, YES, type ScalarKind } from './scalars.js'

export type ColumnKind = ScalarKind | 'list'

export interface SheetColumn {
  /** The record field it fills, a dotted path for a nested member (`resolution.method`). */
  field: string
  /** The Chinese header, as the template writes it and the import matches it. */
  header: string
  kind: ColumnKind
  /** Required in a new record: the field and every object above it are required. */
  required: boolean
  /** enum value → Chinese label (`enum`, and `boolean` as 是/否). */
  labels?: Readonly<Record<string, string>>
  /** An example cell, as a clerk would type it. */
  example: string
  /** How to fill it, in Chinese, for the explanation sheet. */
  format: string
  /** The cell text of a list, both ways (`list`). */
  list?: ListCodec
  /** Personal data (`x-pii`): the export masks it for keys without `pii:read`. */
  pii?: 'phone' | 'id-number'
  maxLength?: number
}

export type SchemaResolver = (ref: string) => TSchema | undefined

export interface ColumnOptions {
  /** Chinese header of every column, by field path. A column without one is a definition error. */
  headers: Readonly<Record<string, string>>
  /** The columns and their order, as field paths; default: every property, nested ones flattened. */
  order?: readonly string[]
  /** `$ref` → schema, for referenced components (`DisputeParty`). */
  resolve?: SchemaResolver
  /**
   * Columns that are not schema fields, or corrections of derived ones: the import's
   * `gridUnitCode` (网格编码) stands where the schema has `gridUnitId`.
   */
  columns?: Readonly<Record<string, Partial<Omit<SheetColumn, 'field' | 'header'>>>>
}

interface Json {
  $ref?: string
  type?: string | string[]
  format?: string
  enum?: unknown[]
  anyOf?: Json[]
  properties?: Record<string, Json>
  required?: string[]
  items?: Json
  description?: string
  examples?: unknown[]
  maxLength?: number
  minimum?: number
  maximum?: number
  'x-pii'?: 'phone' | 'id-number'
}

/** Follows `$ref`s, and takes the non-null branch of a nullable union (`Nullable(X)`). */
function unwrap(schema: Json, resolve: SchemaResolver | undefined): Json {
  let s = schema
  for (let i = 0; i < 8; i++) {
    if (s.$ref) {
      const target = resolve?.(s.$ref) as Json | undefined
      if (!target) throw new Error(`schema $ref ${s.$ref} cannot be resolved`)
      s = target
    } else if (s.anyOf) {
      const branches = s.anyOf.map((b) => unwrap(b, resolve)).filter((b) => b.type !== 'null')
      // `DateOrDateTime` is a union of a date and a date-time: it reads as an instant.
      if (branches.some((b) => b.format === 'date-time')) return { ...branches[0], format: 'date-time', description: s.description }
      if (branches.length !== 1) throw new Error('a union other than X | null has no spreadsheet column')
      s = { ...branches[0], description: branches[0]!.description ?? s.description }
    } else return s
  }
  throw new Error('schema $ref chain too deep')
}

function scalarKind(s: Json): ScalarKind | undefined {
  if (s.enum) return 'enum'
  switch (s.type) {
    case 'boolean':
      return 'boolean'
    case 'integer':
      return 'integer'
    case 'number':
      return 'number'
    case 'string':
      return s.format === 'date-time' ? 'datetime' : s.format === 'date' ? 'date' : 'text'
  }
  return undefined
}

const enumLabels = (s: Json) => labelsFromDescription(s.enum!.map(String), s.description)

function formatNote(kind: ColumnKind, s: Json, labels?: Readonly<Record<string, string>>): string {
  switch (kind) {
    case 'enum':
      return `从下拉列表选择：${allowedLabels(labels!)}（也可填英文值）`
    case 'boolean':
      return `填“${YES}”或“${NO}”`
    case 'datetime':
      return '日期时间（北京时间），如 2025-03-31 15:30；也可填 2025-03-31、2025/3/31 或 Excel 日期'
    case 'date':
      return '日期，如 2025-03-31 或 2025/3/31'
    case 'integer':
    case 'number': {
      const range = s.minimum !== undefined && s.maximum !== undefined ? `，${s.minimum}–${s.maximum}` : s.minimum !== undefined ? `，不小于 ${s.minimum}` : ''
      return `${kind === 'integer' ? '整数' : '数字'}${range}`
    }
    default:
      return s.maxLength ? `文本，最多 ${s.maxLength} 字` : '文本'
  }
}

const defaultExample: Partial<Record<ColumnKind, string>> = { datetime: '2025-03-31 15:30', date: '2025-03-31', integer: '0', number: '0', boolean: NO }

/** A list's cell form, and an example item built from its members' examples. */
function listCodec(field: string, items: Json, resolve: SchemaResolver | undefined): { codec: ListCodec; example: string } {
  const item = unwrap(items, resolve)
  const kind = scalarKind(item)
  if (kind) {
    const codec = scalarListCodec({ kind, ...(kind === 'enum' ? { labels: enumLabels(item) } : {}) }, '')
    return { codec, example: codec.format(item.enum ? item.enum.slice(0, 2) : (item.examples ?? []).slice(0, 1)) }
  }
  if (!item.properties) throw new Error(`column ${field}: a list of ${JSON.stringify(item.type)} has no cell form`)
  const parts: (ListPart & { sample: unknown })[] = Object.entries(item.properties).map(([key, member]) => {
    const m = unwrap(member, resolve)
    const k = scalarKind(m)
    if (!k) throw new Error(`column ${field}: member ${key} is not a scalar`)
    // The member's name is the Chinese words its description begins with (`当事人身份 role`).
    const name = /^[^\sA-Za-z`(（:：,，;；.]+/.exec(m.description ?? '')?.[0] ?? key
    return { key, name, kind: k, required: item.required?.includes(key) ?? false, ...(k === 'enum' ? { labels: enumLabels(m) } : {}), sample: m.examples?.[0] ?? m.enum?.[0] }
  })
  const codec = tupleListCodec(parts)
  return { codec, example: codec.format([Object.fromEntries(parts.map((p) => [p.key, p.sample]))]) }
}

/** The schema and required-ness at a dotted path, or undefined when the path is not in the schema. */
function at(root: Json, path: string, resolve: SchemaResolver | undefined): { s: Json; required: boolean } | undefined {
  let s = unwrap(root, resolve)
  let required = true
  for (const key of path.split('.')) {
    const child = s.properties?.[key]
    if (!child) return undefined
    required &&= s.required?.includes(key) ?? false
    s = unwrap(child, resolve)
  }
  return { s, required }
}

/** Every leaf path: objects flattened, arrays and scalars kept whole. */
function leafPaths(s: Json, resolve: SchemaResolver | undefined, prefix = ''): string[] {
  return Object.entries(s.properties ?? {}).flatMap(([key, child]) => {
    const c = unwrap(child, resolve)
    const path = prefix + key
    return c.properties && c.type !== 'array' ? leafPaths(c, resolve, `${path}.`) : [path]
  })
}

export function columnsFromSchema(schema: TSchema, options: ColumnOptions): SheetColumn[] {
  const root = schema as unknown as Json
  const { resolve } = options
  const order = options.order ?? leafPaths(unwrap(root, resolve), resolve)
  const columns = order.map((field): SheetColumn => {
    const header = options.headers[field]
    if (!header) throw new Error(`column ${field} has no Chinese header`)
    const custom = options.columns?.[field] ?? {}
    const found = at(root, field, resolve)
    if (!found) {
      if (!custom.kind) throw new Error(`column ${field} is not in the schema and has no definition`)
      return { field, header, required: false, example: defaultExample[custom.kind] ?? '', format: formatNote(custom.kind, {}, custom.labels), ...custom, kind: custom.kind }
    }
    const { s, required } = found
    const kind: ColumnKind | undefined = s.type === 'array' ? 'list' : scalarKind(s)
    if (!kind) throw new Error(`column ${field}: schema type ${JSON.stringify(s.type)} has no cell form`)
    const labels = kind === 'enum' ? enumLabels(s) : kind === 'boolean' ? { true: YES, false: NO } : undefined
    const derived = kind === 'list' ? listCodec(field, s.items ?? {}, resolve) : undefined
    const list = derived?.codec
    const first = s.examples?.[0]
    const example = list
      ? Array.isArray(first) ? list.format(first) : derived.example
      : first === undefined
        ? kind === 'enum' ? Object.values(labels!)[0]! : (defaultExample[kind] ?? '')
        : formatScalar({ kind: kind as ScalarKind, ...(labels ? { labels } : {}) }, first)
    return {
      field,
      header,
      required,
      example,
      format: list ? list.note : formatNote(kind, s, labels),
      ...(labels ? { labels } : {}),
      ...(list ? { list } : {}),
      ...(s['x-pii'] ? { pii: s['x-pii'] } : {}),
      ...(s.maxLength ? { maxLength: s.maxLength } : {}),
      ...custom,
      kind: custom.kind ?? kind,
    }
  })
  assertUnique(columns)
  return columns
}

function assertUnique(columns: readonly SheetColumn[]): void {
  const names = new Map<string, string>()
  for (const c of columns) {
    if (c.labels && c.kind === 'enum') assertDistinctLabels(c.field, c.labels)
    for (const name of [c.header, c.field]) {
      const other = names.get(name.toLowerCase())
      if (other && other !== c.field) throw new Error(`columns ${other} and ${c.field} are both called ${name}`)
      names.set(name.toLowerCase(), c.field)
    }
  }
}

/**
 * The column a JSON Pointer of a record falls in (`/parties/0/name` → parties,
 * `/resolution/summary` → resolution.summary): the longest field path that starts the pointer.
 * It places the record validation's errors in the sheet.
 */
export function columnAt(columns: readonly SheetColumn[], pointer: string): SheetColumn | undefined {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  let best: SheetColumn | undefined
  for (const c of columns) {
    const path = c.field.split('.')
    if (path.length <= segments.length && path.every((p, i) => p === segments[i]) && (!best || path.length > best.field.split('.').length)) best = c
  }
  // A pointer at a whole group (`/resolution`, a rule's missing part) names the group's first column.
  return best ?? columns.find((c) => segments.length > 0 && segments.every((s, i) => c.field.split('.')[i] === s))
}
