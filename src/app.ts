import Fastify, { LogController, type FastifyInstance } from 'fastify'
import cors from '@fastify/cors'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TSchema } from 'typebox'
import type { Config } from './config.js'
import type { Database } from './db/client.js'
import { purgeExpiredIdempotencyKeys } from './db/idempotency.js'
import { KeyCache, registerAuth } from './http/auth.js'
import { registerBodyParsers } from './http/body.js'
import { malformedRequestHandler, registerErrorHandling, sendProblem, toProblem } from './http/error-handler.js'
import { genReqId, loggerOptions, registerRequestLog } from './http/logging.js'
import { openApiOptions, registerOpenApiRoutes } from './http/openapi.js'
import { operationRoutes, registerMetrics } from './http/operations.js'
import { registerRateLimits } from './http/rate-limit.js'
import { allSchemas, registerApiRoutes, snapshotSources } from './http/record-api.js'
import { registerRouteCatalog } from './http/route-catalog.js'
import { registerSecurityHeaders } from './http/security-headers.js'
import { sharedSerializers } from './http/serialization.js'
import { assertQueryEncoding, createValidatorCompiler } from './http/validation.js'
import type { EngineContext } from './records/engine-context.js'

export type { RouteSummary } from './http/route-catalog.js'

export const BODY_LIMIT = 1024 * 1024

export interface AppDependencies {
  database: Database
  /** How long a looked-up API key is trusted before it is checked again (revocation delay). */
  keyCacheTtlMs?: number
  /** Where log lines go (standard output when absent); tests read them back. */
  logStream?: NodeJS.WritableStream
}

function createServer(config: Config, deps: AppDependencies): FastifyInstance {
  return Fastify({
    logger: { ...loggerOptions(config.logLevel), ...(deps.logStream ? { stream: deps.logStream } : {}) },
    bodyLimit: BODY_LIMIT,
    genReqId,
    requestIdHeader: false,
    // One line per request, written by registerRequestLog.
    logController: new LogController({ disableRequestLogging: true }),
    clientErrorHandler: malformedRequestHandler,
    // A path that is not valid percent-encoded UTF-8 (`/v1/disputes/%FF`) or a parameter past the
    // router's length limit: answered as problems like every other refusal.
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, toProblem(error)),
    requestTimeout: 30_000,
    return503OnClosing: true,
    schemaController: { compilersFactory: { buildSerializer: sharedSerializers() } },
  })
}

/** Every named schema, registered once for validation, serialization and the document; the engine's view of them. */
function registerSchemas(app: FastifyInstance, database: Database): EngineContext {
  const validators = createValidatorCompiler(allSchemas)
  app.setValidatorCompiler(validators.compiler)
  for (const schema of allSchemas) app.addSchema(schema)
  return {
    db: database.db,
    resolve: (id) => validators.body.getSchema(id)?.schema as TSchema | undefined,
    bodyValidator: (id) => {
      const validate = validators.body.getSchema(id)
      if (!validate) throw new Error(`schema ${id} is not registered`)
      return validate
    },
    snapshotSources,
  }
}

function scheduleIdempotencyPurge(app: FastifyInstance, database: Database): void {
  const purge = setInterval(() => void purgeExpiredIdempotencyKeys(database.db).catch(() => {}), 10 * 60_000)
  purge.unref()
  app.addHook('onClose', async () => clearInterval(purge))
}

/** The one place a Fastify instance is configured: tests build exactly what production runs. */
export async function buildApp(config: Config, deps: AppDependencies): Promise<FastifyInstance> {
  const app = createServer(config, deps)
  const engine = registerSchemas(app, deps.database)
  registerErrorHandling(app)
  registerBodyParsers(app)
  registerRequestLog(app)
  app.addHook('onRequest', (request, _reply, done) => {
    // Most URLs have no escape at all: nothing to check.
    if (!request.url.includes('%')) return done()
    try {
      assertQueryEncoding(request.url)
      done()
    } catch (error) {
      done(error as Error)
    }
  })
  registerRouteCatalog(app)
  const metrics = await registerMetrics(app, deps.database)
  registerSecurityHeaders(app)
  if (config.corsOrigins.length > 0) await app.register(cors, { origin: config.corsOrigins })
  const lookupGuard = await registerRateLimits(app, config, metrics)
  await app.register(swagger, openApiOptions)
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { persistAuthorization: true, displayOperationId: true } })
  registerAuth(app, new KeyCache(deps.database.db, deps.keyCacheTtlMs), lookupGuard)
  await app.register(async (scope) => operationRoutes(scope, deps.database, metrics))
  await app.register(async (scope) => registerOpenApiRoutes(scope))
  await registerApiRoutes(app, deps.database, engine)
  scheduleIdempotencyPurge(app, deps.database)
  return app
}
