import { randomBytes } from 'node:crypto'
import { cpus, loadavg } from 'node:os'
import { PgDialect } from 'drizzle-orm/pg-core'
import { statisticsQuery } from '../src/reports/statistics.js'
import { CASING } from '../src/db/client.js'
import { dataPlan, loadBenchConfig } from './config.js'
import { checkSameAnswers, findContext, findDeepCursor, settler } from './context.js'
import { drive, type Measurement } from './drive.js'
import { prepareDatabases } from './load.js'
import { buildFloor, buildService, serviceEntry, serviceNodeArgs, startServer, type Server } from './processes.js'
import { markdown, targets, withRatio, type Results, type ScenarioResult } from './report.js'
import { writeResults } from './results.js'
import { scenarios, type Scenario, type ScenarioContext, type ScenarioKey } from './scenarios.js'
import { exportCutoff, gridCodes, importWorkbook, measureExport, measureImport, sheetMarkdown, type SheetMeasurement } from './sheets.js'

// `npm run bench`: load the data set, start the service and the floor, drive every scenario,
// write bench/results/<date>.json and .md. See bench/README.md.

/** The operations the bare floor answers: the simplest SQL for each (bench/bare.ts). */
const BARE = new Set<ScenarioKey>(['get', 'list', 'create', 'patch'])
const log = (line: string) => process.stdout.write(`${line}\n`)
const config = loadBenchConfig()
const plan = dataPlan(config.scale)
const startedAt = new Date().toISOString()
const loadBefore = loadavg()
log(`fazhi-api benchmark: scale ${config.scale}, ${config.connections} connections, ${config.durationSeconds} s per run, ${config.rounds} rounds`)

const built = Date.now()
buildService()
const floorEntry = buildFloor()
const bareEntry = buildFloor('bare')
log(`Built the service and the floors (${((Date.now() - built) / 1000).toFixed(0)} s).`)
const databases = await prepareDatabases(config.adminUrl, config.databaseName, plan, config.reload, log)

const apiKey = `bench_${randomBytes(24).toString('base64url')}`
const serviceEnv = (url: string) => ({ DATABASE_URL: url, BOOTSTRAP_API_KEY: apiKey, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000', DB_POOL_SIZE: '10' })
const servers: Server[] = []
const idle = settler(config.adminUrl, [config.databaseName, `${config.databaseName}_small`])
const stopAll = () => Promise.all([...servers.map((s) => s.stop()), idle.close()])
process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)))

try {
  const found = await findContext(databases.url, plan.year)
  const rendered = new PgDialect({ casing: CASING }).sqlToQuery(statisticsQuery(found.townId, plan.year))
  const service = await startServer('service', serviceEntry, config.servicePort, serviceEnv(databases.url), serviceNodeArgs)
  servers.push(service)
  const floor = await startServer('floor', floorEntry, config.floorPort, {
    DATABASE_URL: databases.url,
    DB_POOL_SIZE: '10',
    FLOOR_STATISTICS: JSON.stringify(rendered),
  })
  servers.push(floor)
  const bare = await startServer('bare floor', bareEntry, config.barePort, { DATABASE_URL: databases.url, DB_POOL_SIZE: '10' })
  servers.push(bare)
  const small = await startServer('service (small twin)', serviceEntry, config.smallServicePort, serviceEnv(databases.smallUrl), serviceNodeArgs)
  servers.push(small)
  const headers = { authorization: `Bearer ${apiKey}` }
  const deep = await findDeepCursor(service, headers, found)
  const ctx: ScenarioContext = { ...found, deepCursor: deep.cursor }
  const notes = await checkSameAnswers({ service, floor, small }, headers, ctx)
  if (deep.depth < 10_000) notes.push(`At this scale the filtered list has too few rows: the deep page is ${deep.depth} rows deep, not 10 000.`)
  log(`Servers ready; service and floor answer alike. Deep page at row ${deep.depth.toLocaleString('en')}.`)

  /** Each side in turn, the order reversed every round; the best round of each side is kept. */
  async function alternate(sides: { label: string; server: Server; scenario: Scenario }[]): Promise<Measurement[]> {
    const best: (Measurement | undefined)[] = sides.map(() => undefined)
    await idle.checkpoint()
    for (let round = 0; round < config.rounds; round++) {
      const order = sides.map((_, i) => i)
      if (round % 2 === 1) order.reverse()
      for (const i of order) {
        const side = sides[i]!
        const m = await drive(side.server, side.scenario.spec(ctx), { connections: config.connections, durationSeconds: config.durationSeconds, headers }, idle.settle)
        log(`  ${side.scenario.key.padEnd(16)} ${side.label.padEnd(8)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${String(m.p50).padStart(4)} ms  p99 ${String(m.p99).padStart(5)} ms  ` +
          `RSS ${m.peakRssMiB.toFixed(0)} MiB${m.failures ? `  ${m.failures} failed` : ''}`)
        if (!best[i] || m.rps > best[i]!.rps) best[i] = m
      }
    }
    return best as Measurement[]
  }

  const results: ScenarioResult[] = []
  const byKey = new Map(scenarios.map((s) => [s.key, s]))
  for (const scenario of scenarios) {
    if (scenario.key === 'statisticsSmall' || (config.only.length > 0 && !config.only.includes(scenario.key))) continue
    log(`${scenario.title}`)
    const sides = [{ label: 'service', server: service, scenario }]
    if (scenario.floor) sides.push({ label: 'floor', server: floor, scenario })
    const bareSide = BARE.has(scenario.key)
    if (bareSide) sides.push({ label: 'bare', server: bare, scenario })
    // The two statistics scenarios alternate too, so machine drift hits both alike.
    if (scenario.key === 'statistics') sides.push({ label: 'twin', server: small, scenario: byKey.get('statisticsSmall')! })
    const measured = await alternate(sides)
    const rest = measured.slice(scenario.floor ? 2 : 1)
    const floorOf = scenario.floor ? { floor: measured[1]! } : {}
    results.push(withRatio({ key: scenario.key, title: scenario.title, service: measured[0]!, ...floorOf, ...(bareSide ? { bare: rest[0]! } : {}) }))
    if (scenario.key === 'statistics') {
      const twin = byKey.get('statisticsSmall')!
      results.push({ key: twin.key, title: twin.title, service: rest[0]! })
    }
  }
  // The spreadsheets, last: the import adds 5 000 disputes (removed with the rest on the next run).
  const sheets: SheetMeasurement[] = []
  const wanted = (key: string) => config.only.length === 0 || config.only.includes(key)
  if (wanted('export')) {
    for (const [key, n] of [['export1k', 1000], ['export100k', 100_000]] as const) {
      const cutoff = await exportCutoff(databases.url, n)
      if (cutoff.rows < n) notes.push(`At this scale the export of ${n.toLocaleString('en')} disputes holds ${cutoff.rows.toLocaleString('en')}.`)
      const m = await measureExport(service, headers, key, cutoff)
      log(`  ${m.title}: ${m.seconds.toFixed(1)} s, peak RSS ${m.peakRssMiB.toFixed(0)} MiB (${m.rssBeforeMiB.toFixed(0)} before)`)
      sheets.push(m)
    }
  }
  if (wanted('import')) {
    const m = await measureImport(service, headers, await importWorkbook(await gridCodes(databases.url), 5000), 5000)
    log(`  ${m.title}: ${m.seconds.toFixed(1)} s, peak RSS ${m.peakRssMiB.toFixed(0)} MiB`)
    sheets.push(m)
  }

  for (const r of results) if (r.service.failures > 0 || (r.floor?.failures ?? 0) > 0) notes.push(`${r.title}: some requests failed (service ${r.service.failures}, floor ${r.floor?.failures ?? 0}).`)

  const big = results.filter((r) => r.key !== 'statisticsSmall')
  const servicePeakMiB = Math.max(0, ...big.map((r) => r.service.peakRssMiB))
  const floorPeakMiB = Math.max(0, ...big.flatMap((r) => (r.floor ? [r.floor.peakRssMiB] : [])))
  const barePeakMiB = Math.max(0, ...big.flatMap((r) => (r.bare ? [r.bare.peakRssMiB] : [])))
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100
  const memory = {
    servicePeakMiB: Math.round(servicePeakMiB),
    floorPeakMiB: Math.round(floorPeakMiB),
    ratio: ratio(servicePeakMiB, floorPeakMiB),
    barePeakMiB: Math.round(barePeakMiB),
    bareRatio: ratio(servicePeakMiB, barePeakMiB),
  }
  notes.push(`Peak RSS since start (VmHWM): service ${service.memory().peak.toFixed(0)} MiB, floor ${floor.memory().peak.toFixed(0)} MiB, bare floor ${bare.memory().peak.toFixed(0)} MiB.`)
  const report: Results = {
    startedAt,
    finishedAt: new Date().toISOString(),
    scale: config.scale,
    plan,
    connections: config.connections,
    durationSeconds: config.durationSeconds,
    rounds: config.rounds,
    machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg(), node: process.version },
    load: { reused: databases.reused, seconds: Math.round(databases.loadSeconds) },
    scenarios: results,
    sheets,
    memory,
    targets: targets(results, memory),
    notes,
  }
  const table = `${markdown(report)}${sheetMarkdown(sheets).map((l) => `${l}\n`).join('')}`
  log(`\n${table}`)
  // A partial run (BENCH_ONLY) is for trying a change: it is printed, never written as a result.
  if (config.only.length === 0) log(`Written: ${writeResults(report, table).join(', ')}`)
} finally {
  await stopAll()
}
