import type { Ajv } from 'ajv'
import type { FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import type { FieldError } from '../core/problems.js'
import { invalid } from '../core/problems.js'
import { checkNumberText } from '../core/numbers.js'
import { makeAjv } from '../core/validation.js'

/**
 * Bodies are validated exactly as sent (no type coercion: `{"title": 1}` is a 400); query strings,
 * path parameters and headers arrive as text, so they are coerced, and a single value of a
 * repeatable filter becomes a one-item array. A number in text is first checked as written
 * (`core/numbers.ts`): ajv's coercion would take `1e309`, `0x10` or ` 5`.
 */
export function createValidatorCompiler(schemas: TSchema[]): { compiler: FastifySchemaCompiler<TSchema>; body: Ajv } {
  const body = makeAjv(false, schemas)
  const text = makeAjv('array', schemas)
  return {
    body,
    compiler: ({ schema, httpPart }) => {
      // A file body (`format: binary`) is read by its own reader (an import), not validated as JSON.
      if (httpPart === 'body' && (schema as { format?: string }).format === 'binary') return () => true
      if (httpPart === 'body') return body.compile(schema as object)
      const resolve = (ref: string) => text.getSchema(ref)?.schema as object | undefined
      return checkNumberText(text.compile(schema as object), schema as object, resolve, httpPart === 'headers')
    },
  }
}

const partNames: Record<string, FieldError['in']> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' }

/** Where Fastify's validation context (`querystring`, `params`, …) sits in a problem's `errors`. */
export const partOf = (context: string): FieldError['in'] => partNames[context] ?? 'body'

/**
 * The query parser reads a percent-escape that is not UTF-8 (`q=%FF`, the overlong `%C0%AF`) as
 * literal text, so the filter would silently search for something the caller never sent: a 400.
 */
export function assertQueryEncoding(url: string): void {
  const query = url.slice(url.indexOf('?') + 1 || url.length)
  for (const run of query.match(/(?:%[0-9A-Fa-f]{2})+/g) ?? []) {
    try {
      decodeURIComponent(run)
    } catch {
      throw invalid([{ in: 'query', pointer: '', message: `${run.slice(0, 30)} is not percent-encoded UTF-8` }])
    }
  }
}
