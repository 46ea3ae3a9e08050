import type { Executor } from '../db/client.js'
import { liveChildren, reportsOfYear } from '../db/annual-reports.js'
import { isLate } from '../modules/annual-reports/annual-reports.js'
import { computeStatistics, type Statistics, type StatisticsUnit } from './statistics.js'

export interface BreakdownItem {
  gridUnit: { id: string; code: string; name: string; level: StatisticsUnit['level'] }
  statistics: Statistics
  report: { id: string; status: string; submittedAt?: string; late: boolean } | null
}

export interface Breakdown {
  year: number
  gridUnit: StatisticsUnit
  total: Statistics
  items: BreakdownItem[]
}

/**
 * The county's view of its towns: the unit's own figures and, side by side, each live direct child
 * inside the caller's jurisdiction with its figures and its report of the year, ordered by code.
 */
export async function computeBreakdown(ex: Executor, unit: StatisticsUnit, year: number, jurisdiction: string | null, now = Date.now()): Promise<Breakdown> {
  const children = await liveChildren(ex, unit.id, jurisdiction)
  const reports = new Map((await reportsOfYear(ex, children.map((c) => c.id), year)).map((r) => [r.gridUnitId, r]))
  const [total, ...statistics] = await Promise.all([unit, ...children].map((u) => computeStatistics(ex, { id: u.id, name: u.name, level: u.level as StatisticsUnit['level'] }, year, now)))
  return {
    year,
    gridUnit: unit,
    total: total!,
    items: children.map((child, i) => {
      const report = reports.get(child.id)
      const submitted = report?.submittedAt ?? undefined
      return {
        gridUnit: { id: child.id, code: child.code, name: child.name, level: child.level as StatisticsUnit['level'] },
        statistics: statistics[i]!,
        report: report
          ? { id: report.id, status: report.status, ...(submitted ? { submittedAt: submitted } : {}), late: isLate({ year, status: report.status, submittedAt: submitted }, now) }
          : null,
      }
    }),
  }
}
