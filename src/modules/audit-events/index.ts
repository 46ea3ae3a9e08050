import type { AppModule } from '../module.js'
import { auditEventRoutes } from './routes.js'
import { auditSchemas } from './schema.js'

export const auditEventsModule: AppModule = { schemas: auditSchemas, routes: auditEventRoutes }
