import type { FastifyInstance } from 'fastify'
import type { TSchema } from 'typebox'
import type { ModuleContext } from '../records/record-service.js'

/** A resource module: its named schemas (OpenAPI components) and an encapsulated route plugin. */
export interface AppModule {
  schemas: TSchema[]
  routes(app: FastifyInstance, ctx: ModuleContext): Promise<void>
}
