import type { FastifyInstance } from 'fastify'

export interface RouteSummary {
  method: string
  url: string
  scope: string | undefined
  public: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteSummary[]
  }
}

/**
 * Every route is listed with its access declaration, so a test can prove none was left without one.
 * Swagger UI's own routes are public like the document they show.
 */
export function registerRouteCatalog(app: FastifyInstance): void {
  const routeCatalog: RouteSummary[] = []
  app.decorate('routeCatalog', routeCatalog)
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...(route.config as object), public: true }
    const config = (route.config ?? {}) as { scope?: string; public?: boolean }
    for (const method of [route.method].flat()) routeCatalog.push({ method, url: route.url, scope: config.scope, public: config.public === true })
  })
}
