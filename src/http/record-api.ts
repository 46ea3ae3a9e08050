import type { FastifyInstance } from 'fastify'
import type { TSchema } from 'typebox'
import type { Database } from '../db/client.js'
import { auditSchemas } from '../modules/audit-events/schema.js'
import { resources } from '../modules/index.js'
import type { EngineContext } from '../records/engine-context.js'
import { recordServices } from '../records/record-service.js'
import { statisticsSchemas } from '../reports/statistics-schema.js'
import { auditEventRoutes } from './audit-routes.js'
import { registerRecordRoutes } from './record-routes.js'
import { sharedSchemas } from '../core/schemas.js'
import { operationSchemas } from './operations.js'
import { statisticsRoutes } from './statistics-routes.js'

/** Every named schema (OpenAPI component), in the order the document lists them. */
export const allSchemas: TSchema[] = [
  ...sharedSchemas,
  ...operationSchemas,
  ...resources.flatMap((r) => [...(r.schemas.components ?? []), r.schemas.create, r.schemas.update, r.schemas.record, r.schemas.list]),
  ...statisticsSchemas,
  ...auditSchemas,
]

/** The `/v1` routes: each collection's five from its definition, then the figures and the feed. */
export async function registerApiRoutes(app: FastifyInstance, database: Database, engine: EngineContext): Promise<void> {
  const services = recordServices(resources, engine)
  for (const def of resources) {
    await app.register(async (scope) => registerRecordRoutes(scope, def, services.get(def.collection)!, engine.resolve))
  }
  await app.register(async (scope) => statisticsRoutes(scope, database.db))
  await app.register(async (scope) => auditEventRoutes(scope, database.db))
}
