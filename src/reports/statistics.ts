import type { SQL } from 'drizzle-orm'
import type { TSchema } from 'typebox'
import { chinaToday } from '../core/china-time.js'
import { deref } from '../core/documents.js'
import { idOf } from '../core/schemas.js'
import type { Executor } from '../db/client.js'
import { readStatistics, statisticsStatement } from '../db/statistics/index.js'
import { statisticsSchemas, type Statistics } from './statistics-schema.js'
import { statisticsVocabulary } from './vocabulary.js'

export type { Statistics }
export type StatisticsUnit = Statistics['gridUnit']

/** The one statement behind the figures of `rootId`'s subtree in `year`; overdue as of `now`. */
export const statisticsQuery = (rootId: string, year: number, now = Date.now()): SQL =>
  statisticsStatement(rootId, year, chinaToday(now), statisticsVocabulary)

const components = new Map(statisticsSchemas.map((schema) => [idOf(schema), schema as TSchema]))
const resolve = (id: string) => components.get(id)

/**
 * The statement's JSON read against the schema: every member the schema names must be there (a
 * figure the SQL forgot is a fault, never a silent zero), and counts become numbers.
 */
function conform(schema: TSchema, value: unknown, path: string): unknown {
  const s = deref(schema, resolve) as { type?: string; properties?: Record<string, TSchema> }
  if (s.properties) {
    if (!value || typeof value !== 'object') throw new Error(`statistics: ${path} is not an object`)
    const record = value as Record<string, unknown>
    return Object.fromEntries(
      Object.entries(s.properties).map(([key, child]) => {
        if (!(key in record)) throw new Error(`statistics: ${path}.${key} is missing`)
        return [key, conform(child, record[key], `${path}.${key}`)]
      }),
    )
  }
  return value === null ? null : Number(value)
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null)
const sectionSchema = (name: string) => (components.get('Statistics') as unknown as { properties: Record<string, TSchema> }).properties[name]!

/** The figures of `unit`'s subtree in `year`, in one statement (one snapshot, one round trip). */
export async function computeStatistics(ex: Executor, unit: StatisticsUnit, year: number, now = Date.now()): Promise<Statistics> {
  const row = await readStatistics(ex, statisticsQuery(unit.id, year, now))
  const section = <K extends keyof Statistics>(name: K, value: unknown = row[name as keyof typeof row]) => conform(sectionSchema(name), value, name) as Statistics[K]
  const { cases, reviews } = row.enforcement as { cases: object; reviews: object }
  const disputes = section('disputes', { ...row.disputes, resolutionRate: null })
  disputes.resolutionRate = rate(disputes.resolved, disputes.total)
  const gridUnits = section('gridUnits', { ...row.gridUnits, legalAdviserCoverage: null })
  gridUnits.legalAdviserCoverage = rate(gridUnits.withLegalAdviser, gridUnits.villagesAndCommunities)
  return {
    year,
    gridUnit: { id: unit.id, name: unit.name, level: unit.level },
    meetings: section('meetings'),
    workPlans: section('workPlans'),
    decisions: section('decisions'),
    legalServices: section('legalServices'),
    publicity: section('publicity'),
    enforcement: section('enforcement', { ...cases, ...reviews }),
    supervision: section('supervision'),
    legalEducation: section('legalEducation'),
    disputes,
    gridUnits,
  }
}
