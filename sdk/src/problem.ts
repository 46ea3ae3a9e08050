import type { components } from '../schema.js'

export type Problem = components['schemas']['Problem']
export type FieldError = components['schemas']['FieldError']
export type RuleViolation = components['schemas']['RuleViolation']
export type ImportRowError = components['schemas']['ImportRowError']

const isFieldError = (e: FieldError | ImportRowError): e is FieldError => 'pointer' in e
const isRowError = (e: FieldError | ImportRowError): e is ImportRowError => !isFieldError(e)

/** The slugs of the contract's problem catalog (API.md §2); an unknown one is kept as it came. */
export type ProblemSlug =
  | 'validation-error'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rule-violation'
  | 'precondition-failed'
  | 'not-acceptable'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'idempotency-key-reused'
  | 'import-rejected'
  | 'rate-limited'
  | 'service-unavailable'
  | 'internal-error'
  | (string & {})

/**
 * An error answer as RFC 9457 problem details: branch on `slug`, read `violations` (broken
 * business rules), `errors` (bad values, by JSON Pointer) and `rowErrors` (an import's bad rows,
 * by row and column), quote `requestId` to the operator.
 * An answer that is not problem+json (a proxy's HTML page) becomes `about:blank` with its status.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError'
  readonly status: number
  readonly slug: ProblemSlug
  readonly errors: FieldError[]
  readonly rowErrors: ImportRowError[]
  readonly violations: RuleViolation[]
  readonly requestId: string | undefined
  /** From `Retry-After`, when the answer had one (429). */
  readonly retryAfterMs: number | undefined

  constructor(
    readonly problem: Problem,
    response?: Response,
  ) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`)
    this.status = problem.status
    this.slug = problem.type.includes('/problems/') ? problem.type.slice(problem.type.lastIndexOf('/problems/') + 10) : problem.type
    this.errors = (problem.errors ?? []).filter(isFieldError)
    this.rowErrors = (problem.errors ?? []).filter(isRowError)
    this.violations = problem.violations ?? []
    this.requestId = problem.requestId || response?.headers.get('x-request-id') || undefined
    this.retryAfterMs = response ? retryAfterMs(response) : undefined
  }
}

const isProblemBody = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && typeof (body as Problem).type === 'string' && typeof (body as Problem).status === 'number'

/** The error of an answer that is not 2xx; `body` is what was already read from it (openapi-fetch's `error`). */
export function problemOf(response: Response, body: unknown): ProblemError {
  if (isProblemBody(body)) return new ProblemError(body, response)
  const url = new URL(response.url || 'http://localhost/')
  return new ProblemError(
    {
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      detail: typeof body === 'string' ? body.slice(0, 500) : '',
      instance: url.pathname,
      requestId: response.headers.get('x-request-id') ?? '',
    },
    response,
  )
}

/** `data` of an openapi-fetch result, or its error thrown as a ProblemError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw problemOf(result.response, result.error)
  return result.data as T
}

/** True when `error` is a ProblemError (with that slug, when one is given). */
export function isProblem(error: unknown, slug?: ProblemSlug): error is ProblemError {
  return error instanceof ProblemError && (slug === undefined || error.slug === slug)
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after')?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now())
}
