import type { AppModule } from '../module.js'
import { enforcementCaseRoutes } from './routes.js'
import { enforcementCaseSchemas } from './schema.js'

export const enforcementCasesModule: AppModule = { schemas: enforcementCaseSchemas, routes: enforcementCaseRoutes }
