import type { AppModule } from '../module.js'

// Not built yet: no schemas, no routes.
export const enforcementCasesModule: AppModule = { schemas: [], routes: async () => {} }
