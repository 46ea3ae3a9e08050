import { readFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

// ajv-formats is CommonJS: under ESM the plugin is its `default` export.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default

/** The committed contract, as callers and SDK generators read it. */
export function loadDocument(): any {
  return JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'))
}

/** JSON Pointer (RFC 6901) of a path of keys, as a URI fragment ajv can resolve. */
export const pointer = (...keys: string[]) => keys.map((k) => `/${encodeURIComponent(k.replace(/~/g, '~0').replace(/\//g, '~1'))}`).join('')

/** An ajv over the whole document, so `#/components/schemas/X` references resolve as in the contract (OpenAPI 3.1 is JSON Schema 2020-12). */
export function documentAjv(doc: unknown): { schemaAt(pointer: string): ValidateFunction } {
  // strict: false because OpenAPI adds keywords of its own (`example`, `x-pii`) to JSON Schema.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
  addFormats(ajv)
  ajv.addSchema(doc as object, 'openapi')
  return {
    schemaAt(at) {
      const validate = ajv.getSchema(`openapi#${at}`)
      if (!validate) throw new Error(`no schema at ${at}`)
      return validate
    },
  }
}

export interface ObservedResponse {
  method: string
  /** The path template as the document names it: `/v1/disputes/{id}`. */
  path: string
  status: number
  headers: Headers
  body: string
}

/**
 * Checks real answers against the document, as Prism's proxy does with `--errors`: the status is
 * documented, the media type is one the document lists, the body matches its schema, and every
 * documented header that is present (or required) matches its schema.
 */
export function responseValidator(doc: any) {
  const ajv = documentAjv(doc)
  const violations: string[] = []

  function check(r: ObservedResponse): string[] {
    const found: string[] = []
    const where = `${r.method.toUpperCase()} ${r.path} → ${r.status}`
    const operation = doc.paths?.[r.path]?.[r.method.toLowerCase()]
    if (!operation) return [`${where}: no such operation in the document`]
    const key = String(r.status) in operation.responses ? String(r.status) : `${String(r.status)[0]}XX` in operation.responses ? `${String(r.status)[0]}XX` : 'default'
    const response = operation.responses[key]
    if (!response) return [`${where}: status not documented`]

    for (const [name, header] of Object.entries<any>(response.headers ?? {})) {
      const value = r.headers.get(name)
      if (value === null) {
        if (header.required) found.push(`${where}: required header ${name} missing`)
        continue
      }
      const validate = ajv.schemaAt(pointer('paths', r.path, r.method.toLowerCase(), 'responses', key, 'headers', name, 'schema'))
      if (!validate(value)) found.push(`${where}: header ${name}=${value} ${JSON.stringify(validate.errors)}`)
    }

    const mediaTypes = Object.keys(response.content ?? {})
    if (mediaTypes.length === 0) {
      if (r.body.length > 0) found.push(`${where}: a body where the document has none`)
      return found
    }
    const contentType = (r.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const mediaType = mediaTypes.find((m) => m.toLowerCase() === contentType)
    if (!mediaType) return [...found, `${where}: content-type ${contentType || '(none)'} is not one of ${mediaTypes.join(', ')}`]
    let body: unknown = r.body
    if (/json/.test(mediaType)) {
      try {
        body = JSON.parse(r.body)
      } catch {
        return [...found, `${where}: body is not JSON`]
      }
    }
    const validate = ajv.schemaAt(pointer('paths', r.path, r.method.toLowerCase(), 'responses', key, 'content', mediaType, 'schema'))
    if (!validate(body)) found.push(`${where}: body ${JSON.stringify(validate.errors)}`)
    return found
  }

  return {
    check,
    /** Every violation seen by `record`, in order. */
    violations,
    /** How many answers `record` checked. */
    checked: 0,
    record(r: ObservedResponse): void {
      this.checked++
      violations.push(...check(r))
    },
  }
}
