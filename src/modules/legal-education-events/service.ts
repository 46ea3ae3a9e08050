import { anyOf, dateRange } from '../../db/filters.js'
import { legalEducationEvents } from '../../db/schema/index.js'
import { invalid } from '../../core/problems.js'
import { recordService, type Doc, type ModuleContext } from '../../records/record-service.js'
import { LegalEducationEventCreate } from './schema.js'

/**
 * `endsAt` not before `startsAt`. The contract answers this cross-field check as a 400 pointing at
 * `/endsAt`, not as a 409 rule violation, and it is checked on the merged document of every patch
 * too (moving `startsAt` past an existing `endsAt` breaks it just the same).
 */
function assertEndsAfterStart(next: Doc): void {
  const { startsAt, endsAt } = next
  if (typeof endsAt === 'string' && typeof startsAt === 'string' && Date.parse(endsAt) < Date.parse(startsAt)) {
    throw invalid([{ in: 'body', pointer: '/endsAt', message: `must not be before startsAt (${startsAt})` }])
  }
}

export function legalEducationEventService(ctx: ModuleContext) {
  return recordService(ctx, {
    resourceType: 'legal-education-events',
    noun: 'legal-education event',
    table: legalEducationEvents,
    writable: LegalEducationEventCreate,
    ownerColumn: legalEducationEvents.gridUnitId,
    ownerOf: (doc) => doc.gridUnitId as string,
    // An event has no status and no business rule of its own; only the 400 check above.
    rules: (next) => {
      assertEndsAfterStart(next)
      return []
    },
    sorts: {
      startsAt: { column: legalEducationEvents.startsAt, kind: 'timestamp', ownerIndexed: true },
      createdAt: { column: legalEducationEvents.createdAt, kind: 'timestamp' },
      updatedAt: { column: legalEducationEvents.updatedAt, kind: 'timestamp' },
    },
    filters: (query) => [
      ...anyOf(legalEducationEvents.format, query.format as string[] | undefined),
      ...anyOf(legalEducationEvents.venueType, query.venueType as string[] | undefined),
      ...anyOf(legalEducationEvents.audience, query.audience as string[] | undefined),
      ...dateRange(legalEducationEvents.startsAt, query.startsFrom as string | undefined, query.startsTo as string | undefined),
    ],
  })
}
