import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Actor } from '../core/actor.js'
import { invalid, notFound } from '../core/problems.js'
import { Ref } from '../core/schemas.js'
import type { Db } from '../db/client.js'
import { findLiveUnit } from '../db/grid-units.js'
import { renderAnnualReport } from '../reports/annual-report.js'
import { demoReportExample } from '../reports/statistics-example.js'
import { Statistics, StatisticsQuery } from '../reports/statistics-schema.js'
import { computeStatistics, type StatisticsUnit } from '../reports/statistics.js'
import { commonProblems, problemResponses } from './responses.js'

const SCOPE = 'statistics:read'
const MARKDOWN = 'text/markdown; charset=utf-8'
const scopeNote =
  'Needs `statistics:read`. `year` is required; `gridUnitId` defaults to the unit the key is bound to and is required (400) for a key bound to none. ' +
  'A unit that does not exist, is deleted or lies outside the key’s jurisdiction answers 404, as a record would.'

/** The unit asked for, when it is live and inside the caller's jurisdiction; 404 otherwise, like a record. */
export async function unitFor(db: Db, actor: Actor, query: StatisticsQuery): Promise<StatisticsUnit> {
  const jurisdiction = actor.gridUnitId
  const id = query.gridUnitId ?? jurisdiction
  if (!id) throw invalid([{ in: 'query', pointer: '/gridUnitId', message: 'is required for a key not bound to a grid unit' }])
  const found = await findLiveUnit(db, id, jurisdiction)
  if (!found?.inJurisdiction) throw notFound('grid unit', id)
  return { id: found.unit.id, name: found.unit.name, level: found.unit.level as StatisticsUnit['level'] }
}

export async function statisticsRoutes(fastify: FastifyInstance, db: Db) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const tags = ['Statistics']
  const statisticsOf = async ({ actor, query }: { actor: Actor; query: StatisticsQuery }) => computeStatistics(db, await unitFor(db, actor, query), query.year)

  app.get('/v1/statistics', {
    config: { scope: SCOPE },
    schema: {
      operationId: 'getStatistics',
      tags,
      summary: 'The year’s figures of a unit (年度统计)',
      description:
        'Figures of the unit and every unit below it for one year, computed in the database. A record counts in the year of its date in China Standard Time (UTC+8): ' +
        'decisions by `proposedAt` (reviews by `legalityReview.completedAt`, adoptions by `collectiveDiscussion.heldAt`), cases by `registeredAt` ' +
        '(reviews by `filedAt`, losses by `closedAt`), events by `startsAt`, disputes by `reportedAt`. Deleted records never count; grid-unit figures are as of now. ' +
        `Rates are fractions 0..1, null when there is nothing to divide. ${scopeNote}`,
      querystring: StatisticsQuery,
      response: { 200: { ...Ref(Statistics), description: 'The figures.' }, ...problemResponses(400, 404, ...commonProblems) },
    },
    handler: statisticsOf,
  })

  app.get('/v1/reports/annual', {
    config: { scope: SCOPE },
    schema: {
      operationId: 'getAnnualReport',
      tags,
      summary: 'The annual report’s data sections (法治政府建设年度报告)',
      description:
        'The data sections of the annual 法治政府建设情况报告 in Chinese Markdown — 规范行政决策, 严格规范执法, 普法宣传, 基层治理 — ' +
        `written from exactly the figures \`getStatistics\` answers for the same year and unit. ${scopeNote}`,
      querystring: StatisticsQuery,
      produces: ['text/markdown'],
      response: {
        200: {
          description: 'The report as Markdown (UTF-8).',
          content: { 'text/markdown': { schema: Type.String({ description: 'Markdown text' }), example: demoReportExample } },
        },
        ...problemResponses(400, 404, ...commonProblems),
      },
    },
    handler: async (request, reply) => reply.type(MARKDOWN).send(renderAnnualReport(await statisticsOf(request))),
  })
}
