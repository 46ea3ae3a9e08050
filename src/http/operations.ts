import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import metricsModule from 'fastify-metrics'
import { Registry, Gauge } from 'prom-client'
import { Type } from 'typebox'
import { ping, type Database } from '../db/client.js'
import { appliedMigrations, expectedMigrations } from '../db/migrate.js'
import { problem } from '../core/problems.js'
import { problemResponses } from './responses.js'

// Under ESM the plugin function is the module's `default` export (fastify-metrics is CommonJS).
const metricsPlugin = ((metricsModule as unknown as { default?: unknown }).default ?? metricsModule) as FastifyPluginAsync<Record<string, unknown>>

const Health = Type.Object({ status: Type.String({ examples: ['ok'] }) }, { $id: 'Health', additionalProperties: false, description: 'The process is up.', examples: [{ status: 'ok' }] })
const Readiness = Type.Object(
  { status: Type.String({ examples: ['ready'] }), migrations: Type.Integer({ minimum: 0, description: 'Migrations applied.' }) },
  { $id: 'Readiness', additionalProperties: false, description: 'The database answers and every migration is applied.', examples: [{ status: 'ready', migrations: 3 }] },
)
export const operationSchemas = [Health, Readiness]

const PING_TIMEOUT_MS = 2000

/**
 * Request and pool metrics for the whole app: registered at the root, before any route, so every
 * route is timed. One registry per app instance, so several instances in one process never collide.
 */
export async function registerMetrics(app: FastifyInstance, database: Database): Promise<Registry> {
  const registry = new Registry()
  await app.register(metricsPlugin, {
    endpoint: null,
    defaultMetrics: { enabled: true, register: registry },
    routeMetrics: {
      enabled: { histogram: true, summary: false },
      overrides: { histogram: { name: 'http_request_duration_seconds', registers: [registry] }, summary: { registers: [registry] } },
    },
  })
  const stats = () => database.stats()
  new Gauge({ name: 'db_pool_connections_total', help: 'Connections open in the pool', registers: [registry], collect() { this.set(stats().total) } })
  new Gauge({ name: 'db_pool_connections_in_use', help: 'Connections lent out to requests', registers: [registry], collect() { this.set(stats().total - stats().idle) } })
  new Gauge({ name: 'db_pool_waiting_requests', help: 'Queries waiting for a free connection', registers: [registry], collect() { this.set(stats().waiting) } })
  return registry
}

/** /healthz (process up), /readyz (database reachable and migrated), /metrics (Prometheus). */
export async function operationRoutes(app: FastifyInstance, database: Database, registry: Registry) {
  const tags = ['Operations']
  app.get('/healthz', {
    config: { public: true },
    schema: { operationId: 'getHealth', tags, summary: 'Liveness', description: 'The process is up. Never touches the database.', security: [], response: { 200: { ...Type.Ref('Health'), description: 'Alive.' } } },
    handler: async () => ({ status: 'ok' }),
  })

  app.get('/readyz', {
    config: { public: true },
    schema: {
      operationId: 'getReadiness',
      tags,
      summary: 'Readiness',
      description: 'Ready when the database answers within 2 s and every migration is applied; else 503.',
      security: [],
      response: { 200: { ...Type.Ref('Readiness'), description: 'Ready to serve.' }, ...problemResponses(503) },
    },
    handler: async () => {
      let applied: number
      try {
        applied = await Promise.race([
          ping(database.db).then(() => appliedMigrations(database.db)),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('ping timeout')), PING_TIMEOUT_MS).unref()),
        ])
      } catch {
        throw problem('service-unavailable', 'The database is not reachable.')
      }
      if (applied < expectedMigrations) throw problem('service-unavailable', `${expectedMigrations - applied} migration(s) are pending.`)
      return { status: 'ready', migrations: applied }
    },
  })

  app.get('/metrics', {
    // Public like /healthz: it carries counts and durations, never records or keys. Restrict it at the network edge.
    config: { public: true },
    schema: {
      operationId: 'getMetrics',
      tags,
      summary: 'Prometheus metrics',
      description: 'Requests by route, method and status with durations; pool connections in use and waiting; process vitals.',
      security: [],
      produces: ['text/plain'],
      response: { 200: { description: 'Prometheus text exposition format.', content: { 'text/plain': { schema: Type.String() } } } },
    },
    handler: async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  })
}
