import type { AnyResource } from '../records/define-resource.js'
import { annualReportsResource } from './annual-reports/annual-reports.js'
import { decisionsResource } from './decisions/decisions.js'
import { disputesResource } from './disputes/disputes.js'
import { enforcementCasesResource } from './enforcement-cases/enforcement-cases.js'
import { gridUnitsResource } from './grid-units/grid-units.js'
import { inspectionsResource } from './inspections/inspections.js'
import { legalEducationEventsResource } from './legal-education-events/legal-education-events.js'
import { legalServicesResource } from './legal-services/legal-services.js'
import { publicityItemsResource } from './publicity-items/publicity-items.js'
import { ruleOfLawMeetingsResource } from './rule-of-law-meetings/rule-of-law-meetings.js'
import { workPlansResource } from './work-plans/work-plans.js'

/**
 * The registry: every record collection the service serves, in the order its routes, tags and
 * components appear. Everything that lists the collections reads this list: the routes, scopes,
 * OpenAPI tags, audit resource types, the grid-unit in-use check and the property tests.
 */
export const resources = [
  gridUnitsResource,
  decisionsResource,
  enforcementCasesResource,
  legalEducationEventsResource,
  disputesResource,
  ruleOfLawMeetingsResource,
  workPlansResource,
  legalServicesResource,
  publicityItemsResource,
  inspectionsResource,
  annualReportsResource,
] as const satisfies readonly AnyResource[]

export const collections: readonly string[] = resources.map((r) => r.collection)

/** `disputes` → 矛盾纠纷: the Chinese names, for audit labels. */
export const collectionLabels: Record<string, string> = Object.fromEntries(resources.map((r) => [r.collection, r.label]))

/** Every scope a key may hold (API.md §3). */
export const allScopes = [
  ...collections.flatMap((c) => [`${c}:read`, `${c}:write`]),
  'statistics:read',
  'audit:read',
  'pii:read',
  'admin',
] as const

/** The registered definition of a collection. */
export function resourceOf(collection: string): AnyResource {
  const found = resources.find((r) => r.collection === collection)
  if (!found) throw new Error(`no collection ${collection}`)
  return found
}
