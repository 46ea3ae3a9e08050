
/**
 * One demo record: created with `create`, then taken through `patches` one by one, as staff would
 * move it along, so the audit trail shows its life. A re-run finds it by its marker (its title, or
 * the case number of a case) and applies only the patches its version has not seen yet.
 */
export interface DemoRecord {
  /** A collection owned by grid units (any but `grid-units`). */
  collection: string
  unitCode: string
  /** Title, or case number for an enforcement case: unique within the demo. */
  marker: string
  create: Record<string, unknown>
  patches: Record<string, unknown>[]
}

/** `2025-03-12` at `hh:mm` China Standard Time, as RFC 3339. */
export const cst = (date: string, time = '09:30') => `${date}T${time}:00+08:00`

/** An instant `days` after another, in UTC (the form the service answers with). */
export const daysAfter = (instant: string, days: number) => new Date(Date.parse(instant) + days * 86_400_000).toISOString()
