import type { AppModule } from '../module.js'

// Not built yet: no schemas, no routes.
export const legalEducationEventsModule: AppModule = { schemas: [], routes: async () => {} }
