import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import helmet from 'helmet'

interface HeaderSet {
  set: [string, string][]
  removed: string[]
}

/**
 * What a helmet middleware does to a response, recorded once: every header it sets is fixed by its
 * options (no nonces, nothing read from the request), so each request gets the same set without
 * running helmet's chain of middlewares again.
 */
function recorded(middleware: ReturnType<typeof helmet>): HeaderSet {
  const headers: HeaderSet = { set: [], removed: [] }
  const res = {
    setHeader: (name: string, value: unknown) => void headers.set.push([name, String(value)]),
    removeHeader: (name: string) => void headers.removed.push(name),
  }
  middleware({ headers: {} } as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error as Error
  })
  return headers
}

/**
 * helmet's headers. JSON answers carry the set OWASP's REST Security Cheat Sheet names for APIs:
 * nothing may frame them, run anything from them or sniff their type. The headers that only guard
 * rendered HTML go with the Swagger UI pages.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const apiHeaders = recorded(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      xFrameOptions: { action: 'deny' },
      crossOriginOpenerPolicy: false,
      crossOriginResourcePolicy: false,
      originAgentCluster: false,
      xDnsPrefetchControl: false,
      xDownloadOptions: false,
      xPermittedCrossDomainPolicies: false,
      xXssProtection: false,
    }),
  )
  const pageHeaders = recorded(helmet())
  app.addHook('onRequest', (request, reply, done) => {
    const headers = request.routeOptions.url?.startsWith('/docs') ? pageHeaders : apiHeaders
    for (const name of headers.removed) reply.raw.removeHeader(name)
    for (const [name, value] of headers.set) reply.raw.setHeader(name, value)
    done()
  })
}
