import { PassThrough } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Ref } from '../core/schemas.js'
import type { Db } from '../db/client.js'
import { StatisticsBreakdown } from '../reports/breakdown-schema.js'
import { writeBreakdownSheet } from '../reports/breakdown-sheet.js'
import { computeBreakdown } from '../reports/breakdown.js'
import { StatisticsQuery } from '../reports/statistics-schema.js'
import { XLSX_MEDIA_TYPE } from '../spreadsheets/index.js'
import { contentDisposition } from '../reports/annual-report-document/index.js'
import { negotiate } from './negotiation.js'
import { commonProblems, problemResponses } from './responses.js'
import { unitFor } from './statistics-routes.js'

const offers = [
  { format: 'json', mediaType: 'application/json' },
  { format: 'xlsx', mediaType: XLSX_MEDIA_TYPE },
] as const

const BreakdownQuery = Type.Object(
  {
    ...StatisticsQuery.properties,
    format: Type.Optional(Type.Unsafe<'json' | 'xlsx'>({ type: 'string', enum: ['json', 'xlsx'], description: 'Instead of `Accept`: `json` JSON 数据 · `xlsx` 汇总表 (.xlsx).' })),
  },
  { additionalProperties: false },
)

/** GET /v1/statistics/breakdown: the county's view of its towns, as JSON or as its 汇总表 (.xlsx). */
export async function breakdownRoutes(fastify: FastifyInstance, db: Db) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.get('/v1/statistics/breakdown', {
    config: { scope: 'statistics:read' },
    schema: {
      operationId: 'getStatisticsBreakdown',
      tags: ['Statistics'],
      summary: 'The towns side by side (下辖单位汇总)',
      description:
        'One item per live direct child of the unit (inside the key’s jurisdiction), ordered by code, each with its figures of the year (zeros when it has no records) and its annual report; ' +
        '`total` is the unit’s own figures. `Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (or `?format=xlsx`) answers the same as an .xlsx 汇总表: a row per child and a 合计 row, ' +
        'Chinese headers, numbers as numbers, the header row frozen. Needs `statistics:read`; `gridUnitId` as for `getStatistics`.',
      querystring: BreakdownQuery,
      produces: offers.map((o) => o.mediaType),
      response: {
        200: {
          description: 'The breakdown.',
          content: {
            'application/json': { schema: Ref(StatisticsBreakdown) },
            [XLSX_MEDIA_TYPE]: { schema: Type.String({ format: 'binary', description: 'The 汇总表 as an .xlsx workbook' }) },
          },
        },
        ...problemResponses(400, 404, 406, ...commonProblems),
      },
    },
    handler: async (request, reply) => {
      const { format, ...query } = request.query
      const offer = negotiate(request, offers, format)
      const unit = await unitFor(db, request.actor, query)
      const breakdown = await computeBreakdown(db, unit, query.year, request.actor.gridUnitId)
      if (offer.format === 'json') return breakdown
      const out = new PassThrough()
      const written = writeBreakdownSheet(out, breakdown)
      written.catch((error: unknown) => out.destroy(error as Error))
      return (reply as FastifyReply)
        .type(XLSX_MEDIA_TYPE)
        .header('content-disposition', contentDisposition(`${unit.name}${query.year}年法治政府建设汇总表.xlsx`, `summary-${query.year}.xlsx`))
        .send(out)
    },
  })
}
