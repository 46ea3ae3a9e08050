import type { DataPlan } from './config.js'
import type { Measurement } from './drive.js'
import type { ScenarioKey } from './scenarios.js'
import type { SheetMeasurement } from './sheets.js'

// The figures of one run, their ratios, the targets, and the Markdown table. Every target
// compares two measurements of the same run: the machines are shared, so absolute figures drift.

export interface ScenarioResult {
  key: ScenarioKey
  title: string
  service: Measurement
  floor?: Measurement
  /** The bare floor's: the simplest SQL for the operation (bench/bare.ts). */
  bare?: Measurement
  /** Service throughput over the floor's (1 = as fast as the floor). */
  ratioToFloor?: number
  /** Service throughput over the bare floor's. */
  ratioToBare?: number
}

export interface Target {
  name: string
  /** How the value is computed, in words. */
  measure: string
  value: number | null
  limit: string
  met: boolean
}

export interface Results {
  startedAt: string
  finishedAt: string
  scale: number
  plan: DataPlan
  connections: number
  durationSeconds: number
  rounds: number
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[]; node: string }
  load: { reused: boolean; seconds: number }
  scenarios: ScenarioResult[]
  /** The export's memory at two sizes and the import's duration (bench/sheets.ts). */
  sheets?: SheetMeasurement[]
  memory: { servicePeakMiB: number; floorPeakMiB: number; ratio: number; barePeakMiB: number; bareRatio: number }
  targets: Target[]
  notes: string[]
}

const find = (scenarios: ScenarioResult[], key: ScenarioKey) => scenarios.find((s) => s.key === key)
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

export function withRatio(result: Omit<ScenarioResult, 'ratioToFloor' | 'ratioToBare'>): ScenarioResult {
  return {
    ...result,
    ...(result.floor && result.floor.rps > 0 ? { ratioToFloor: round(result.service.rps / result.floor.rps) } : {}),
    ...(result.bare && result.bare.rps > 0 ? { ratioToBare: round(result.service.rps / result.bare.rps) } : {}),
  }
}

/** The targets. Cost is time per request at saturation: the inverse of throughput. */
export function targets(scenarios: ScenarioResult[], memory: Results['memory']): Target[] {
  const atLeast = (name: string, key: ScenarioKey, limit: number): Target => {
    const value = find(scenarios, key)?.ratioToBare ?? null
    return { name, measure: 'service req/s ÷ bare floor req/s', value, limit: `≥ ${limit}`, met: value !== null && value >= limit }
  }
  const costRatio = (name: string, costly: ScenarioKey, base: ScenarioKey, limit: number, measure: string): Target => {
    const a = find(scenarios, costly)?.service.rps
    const b = find(scenarios, base)?.service.rps
    const value = a && b ? round(b / a) : null
    return { name, measure, value, limit: `≤ ${limit}`, met: value !== null && value <= limit }
  }
  return [
    atLeast('get by id', 'get', 0.8),
    atLeast('list page', 'list', 0.85),
    atLeast('create with its audit event', 'create', 0.6),
    atLeast('patch with its audit event', 'patch', 0.55),
    costRatio('page 10 000 deep vs first page', 'deep', 'list', 1.2, 'first page req/s ÷ deep page req/s'),
    costRatio('statistics, big table vs small twin', 'statistics', 'statisticsSmall', 2, 'small-twin req/s ÷ big-table req/s'),
    { name: 'peak RSS under load', measure: 'service peak RSS ÷ bare floor peak RSS', value: memory.bareRatio, limit: '≤ 1.4', met: memory.bareRatio <= 1.4 },
  ]
}

const fmt = (value: number | undefined, digits = 0) => (value === undefined ? '—' : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }))

export function markdown(results: Results): string {
  const p = results.plan
  const lines = [
    `Run of ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC: ${p.disputes.toLocaleString('en')} disputes (small twin ${p.smallDisputes.toLocaleString('en')}), ` +
      `${p.perResource.toLocaleString('en')} decisions, cases and events each, ${p.perLedger.toLocaleString('en')} of each ledger ` +
      `(twin ${p.smallPerLedger.toLocaleString('en')}), ${p.gridUnits.toLocaleString('en')}+ grid units; ` +
      `${results.connections} connections, ${results.durationSeconds} s per run, best of ${results.rounds} rounds; ` +
      `${results.machine.cpus} cores, load average ${results.machine.loadBefore.map((l) => l.toFixed(1)).join(' / ')} at the start.`,
    '',
    '| scenario | req/s | p50 ms | p99 ms | peak RSS MiB | floor req/s | floor p50 ms | floor p99 ms | floor RSS MiB | ratio to floor | bare floor req/s | bare p99 ms | bare RSS MiB | ratio to bare floor |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.scenarios.map((s) =>
      `| ${s.title} | ${fmt(s.service.rps)} | ${fmt(s.service.p50)} | ${fmt(s.service.p99)} | ${fmt(s.service.peakRssMiB)} | ` +
        `${fmt(s.floor?.rps)} | ${fmt(s.floor?.p50)} | ${fmt(s.floor?.p99)} | ${fmt(s.floor?.peakRssMiB)} | ${fmt(s.ratioToFloor, 2)} | ` +
        `${fmt(s.bare?.rps)} | ${fmt(s.bare?.p99)} | ${fmt(s.bare?.peakRssMiB)} | ${fmt(s.ratioToBare, 2)} |`),
    '',
    '| target | measured as | value | limit | met |',
    '|---|---|---:|---:|:---:|',
    ...results.targets.map((t) => `| ${t.name} | ${t.measure} | ${t.value === null ? '—' : t.value.toFixed(2)} | ${t.limit} | ${t.met ? 'yes' : '**no**'} |`),
  ]
  if (results.notes.length > 0) lines.push('', ...results.notes.map((n) => `- ${n}`))
  return `${lines.join('\n')}\n`
}
