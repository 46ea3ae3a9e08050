// Settings of one benchmark run, from the environment. Everything has a default, so
// `npm run bench` alone is the full run; BENCH_SCALE=0.05 is a quick one.

export interface BenchConfig {
  /** Fraction of the full data set: 1 is 1 000 000 disputes and 100 000 of every other resource. */
  scale: number
  /** Seconds each scenario is driven. */
  durationSeconds: number
  connections: number
  /** A PostgreSQL server URL with the right to create databases; the bench databases live beside it. */
  adminUrl: string
  /** Name of the big bench database; the small twin is `<name>_small`. */
  databaseName: string
  /** Load afresh even when the bench databases already hold a data set of this scale. */
  reload: boolean
  /** Rounds of the floor-paired scenarios (service then floor, alternately); each figure is the median. */
  rounds: number
  /** Only these scenarios (BENCH_ONLY=get,create); all when empty. */
  only: string[]
  servicePort: number
  floorPort: number
  smallServicePort: number
  barePort: number
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number in ${min}..${max}, got ${JSON.stringify(raw)}`)
  return value
}

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return {
    scale: number(env, 'BENCH_SCALE', 1, 0.001, 10),
    durationSeconds: number(env, 'BENCH_DURATION', 10, 1, 120),
    connections: Math.round(number(env, 'BENCH_CONNECTIONS', 32, 1, 1000)),
    adminUrl: env.BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    databaseName: env.BENCH_DATABASE_NAME ?? 'fazhi_bench',
    reload: env.BENCH_RELOAD === '1',
    rounds: Math.round(number(env, 'BENCH_ROUNDS', 2, 1, 10)),
    only: (env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    servicePort: Math.round(number(env, 'BENCH_PORT', 3310, 1024, 65000)),
    floorPort: Math.round(number(env, 'BENCH_PORT', 3310, 1024, 65000)) + 1,
    smallServicePort: Math.round(number(env, 'BENCH_PORT', 3310, 1024, 65000)) + 2,
    barePort: Math.round(number(env, 'BENCH_PORT', 3310, 1024, 65000)) + 3,
  }
}

/** The data set of a scale: sizes, and the one town-year the statistics scenario asks for. */
export interface DataPlan {
  disputes: number
  /** Disputes of the small comparison database (statistics with 10 000 disputes in the table). */
  smallDisputes: number
  /** Decisions, enforcement cases and legal-education events, each. */
  perResource: number
  /** Grid units in all: the 179 that hold the records, the rest a second county's filler. */
  gridUnits: number
  /** Disputes of the measured town-year (团结镇, `year`): the same in both databases. */
  townYearDisputes: number
  /** Rows of each ledger (meetings, work plans, legal services, publicity items, inspections). */
  perLedger: number
  /** Rows of each ledger in the small twin: 1 % of the big one's. */
  smallPerLedger: number
  /** Rows of each ledger in the measured town-year: the same in both databases. */
  townYearLedger: number
  year: number
}

export function dataPlan(scale: number): DataPlan {
  const at = (n: number, min: number) => Math.max(min, Math.round(n * scale))
  const smallDisputes = at(10_000, 200)
  const smallPerLedger = at(1_000, 100)
  return {
    disputes: at(1_000_000, 2_000),
    smallDisputes,
    perResource: at(100_000, 500),
    gridUnits: at(100_000, 179),
    townYearDisputes: Math.min(at(2_500, 50), Math.floor(smallDisputes / 2)),
    perLedger: at(100_000, 500),
    smallPerLedger,
    townYearLedger: Math.min(at(250, 10), Math.floor(smallPerLedger / 2)),
    year: 2025,
  }
}
