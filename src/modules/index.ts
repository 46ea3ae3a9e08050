import type { AppModule } from './module.js'
import { auditEventsModule } from './audit-events/index.js'
import { decisionsModule } from './decisions/index.js'
import { disputesModule } from './disputes/index.js'
import { enforcementCasesModule } from './enforcement-cases/index.js'
import { gridUnitsModule } from './grid-units/index.js'
import { legalEducationEventsModule } from './legal-education-events/index.js'
import { statisticsModule } from './statistics/index.js'

/** Every module the service serves, in the order its routes and tags appear. */
export const modules: AppModule[] = [
  gridUnitsModule,
  decisionsModule,
  enforcementCasesModule,
  legalEducationEventsModule,
  disputesModule,
  statisticsModule,
  auditEventsModule,
]
