import type { FastifyInstance } from 'fastify'
import helmet from 'helmet'

/**
 * helmet's headers, each set's middleware built once (@fastify/helmet builds it anew for every
 * request). JSON answers carry the set OWASP's REST Security Cheat Sheet names for APIs: nothing may
 * frame them, run anything from them or sniff their type. The headers that only guard rendered HTML
 * go with the Swagger UI pages.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const apiHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  })
  const pageHeaders = helmet()
  app.addHook('onRequest', (request, reply, done) => {
    const headers = request.routeOptions.url?.startsWith('/docs') ? pageHeaders : apiHeaders
    headers(request.raw, reply.raw, (error) => done(error as Error | undefined))
  })
}
