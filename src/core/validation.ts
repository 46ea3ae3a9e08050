import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import type { TSchema } from 'typebox'
import { safeIntegerText } from './numbers.js'
import { invalid, type FieldError } from './problems.js'

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

/** One ajv instance with every named schema; `coerceTypes` only for text (query, path, headers). */
export function makeAjv(coerceTypes: boolean | 'array', schemas: TSchema[]): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    removeAdditional: false, // strict input: an unknown field is an error, never silently dropped
    useDefaults: true,
    allErrors: true, // bounded by the maxLength/maxItems every schema carries
    strict: true,
    allowUnionTypes: true,
  })
  addFormats(ajv)
  narrowFormats(ajv)
  ajv.addKeyword({ keyword: 'x-pii', schemaType: 'string' })
  for (const schema of schemas) ajv.addSchema(schema)
  return ajv
}

type FormatCheck = { validate: (value: string) => boolean; compare?: (a: string, b: string) => number | undefined }
const MIN_YEAR = 100
const MAX_YEAR = 9999

/**
 * ajv-formats accepts what the database and the drivers cannot hold faithfully, so the request
 * would fail (500) or be changed silently: a leap second (23:59:60) and year 0000 (PostgreSQL
 * refuses both), years below 0100 (read back as 19xx), instants past 9999 in UTC (answered as
 * `+010000-…`), and `urn:uuid:` ids (PostgreSQL's uuid type refuses the prefix). All are a 400.
 */
function narrowFormats(ajv: Ajv): void {
  const base = (name: string) => ajv.formats[name] as unknown as FormatCheck
  const dateTime = base('date-time')
  const date = base('date')
  const inRange = (instant: number, writtenYear: number) => {
    if (!Number.isFinite(instant) || writtenYear < MIN_YEAR) return false
    const year = new Date(instant).getUTCFullYear()
    return year >= MIN_YEAR && year <= MAX_YEAR
  }
  ajv.addFormat('date-time', { ...dateTime, validate: (s: string) => dateTime.validate(s) && inRange(Date.parse(s), Number(s.slice(0, 4))) })
  ajv.addFormat('date', { ...date, validate: (s: string) => date.validate(s) && inRange(Date.parse(`${s}T12:00:00Z`), Number(s.slice(0, 4))) })
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  ajv.addFormat('safe-integer', safeIntegerText)
}

/** ajv errors as `errors[]` entries: one per offending value, pointing at the value itself. */
export function fieldErrors(errors: ErrorObject[], where: FieldError['in']): FieldError[] {
  const byPointer = new Map<string, FieldError & { weak: boolean }>()
  for (const e of errors) {
    let pointer = e.instancePath
    let message = e.message ?? 'is not valid'
    const params = e.params as Record<string, unknown>
    if (e.keyword === 'additionalProperties') {
      pointer += `/${String(params.additionalProperty)}`
      message = 'is not a known field'
    } else if (e.keyword === 'required') {
      pointer += `/${String(params.missingProperty)}`
      message = 'is required'
    } else if (e.keyword === 'enum') {
      message = `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`
    }
    // In a nullable union, "must be null" and "must match a schema in anyOf" only restate the real error.
    const weak = e.keyword === 'anyOf' || (e.keyword === 'type' && params.type === 'null')
    const existing = byPointer.get(pointer)
    if (!existing || (existing.weak && !weak)) byPointer.set(pointer, { in: where, pointer, message, weak })
  }
  return [...byPointer.values()].map(({ weak: _weak, ...error }) => error)
}

/** Validates a document against a compiled schema, throwing a 400 problem naming every bad value. */
export function assertValid(validate: ValidateFunction, value: unknown, where: FieldError['in'] = 'body'): void {
  if (!validate(value)) throw invalid(fieldErrors(validate.errors ?? [], where))
}
