import type { FastifyInstance } from 'fastify'
import { registerRecordRoutes } from '../../http/record-routes.js'
import type { ModuleContext } from '../../records/record-service.js'
import {
  LegalEducationEvent,
  LegalEducationEventCreate,
  LegalEducationEventList,
  LegalEducationEventListQuery,
  LegalEducationEventUpdate,
} from './schema.js'
import { legalEducationEventService } from './service.js'

export async function legalEducationEventRoutes(app: FastifyInstance, ctx: ModuleContext) {
  registerRecordRoutes(app, ctx, {
    collection: 'legal-education-events',
    tag: 'Legal education events',
    one: 'LegalEducationEvent',
    many: 'LegalEducationEvents',
    label: '普法活动',
    schemas: {
      record: LegalEducationEvent,
      create: LegalEducationEventCreate,
      update: LegalEducationEventUpdate,
      list: LegalEducationEventList,
      query: LegalEducationEventListQuery,
    },
    service: legalEducationEventService(ctx),
    notes: {
      list: 'Filters: `format`, `venueType`, `audience` (each repeatable), `startsFrom`, `startsTo` (inclusive; a plain date is that whole day in UTC+8), `gridUnitId` (the unit and its whole subtree), `q` (title, theme, location, organizer, notes), `updatedSince`. Sorts: `startsAt` (default `-startsAt`), `createdAt`, `updatedAt`.',
      create: 'Counts (`materialsDistributed`, `attendance`, `mediaItems`) are integers ≥ 0 and default to 0. `endsAt`, when given, is not before `startsAt` (400 `validation-error`, pointer `/endsAt`). The grid unit must exist (409 `rule-violation` `grid-unit-exists`) and lie in the key’s jurisdiction (403).',
      update: 'The merged event must still end no earlier than it starts (400 `validation-error`, pointer `/endsAt`). Moving it to another grid unit needs that unit to exist and lie in the key’s jurisdiction.',
    },
  })
}
