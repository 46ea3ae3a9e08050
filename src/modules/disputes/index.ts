import type { AppModule } from '../module.js'
import { disputeRoutes } from './routes.js'
import { disputeSchemas } from './schema.js'

export const disputesModule: AppModule = { schemas: disputeSchemas, routes: disputeRoutes }
