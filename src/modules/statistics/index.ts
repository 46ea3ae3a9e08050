import type { AppModule } from '../module.js'
import { statisticsRoutes } from './routes.js'
import { statisticsSchemas } from './schema.js'

export const statisticsModule: AppModule = { schemas: statisticsSchemas, routes: statisticsRoutes }
