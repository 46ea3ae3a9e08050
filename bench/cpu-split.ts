import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { dataPlan, loadBenchConfig } from './config.js'
import { findContext, settler } from './context.js'
import { drive } from './drive.js'
import { prepareDatabases } from './load.js'
import { buildFloor, buildService, serviceEntry, serviceNodeArgs, startServer, type Server } from './processes.js'
import { scenarios } from './scenarios.js'

// Where a scenario's CPU goes, per request, for the service and both floors:
// `node --import tsx bench/cpu-split.ts <scenario> [rounds]` drives each side in turn on the bench
// database and reads the CPU time (/proc) of the server, of the driver (this process, autocannon)
// and of the rest of the machine (PostgreSQL, on a quiet one) across the measured run, and the WAL
// written (full-page images after a checkpoint make a write's WAL jump). A throughput gap on
// 2 cores is a gap in the CPU time a request costs; this says whose.

const TICK_US = 10_000 // USER_HZ is 100 on Linux

function ticksOf(pid: string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12]) // utime, stime
  } catch {
    return 0 // the process ended
  }
}

/** Busy CPU of the whole machine: PostgreSQL's share is what the server and the driver leave of it. */
function machineTicks(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number)
  return user! + nice! + system! + irq! + softirq! + steal!
}

const [key = 'patch', roundsArg = '2'] = process.argv.slice(2)
const scenario = scenarios.find((s) => s.key === key)
if (!scenario) throw new Error(`no scenario ${key}; one of ${scenarios.map((s) => s.key).join(', ')}`)
const config = loadBenchConfig()
const plan = dataPlan(config.scale)
buildService()
const databases = await prepareDatabases(config.adminUrl, config.databaseName, plan, config.reload, (l) => console.log(l))
const apiKey = `bench_${randomBytes(24).toString('base64url')}`
const env = { DATABASE_URL: databases.url, DB_POOL_SIZE: '10' }
const sides: Server[] = [
  await startServer('service', serviceEntry, config.servicePort, { ...env, BOOTSTRAP_API_KEY: apiKey, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' }, serviceNodeArgs),
  await startServer('floor', buildFloor(), config.floorPort, env),
  await startServer('bare', buildFloor('bare'), config.barePort, env),
]
const stats = new pg.Client({ connectionString: config.adminUrl })
await stats.connect()
const walNow = async () => (await stats.query<{ bytes: string; fpi: string }>('SELECT wal_bytes::text AS bytes, wal_fpi::text AS fpi FROM pg_stat_wal')).rows[0]!
const idle = settler(config.adminUrl, [config.databaseName])
const headers = { authorization: `Bearer ${apiKey}` }
const perRequest = (ticks: number, n: number) => ((ticks * TICK_US) / n).toFixed(0).padStart(6)
try {
  const ctx = { ...(await findContext(databases.url, plan.year)), deepCursor: '' }
  console.log(`${key}: µs of CPU per successful request (server, PostgreSQL, driver, all)`)
  await idle.checkpoint()
  for (let round = 0; round < Number(roundsArg); round++) {
    for (const server of round % 2 ? [...sides].reverse() : sides) {
      const used = { server: 0, pg: 0, driver: 0 }
      let walAtStart: ReturnType<typeof walNow> | undefined
      let walAtEnd: ReturnType<typeof walNow> | undefined
      const watch = () => {
        walAtStart = walNow()
        const before = { server: ticksOf(String(server.pid)), machine: machineTicks(), driver: process.cpuUsage() }
        return () => {
          const driver = process.cpuUsage(before.driver)
          used.server = ticksOf(String(server.pid)) - before.server
          used.pg = machineTicks() - before.machine - used.server - (driver.user + driver.system) / TICK_US
          used.driver = (driver.user + driver.system) / TICK_US
          walAtEnd = walNow()
        }
      }
      const m = await drive(server, scenario.spec(ctx), { connections: config.connections, durationSeconds: config.durationSeconds, headers, watch }, idle.settle)
      const served = m.rps * config.durationSeconds
      if (!walAtStart || !walAtEnd) throw new Error('the measured run was not watched')
      const wal = { start: await walAtStart, end: await walAtEnd }
      const walPerRequest = (Number(wal.end.bytes) - Number(wal.start.bytes)) / m.requests
      const imagesPerRequest = (Number(wal.end.fpi) - Number(wal.start.fpi)) / m.requests
      console.log(
        `${server.name.padEnd(8)} ${m.rps.toFixed(0).padStart(6)} req/s  server ${perRequest(used.server, served)}  pg ${perRequest(used.pg, served)}  driver ${perRequest(used.driver, served)}  all ${perRequest(used.server + used.pg + used.driver, served)}  WAL ~${(walPerRequest / 1024).toFixed(1)} KiB (${imagesPerRequest.toFixed(2)} page images)`,
      )
    }
  }
} finally {
  await idle.close()
  await stats.end()
  await Promise.all(sides.map((s) => s.stop()))
}
