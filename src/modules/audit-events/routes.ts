import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import { problem } from '../../core/problems.js'
import { commonProblems, problemResponses } from '../../http/responses.js'
import type { ModuleContext } from '../../records/record-service.js'
import { hasPendingEvents, readFeed, sequencePendingEvents } from './repository.js'
import { AuditEventQuery } from './schema.js'

export async function auditEventRoutes(app: FastifyInstance, { db }: ModuleContext) {
  app.get('/v1/audit-events', {
    config: { scope: 'audit:read' },
    schema: {
      operationId: 'listAuditEvents',
      tags: ['Audit'],
      summary: 'Follow the audit trail (审计日志 / change feed)',
      description:
        'Every create, change and delete, oldest first by `seq`. Also a change feed: call again with `after=<nextCursor>` to get only later events; ' +
        'an event whose transaction commits late is still delivered after the cursor, never skipped. Before and after carry personal data as stored, ' +
        'so the feed needs `audit:read` and is refused (403) to keys bound to a jurisdiction: it spans every unit.',
      querystring: AuditEventQuery,
      response: { 200: { ...Type.Ref('AuditEventList'), description: 'Events and the cursor to continue from.' }, ...problemResponses(400, ...commonProblems) },
    },
    handler: async (request) => {
      if (request.actor.gridUnitId) throw problem('forbidden', 'The audit feed spans every jurisdiction; use a key not bound to a grid unit.')
      const query = request.query as AuditEventQuery
      const after = Number(query.after ?? '0')
      if (await hasPendingEvents(db)) await sequencePendingEvents(db)
      const limit = query.limit ?? 100
      const { items, top } = await readFeed(db, { ...query, after, limit })
      const full = items.length === limit
      const last = items.at(-1)?.seq ?? after
      return { items, nextCursor: String(full ? last : Math.max(last, top, after)) }
    },
  })
}
