import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import type { Logger } from 'pino'
import pino from 'pino'

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/

/** A caller's X-Request-Id is kept when it is a sane token, so one id follows a call across systems. */
export const genReqId: NonNullable<FastifyServerOptions['genReqId']> = (request) => {
  const given = request.headers['x-request-id']
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID()
}

// Query strings can carry a phone or identity-card number (`q=13800135678`): digits runs long
// enough to be one are masked wherever a URL or message is logged.
const longDigits = /\d{7,}/g
export const scrubText = (text: string) => text.replace(longDigits, (d) => `${d.slice(0, 3)}****${d.slice(-2)}`)

/**
 * pino options: JSON lines, no request bodies, no Authorization header, and no query parameters
 * of failed SQL (Drizzle puts them in the error message; they may be personal data).
 */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'], censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: scrubText(req.url), requestId: req.id }),
      err: (err: Error) => {
        // Drizzle's query error also carries the values as its own `params` member: dropped whole.
        const { params: _params, ...serialized } = pino.stdSerializers.err(err) as ReturnType<typeof pino.stdSerializers.err> & { params?: unknown }
        const scrub = (text: string | undefined) => text?.replace(/params: [\s\S]*/g, 'params: [redacted]')
        return { ...serialized, message: scrub(serialized.message) ?? '', stack: scrub(serialized.stack) ?? '' }
      },
    },
  }
}

/** The request id goes back on every answer; one log line per request, written when it is answered. */
export function registerRequestLog(app: FastifyInstance): void {
  // Callback hooks, not async ones: no promise per request for work that never waits.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
  app.addHook('onResponse', (request, reply, done) => {
    if ((request.log as Logger).isLevelEnabled('info')) {
      request.log.info(
        { method: request.method, url: scrubText(request.url.split('?')[0] ?? ''), route: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request completed',
      )
    }
    done()
  })
}
