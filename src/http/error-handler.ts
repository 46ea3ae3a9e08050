import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isDatabaseUnavailable, pgErrorOf } from '../db/errors.js'
import { PROBLEM_BASE, problem, problemCatalog, ProblemError, type ProblemSlug } from '../core/problems.js'
import { fieldErrors } from '../core/validation.js'
import { partOf } from './validation.js'

const slugByStatus: Record<number, ProblemSlug> = Object.fromEntries(
  Object.entries(problemCatalog)
    .filter(([slug]) => slug !== 'rule-violation' && slug !== 'import-rejected')
    .map(([slug, { status }]) => [status, slug as ProblemSlug]),
)

/** Everything that can go wrong, as one problem. Unknown errors become a bare 500. */
export function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error
  const e = error as FastifyError & { validationContext?: string }
  if (e.validation) {
    const errors = fieldErrors(e.validation as never, partOf(e.validationContext ?? 'body'))
    return new ProblemError('validation-error', errors.map((x) => `${x.pointer || '/'}: ${x.message}`).join('; '), { errors })
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('payload-too-large', 'The body is larger than this route accepts: 1 MiB of JSON, 5 MiB for a spreadsheet import.')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return problem('unsupported-media-type', 'Send application/json (or application/merge-patch+json for PATCH).')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ProblemError('validation-error', 'The body is empty.', { errors: [{ in: 'body', pointer: '', message: 'is required' }] })
  }
  if (isDatabaseUnavailable(error)) return problem('service-unavailable', 'The database is not reachable right now; retry shortly.')
  const pgError = pgErrorOf(error)
  if (pgError?.code === '23505') return problem('conflict', 'A unique value is already taken.')
  if (pgError?.code === '22P05' || pgError?.code === '22021') {
    return new ProblemError('validation-error', 'A text contains a character that cannot be stored.', {
      errors: [{ in: 'body', pointer: '', message: 'contains a character that cannot be stored' }],
    })
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500
  if (status >= 400 && status < 500) {
    const slug = slugByStatus[status] ?? 'validation-error'
    return problem(slug, slug === 'validation-error' ? 'The request is not valid.' : problemCatalog[slug].title)
  }
  return problem('internal-error', 'Something failed on our side; the request id identifies it in our logs.')
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, p: ProblemError) {
  const body: Record<string, unknown> = {
    type: PROBLEM_BASE + p.slug,
    title: problemCatalog[p.slug].title,
    status: p.status,
    detail: p.detail,
    instance: request.url.split('?')[0],
    requestId: request.id,
  }
  if (p.extras.errors) body.errors = p.extras.errors
  if (p.extras.violations) body.violations = p.extras.violations
  for (const [name, value] of Object.entries(p.extras.headers ?? {})) reply.header(name, value)
  return reply.code(p.status).type('application/problem+json').send(body)
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const p = toProblem(error)
    // 4xx are the caller's to fix (info); 5xx are ours (error, with the cause, never in the body).
    if (p.status >= 500) request.log.error({ err: error, problem: p.slug }, 'request failed')
    else request.log.info({ problem: p.slug, detail: p.detail }, 'request refused')
    return sendProblem(request, reply, p)
  })
  app.setNotFoundHandler((request, reply) => {
    request.log.info({ problem: 'not-found' }, 'no such route')
    return sendProblem(request, reply, problem('not-found', `No route ${request.method} ${request.url.split('?')[0]}.`))
  })
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (raw non-ASCII in the URL, oversized
 * headers, broken framing) still get a problem answer, then the connection is closed.
 */
export function malformedRequestHandler(error: Error & { code?: string }, socket: import('node:net').Socket): void {
  if (!socket.writable) {
    socket.destroy()
    return
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
  const status = tooLarge ? 431 : 400
  const body = JSON.stringify({
    type: PROBLEM_BASE + 'validation-error',
    title: problemCatalog['validation-error'].title,
    status,
    detail: tooLarge ? 'The request headers are too large.' : 'The request is not well-formed HTTP (percent-encode non-ASCII characters in the URL).',
    instance: '',
    requestId: '',
  })
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}
