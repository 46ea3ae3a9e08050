import { Type } from 'typebox'
import { problemCatalog } from '../core/problems.js'

const whenByStatus: Record<number, string> = {
  400: 'The request is not valid: `errors` points at every bad value (body, query, path or header).',
  401: 'No API key, or an unknown or revoked one.',
  403: 'The key lacks the scope, or the write lands outside its jurisdiction.',
  404: 'No such record: never existed, deleted, or outside the key’s jurisdiction.',
  409: 'A unique value is taken (`conflict`), or a business rule or status transition is not met (`rule-violation`, see `violations`).',
  406: 'The `Accept` header (or `format`) names no media type this route answers.',
  412: 'If-Match names a version that is no longer current.',
  413: 'The body is larger than 1 MiB.',
  415: 'The Content-Type is not JSON.',
  422: 'The Idempotency-Key was already used with a different body.',
  429: 'Too many requests for this API key; see Retry-After.',
  500: 'Unexpected failure; the body carries no internals, the request id finds it in the logs.',
  503: 'The database is unreachable or too slow; answered at once, retry later.',
}

// Headers some problem answers carry (RFC 9110 §11.6.1 challenge, §10.2.3 Retry-After).
const headersByStatus: Record<number, Record<string, { type: string; description: string }>> = {
  401: { 'WWW-Authenticate': { type: 'string', description: 'The Bearer challenge: `Bearer realm="fazhi-api"`.' } },
  429: { 'Retry-After': { type: 'string', description: 'Seconds to wait before retrying.' } },
}

/** Documented problem answers for a route: every status the route can give, with the Problem schema. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: `${Object.values(problemCatalog).find((p) => p.status === status)?.title ?? 'Error'}. ${whenByStatus[status] ?? ''}`.trim(),
        ...(headersByStatus[status] ? { headers: headersByStatus[status] } : {}),
        content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
      },
    ]),
  )
}

/** The errors any authenticated route can answer, besides its own. */
export const commonProblems = [401, 403, 429, 500, 503] as const
