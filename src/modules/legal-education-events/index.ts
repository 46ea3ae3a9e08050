import type { AppModule } from '../module.js'
import { legalEducationEventRoutes } from './routes.js'
import { legalEducationEventSchemas } from './schema.js'

export const legalEducationEventsModule: AppModule = { schemas: legalEducationEventSchemas, routes: legalEducationEventRoutes }
