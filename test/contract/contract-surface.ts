// What callers and generated SDKs rely on in the contract: its operations, the fields of its
// answers and its enum values. A baseline of it (openapi/baseline.json) is tied to info.version.

export interface Surface {
  version: string
  /** `METHOD /path operationId`. */
  operations: string[]
  /** `operationId status media-type` → the component answered, or its fields when inline. */
  responses: Record<string, string | string[]>
  /** Component → every field path of an answer (`parties[].phone`), through nested components. */
  schemas: Record<string, string[]>
  /** Where an enum is (`Dispute.status`, `listDisputes query status[]`) → its values. */
  enums: Record<string, string[]>
}

const methods = ['get', 'put', 'post', 'patch', 'delete'] as const
const refName = (schema: any): string | undefined => (typeof schema?.$ref === 'string' ? schema.$ref.split('/').pop() : undefined)

/** Field paths of a schema, following $ref, unions and arrays; `seen` stops recursive schemas. */
function fieldsOf(doc: any, schema: any, prefix = '', seen = new Set<string>()): string[] {
  const name = refName(schema)
  if (name) {
    if (seen.has(name)) return []
    return fieldsOf(doc, doc.components.schemas[name], prefix, new Set([...seen, name]))
  }
  if (!schema || typeof schema !== 'object') return []
  const out: string[] = []
  for (const [key, value] of Object.entries<any>(schema.properties ?? {})) {
    out.push(`${prefix}${key}`, ...fieldsOf(doc, value, `${prefix}${key}.`, seen))
  }
  if (schema.items) out.push(...fieldsOf(doc, schema.items, prefix.replace(/\.$/, '[].'), seen))
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) out.push(...fieldsOf(doc, branch, prefix, seen))
  return [...new Set(out)].sort()
}

/** Enum locations of a schema, not following $ref (each component is visited on its own). */
function enumsOf(schema: any, at: string, out: Record<string, string[]>): void {
  if (!schema || typeof schema !== 'object' || schema.$ref) return
  if (Array.isArray(schema.enum)) out[at] = [...schema.enum].map(String).sort()
  for (const [key, value] of Object.entries<any>(schema.properties ?? {})) enumsOf(value, `${at}.${key}`, out)
  if (schema.items) enumsOf(schema.items, `${at}[]`, out)
  for (const [i, branch] of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].entries()) enumsOf(branch, `${at}|${i}`, out)
}

export function surfaceOf(doc: any): Surface {
  const operations: string[] = []
  const responses: Surface['responses'] = {}
  const schemas: Surface['schemas'] = {}
  const enums: Surface['enums'] = {}
  for (const name of Object.keys(doc.components?.schemas ?? {}).sort()) enumsOf(doc.components.schemas[name], name, enums)
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const method of methods) {
      const op = item[method]
      if (!op) continue
      operations.push(`${method.toUpperCase()} ${path} ${op.operationId}`)
      for (const parameter of op.parameters ?? []) enumsOf(parameter.schema, `${op.operationId} ${parameter.in} ${parameter.name}`, enums)
      for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
        for (const [header, definition] of Object.entries<any>(response.headers ?? {})) enumsOf(definition.schema, `${op.operationId} ${status} header ${header}`, enums)
        for (const [mediaType, media] of Object.entries<any>(response.content ?? {})) {
          const key = `${op.operationId} ${status} ${mediaType}`
          const name = refName(media.schema)
          if (name) {
            responses[key] = name
            schemas[name] ??= fieldsOf(doc, media.schema)
          } else responses[key] = fieldsOf(doc, media.schema)
        }
      }
    }
  }
  return { version: doc.info.version, operations: operations.sort(), responses: sortKeys(responses), schemas: sortKeys(schemas), enums: sortKeys(enums) }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

const fieldsAt = (surface: Surface, key: string): string[] => {
  const entry = surface.responses[key]
  return typeof entry === 'string' ? (surface.schemas[entry] ?? []) : (entry ?? [])
}

/** What `before` promised that `after` no longer does: each breaks a caller built on `before`. */
export function removals(before: Surface, after: Surface): string[] {
  const out: string[] = []
  const operations = new Set(after.operations)
  for (const op of before.operations) if (!operations.has(op)) out.push(`operation removed: ${op}`)
  for (const key of Object.keys(before.responses)) {
    if (!(key in after.responses)) {
      out.push(`response removed: ${key}`)
      continue
    }
    const kept = new Set(fieldsAt(after, key))
    for (const field of fieldsAt(before, key)) if (!kept.has(field)) out.push(`response field removed: ${key} ${field}`)
  }
  for (const [at, values] of Object.entries(before.enums)) {
    const kept = new Set(after.enums[at] ?? [])
    if (!(at in after.enums)) out.push(`enum removed: ${at}`)
    else for (const value of values) if (!kept.has(value)) out.push(`enum value removed: ${at} ${value}`)
  }
  return out
}
