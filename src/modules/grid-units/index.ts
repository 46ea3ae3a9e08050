import type { AppModule } from '../module.js'
import { gridUnitRoutes } from './routes.js'
import { gridUnitSchemas } from './schema.js'

export const gridUnitsModule: AppModule = { schemas: gridUnitSchemas, routes: gridUnitRoutes }
