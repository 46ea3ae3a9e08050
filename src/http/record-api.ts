import type { FastifyInstance } from 'fastify'
import type { TSchema } from 'typebox'
import type { Database } from '../db/client.js'
import { findLiveUnit } from '../db/grid-units.js'
import { computeStatistics, type StatisticsUnit } from '../reports/statistics.js'
import { auditSchemas } from '../modules/audit-events/schema.js'
import { resources } from '../modules/index.js'
import type { EngineContext } from '../records/engine-context.js'
import { recordServices, type RecordService } from '../records/record-service.js'
import { breakdownSchemas } from '../reports/breakdown-schema.js'
import { statisticsSchemas } from '../reports/statistics-schema.js'
import { demoStatisticsExample } from '../reports/statistics-example.js'
import { auditEventRoutes } from './audit-routes.js'
import { registerRecordRoutes } from './record-routes.js'
import { registerSheetRoutes } from './sheet-routes.js'
import { sheetSchemas } from './sheet-schemas.js'
import { sharedSchemas } from '../core/schemas.js'
import { operationSchemas } from './operations.js'
import { statisticsRoutes } from './statistics-routes.js'
import { breakdownRoutes } from './breakdown-routes.js'
import { annualReportDocumentRoutes } from './annual-report-document-routes.js'
import { annualReportsResource } from '../modules/annual-reports/annual-reports.js'

/**
 * An annual report's example shows the figures the demo town files (the statistics example): the
 * record's schema is written where the statistics are not yet known, so its example is completed here.
 */
function withReportFigures(schema: TSchema): TSchema {
  const { $id, examples } = schema as { $id?: string; examples?: Record<string, unknown>[] }
  const complete = (e: Record<string, unknown>) => ({ ...e, figures: demoStatisticsExample })
  if ($id === 'AnnualReport') return { ...schema, examples: examples?.map(complete) }
  if ($id === 'AnnualReportList') return { ...schema, examples: examples?.map((e) => ({ ...e, items: (e.items as Record<string, unknown>[]).map(complete) })) }
  return schema
}

/** Every named schema (OpenAPI component), in the order the document lists them. */
export const allSchemas: TSchema[] = [
  ...sharedSchemas,
  ...operationSchemas,
  ...resources.flatMap((r) => [...(r.schemas.components ?? []), r.schemas.create, r.schemas.update, r.schemas.record, r.schemas.list]).map(withReportFigures),
  ...statisticsSchemas,
  ...breakdownSchemas,
  ...sheetSchemas,
  ...auditSchemas,
]

/** What snapshot fields are computed from: a report's figures are its unit's statistics of its year. */
export const snapshotSources: EngineContext['snapshotSources'] = {
  'annual-figures': async (ex, doc) => {
    const found = await findLiveUnit(ex, String(doc.gridUnitId), null)
    if (!found) throw new Error(`grid unit ${String(doc.gridUnitId)} of an annual report is gone`)
    const { id, name, level } = found.unit
    return computeStatistics(ex, { id, name, level: level as StatisticsUnit['level'] }, Number(doc.year))
  },
}

/** The `/v1` routes: each collection's five from its definition, then the figures and the feed. */
export async function registerApiRoutes(app: FastifyInstance, database: Database, engine: EngineContext): Promise<void> {
  const services = recordServices(resources, engine)
  for (const def of resources) {
    await app.register(async (scope) => {
      registerRecordRoutes(scope, def, services.get(def.collection)!, engine.resolve)
      await registerSheetRoutes(scope, database.db, services.get(def.collection)!, engine.resolve)
    })
  }
  await app.register(async (scope) => statisticsRoutes(scope, database.db))
  await app.register(async (scope) => breakdownRoutes(scope, database.db))
  const reports = services.get(annualReportsResource.collection) as RecordService<typeof annualReportsResource>
  await app.register(async (scope) => annualReportDocumentRoutes(scope, reports))
  await app.register(async (scope) => auditEventRoutes(scope, database.db))
}
