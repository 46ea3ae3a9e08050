import Fastify, { LogController, type FastifyInstance } from 'fastify'
import cors from '@fastify/cors'
import helmet from 'helmet'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { Logger } from 'pino'
import type { TSchema } from 'typebox'
import type { Config } from './config.js'
import type { Database } from './db/client.js'
import { KeyCache, registerAuth } from './http/auth.js'
import { registerBodyParsers } from './http/body.js'
import { malformedRequestHandler, registerErrorHandling, sendProblem, toProblem } from './http/error-handler.js'
import { genReqId, loggerOptions, scrubText } from './http/logging.js'
import { openApiOptions, registerOpenApiRoutes } from './http/openapi.js'
import { operationRoutes, operationSchemas, registerMetrics } from './http/operations.js'
import { registerRateLimits } from './http/rate-limit.js'
import { sharedSchemas } from './http/schemas.js'
import { assertQueryEncoding, createValidatorCompiler } from './http/validation.js'
import { purgeExpiredIdempotencyKeys } from './records/idempotency.js'
import type { ModuleContext } from './records/record-service.js'
import { modules } from './modules/index.js'

export const BODY_LIMIT = 1024 * 1024

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

/** Every named schema (OpenAPI component), registered once for validation, serialization and docs. */
const allSchemas: TSchema[] = [...sharedSchemas, ...operationSchemas, ...modules.flatMap((m) => m.schemas)]

export interface AppDependencies {
  database: Database
  /** How long a looked-up API key is trusted before it is checked again (revocation delay). */
  keyCacheTtlMs?: number
  /** Where log lines go (standard output when absent); tests read them back. */
  logStream?: NodeJS.WritableStream
}

/** The one place a Fastify instance is configured: tests build exactly what production runs. */
export async function buildApp(config: Config, deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel), ...(deps.logStream ? { stream: deps.logStream } : {}) },
    bodyLimit: BODY_LIMIT,
    genReqId,
    requestIdHeader: false,
    // One line per request, written by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    clientErrorHandler: malformedRequestHandler,
    // A path that is not valid percent-encoded UTF-8 (`/v1/disputes/%FF`) or a parameter past the
    // router's length limit: answered as problems like every other refusal.
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, toProblem(error)),
    requestTimeout: 30_000,
    return503OnClosing: true,
  })
  const validators = createValidatorCompiler(allSchemas)
  app.setValidatorCompiler(validators.compiler)
  for (const schema of allSchemas) app.addSchema(schema)

  registerErrorHandling(app)
  registerBodyParsers(app)
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
    assertQueryEncoding(request.url)
  })
  app.addHook('onResponse', async (request, reply) => {
    if (!(request.log as Logger).isLevelEnabled('info')) return
    request.log.info(
      { method: request.method, url: scrubText(request.url.split('?')[0] ?? ''), route: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request completed',
    )
  })
  // Swagger UI's own routes are public like the document they show. Every route is also listed,
  // with its access declaration, so a test can prove none was left without one.
  const routeCatalog: RouteSummary[] = []
  app.decorate('routeCatalog', routeCatalog)
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...(route.config as object), public: true }
    const config = (route.config ?? {}) as { scope?: string; public?: boolean }
    for (const method of [route.method].flat()) routeCatalog.push({ method, url: route.url, scope: config.scope, public: config.public === true })
  })

  const metrics = await registerMetrics(app, deps.database)
  // helmet's headers, each set's middleware built once (@fastify/helmet builds it anew for every
  // request). JSON answers carry the set OWASP's REST Security Cheat Sheet names for APIs: nothing
  // may frame them, run anything from them or sniff their type. The headers that only guard
  // rendered HTML go with the Swagger UI pages.
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
  if (config.corsOrigins.length > 0) await app.register(cors, { origin: config.corsOrigins })
  const lookupGuard = await registerRateLimits(app, config, metrics)
  await app.register(swagger, openApiOptions)
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { persistAuthorization: true, displayOperationId: true } })

  registerAuth(app, new KeyCache(deps.database.db, deps.keyCacheTtlMs), lookupGuard)
  const ctx: ModuleContext = {
    db: deps.database.db,
    resolve: (id) => validators.body.getSchema(id)?.schema as TSchema | undefined,
    bodyValidator: (id) => {
      const validate = validators.body.getSchema(id)
      if (!validate) throw new Error(`schema ${id} is not registered`)
      return validate
    },
  }
  await app.register(async (scope) => operationRoutes(scope, deps.database, metrics))
  await app.register(async (scope) => registerOpenApiRoutes(scope))
  for (const module of modules) await app.register(async (scope) => module.routes(scope, ctx))

  const purge = setInterval(() => void purgeExpiredIdempotencyKeys(deps.database.db).catch(() => {}), 10 * 60_000)
  purge.unref()
  app.addHook('onClose', async () => clearInterval(purge))
  return app
}
