import type { FieldError } from '../../core/problems.js'
import { anyOf, dateRange } from '../../db/filters.js'
import { sortBy } from '../../db/keyset.js'
import { legalEducationEvents } from '../../db/schema/index.js'
import { defineResource, ownedByUnit, type WritableOf } from '../../records/define-resource.js'
import { LegalEducationEvent, LegalEducationEventCreate, LegalEducationEventUpdate, legalEducationEventFilters } from './schema.js'

/**
 * `endsAt` not before `startsAt`: the contract answers this cross-field check as a 400 pointing at
 * `/endsAt`, on the merged document of every patch too (moving `startsAt` past `endsAt` breaks it).
 */
function endsAfterStart({ startsAt, endsAt }: WritableOf<typeof LegalEducationEventCreate>): FieldError[] {
  return endsAt !== undefined && Date.parse(endsAt) < Date.parse(startsAt)
    ? [{ in: 'body', pointer: '/endsAt', message: `must not be before startsAt (${startsAt})` }]
    : []
}

export const legalEducationEventsResource = defineResource({
  collection: 'legal-education-events',
  noun: 'legal-education event',
  names: { one: 'LegalEducationEvent', many: 'LegalEducationEvents' },
  label: '普法活动',
  tag: { name: 'Legal education events', description: '普法活动: campaigns, trainings and study sessions.' },
  schemas: { create: LegalEducationEventCreate, update: LegalEducationEventUpdate, record: LegalEducationEvent, filters: legalEducationEventFilters },
  table: legalEducationEvents,
  owner: ownedByUnit(legalEducationEvents.gridUnitId),
  checks: endsAfterStart,
  sorts: {
    startsAt: sortBy(legalEducationEvents.startsAt, { perUnitIndex: true }),
    createdAt: sortBy(legalEducationEvents.createdAt),
    updatedAt: sortBy(legalEducationEvents.updatedAt),
  },
  defaultSort: '-startsAt',
  filters: (query) => [
    ...anyOf(legalEducationEvents.format, query.format),
    ...anyOf(legalEducationEvents.venueType, query.venueType),
    ...anyOf(legalEducationEvents.audience, query.audience),
    ...dateRange(legalEducationEvents.startsAt, query.startsFrom, query.startsTo),
  ],
  docs: {
    list: 'Filters: `format`, `venueType`, `audience` (each repeatable), `startsFrom`, `startsTo` (inclusive; a plain date is that whole day in UTC+8), `gridUnitId` (the unit and its whole subtree), `q` (title, theme, location, organizer, notes), `updatedSince`.',
    create: 'Counts (`materialsDistributed`, `attendance`, `mediaItems`) are integers ≥ 0 and default to 0. `endsAt`, when given, is not before `startsAt` (400 `validation-error`, pointer `/endsAt`).',
    update: 'The merged event must still end no earlier than it starts (400 `validation-error`, pointer `/endsAt`).',
  },
})
