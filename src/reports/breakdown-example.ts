import type { Breakdown } from './breakdown.js'
import { demoStatisticsExample } from './statistics-example.js'

// The breakdown's example: the demo county with 团结镇, its 2025 figures and its filed report. With
// one town and no records of the county's own, the total is the town's figures under the county's name.

const county = { id: '5a1c7e2d-8b3f-4d6a-9c0e-1f2a3b4c5d6e', name: '杭锦后旗', level: 'county' } as const

export const breakdownExample: Breakdown = {
  year: 2025,
  gridUnit: county,
  total: { ...demoStatisticsExample, gridUnit: county },
  items: [
    {
      gridUnit: { ...demoStatisticsExample.gridUnit, code: '150826103' },
      statistics: demoStatisticsExample,
      report: { id: '6a2d9b7f-4c8e-4d3f-9e0b-7e5d6c8b9a0f', status: 'submitted', submittedAt: '2026-02-20T02:00:00.000Z', late: false },
    },
  ],
}
