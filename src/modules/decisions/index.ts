import type { AppModule } from '../module.js'
import { decisionRoutes } from './routes.js'
import { decisionSchemas } from './schema.js'

export const decisionsModule: AppModule = { schemas: decisionSchemas, routes: decisionRoutes }
