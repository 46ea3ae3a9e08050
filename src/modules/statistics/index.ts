import type { AppModule } from '../module.js'

// Not built yet: no schemas, no routes.
export const statisticsModule: AppModule = { schemas: [], routes: async () => {} }
