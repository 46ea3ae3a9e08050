import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { problem } from '../core/problems.js'
import { Ref } from '../core/schemas.js'
import { hasPendingEvents, readFeed, sequencePendingEvents } from '../db/audit.js'
import type { Db } from '../db/client.js'
import { AuditEventList, AuditEventQuery } from '../modules/audit-events/schema.js'
import { commonProblems, problemResponses } from './responses.js'

export async function auditEventRoutes(fastify: FastifyInstance, db: Db) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
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
      response: { 200: { ...Ref(AuditEventList), description: 'Events and the cursor to continue from.' }, ...problemResponses(400, ...commonProblems) },
    },
    handler: async (request) => {
      if (request.actor.gridUnitId) throw problem('forbidden', 'The audit feed spans every jurisdiction; use a key not bound to a grid unit.')
      const { query } = request
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
