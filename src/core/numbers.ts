import type { ErrorObject, ValidateFunction } from 'ajv'

// Numbers as callers may write them, and as the service reads them. A query string, path or
// header value is text; ajv's coercion reads it with `+text`, which takes `Infinity`, `1e309`
// (Infinity again, then a 500 from the database), `0x10` (16), ` 5` (5), `05`, `+5` and `1e1`, and
// rounds `9007199254740993` to 2^53 without a word. Only a plain decimal that a double holds
// exactly is a number here (I-JSON, RFC 7493 §2.2: integers within ±(2^53 − 1)); anything else
// is a 400 pointing at it, before ajv coerces it.

export type NumericKind = 'integer' | 'number'

const INTEGER_TEXT = /^-?(0|[1-9][0-9]*)$/
const NUMBER_TEXT = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/
const SAFE_INTEGER_TEXT = /^(0|[1-9][0-9]{0,15})$/

/** Why a number is not one the service takes (not finite, negative zero, past ±(2^53 − 1)); undefined when it is. */
export function numberProblem(value: number, kind: NumericKind): string | undefined {
  if (!Number.isFinite(value)) return 'must be a finite number'
  if (Object.is(value, -0)) return 'must not be negative zero (-0)'
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return `must lie within ±${Number.MAX_SAFE_INTEGER}`
  if (kind === 'integer' && !Number.isInteger(value)) return 'must be integer'
  return undefined
}

/** Why a text is not a number the service takes; undefined when it is. */
export function numberTextProblem(text: string, kind: NumericKind): string | undefined {
  if (!(kind === 'integer' ? INTEGER_TEXT : NUMBER_TEXT).test(text)) {
    return kind === 'integer' ? 'must be an integer in plain decimal digits (like 20)' : 'must be a number in plain decimal notation (like 0.25)'
  }
  return numberProblem(Number(text), kind)
}

/** ajv format `safe-integer`: a non-negative integer as text (a feed position), exact in a double. */
export const safeIntegerText = (text: string) => SAFE_INTEGER_TEXT.test(text) && Number(text) <= Number.MAX_SAFE_INTEGER

type SchemaNode = { $ref?: string; type?: string | string[]; anyOf?: SchemaNode[]; oneOf?: SchemaNode[]; allOf?: SchemaNode[]; items?: SchemaNode; properties?: Record<string, SchemaNode> }

/** The numeric kind a parameter's schema asks for (an array's items for a repeatable one), or undefined. */
function kindOf(schema: SchemaNode | undefined, resolve: (ref: string) => SchemaNode | undefined, depth = 0): { kind: NumericKind; array: boolean } | undefined {
  if (!schema || depth > 8) return undefined
  if (schema.$ref) return kindOf(resolve(schema.$ref), resolve, depth + 1)
  const types = [schema.type ?? []].flat()
  if (types.includes('string')) return undefined
  if (types.includes('integer')) return { kind: 'integer', array: false }
  if (types.includes('number')) return { kind: 'number', array: false }
  if (types.includes('array')) {
    const item = kindOf(schema.items, resolve, depth + 1)
    return item && { kind: item.kind, array: true }
  }
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    const found = kindOf(branch, resolve, depth + 1)
    if (found) return found
  }
  return undefined
}

function numericParameters(schema: SchemaNode, resolve: (ref: string) => SchemaNode | undefined, lowerCase: boolean) {
  const root = schema.$ref ? resolve(schema.$ref) : schema
  const out: { name: string; kind: NumericKind; array: boolean }[] = []
  for (const [name, child] of Object.entries(root?.properties ?? {})) {
    const found = kindOf(child, resolve)
    if (found) out.push({ name: lowerCase ? name.toLowerCase() : name, ...found })
  }
  return out
}

/**
 * Wraps the validator of a query string, path or header schema: every numeric parameter's text is
 * checked as written before ajv coerces it, and a bad one is reported like any schema error (one
 * entry, pointing at the parameter), together with the schema's own errors for the rest.
 */
export function checkNumberText(validate: ValidateFunction, schema: object, resolve: (ref: string) => SchemaNode | undefined, headers: boolean): ValidateFunction {
  const parameters = numericParameters(schema as SchemaNode, resolve, headers)
  if (parameters.length === 0) return validate
  const wrapped = ((data: unknown) => {
    const own: ErrorObject[] = []
    if (data && typeof data === 'object') {
      const values = data as Record<string, unknown>
      for (const { name, kind, array } of parameters) {
        const value = values[name]
        const texts = Array.isArray(value) ? value : [value]
        texts.forEach((text, i) => {
          if (typeof text !== 'string') return
          const message = numberTextProblem(text, kind)
          const instancePath = `/${name}${array && Array.isArray(value) ? `/${i}` : array ? '/0' : ''}`
          if (message) own.push({ instancePath, schemaPath: '#/numberText', keyword: 'type', params: { type: kind }, message })
        })
      }
    }
    const valid = validate(data)
    wrapped.errors = own.length > 0 ? [...own, ...(validate.errors ?? [])] : validate.errors
    return valid && own.length === 0
  }) as ValidateFunction
  return Object.assign(wrapped, { schema: validate.schema, schemaEnv: validate.schemaEnv })
}
