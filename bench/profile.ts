import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dataPlan, loadBenchConfig } from './config.js'
import { findContext, findDeepCursor, settler } from './context.js'
import { drive } from './drive.js'
import { prepareDatabases } from './load.js'
import { buildFloor, buildService, serviceEntry, startServer } from './processes.js'
import { scenarios } from './scenarios.js'

// Where a scenario's time goes: `node --import tsx bench/profile.ts <scenario> [floor|bare]` runs the
// service (or a floor) under --cpu-prof on the bench database, drives the scenario once, and
// prints the functions and packages that took the most CPU time. Same settings as `npm run bench`.

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

const [key = 'get', side = 'service'] = process.argv.slice(2)
const scenario = scenarios.find((s) => s.key === key)
if (!scenario) throw new Error(`no scenario ${key}; one of ${scenarios.map((s) => s.key).join(', ')}`)
const config = loadBenchConfig()
const plan = dataPlan(config.scale)
if (side === 'service') buildService()
const databases = await prepareDatabases(config.adminUrl, config.databaseName, plan, config.reload, (l) => console.log(l))
const url = scenario.database === 'small' ? databases.smallUrl : databases.url
const apiKey = `bench_${randomBytes(24).toString('base64url')}`
const folder = mkdtempSync(`${tmpdir()}/fazhi-profile-`)
const args = ['--cpu-prof', `--cpu-prof-dir=${folder}`]
const server = side === 'floor' || side === 'bare'
  ? await startServer(side, buildFloor(side), config.floorPort, { DATABASE_URL: url }, args)
  : await startServer('service', serviceEntry, config.servicePort, { DATABASE_URL: url, BOOTSTRAP_API_KEY: apiKey, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' }, args)
const headers = { authorization: `Bearer ${apiKey}` }
try {
  const found = await findContext(databases.url, plan.year)
  const deep = side === 'service' ? await findDeepCursor(server, headers, found) : { cursor: '' }
  const idle = settler(config.adminUrl, [config.databaseName, `${config.databaseName}_small`])
  await idle.checkpoint()
  const m = await drive(server, scenario.spec({ ...found, deepCursor: deep.cursor }), { connections: config.connections, durationSeconds: config.durationSeconds, headers }, idle.settle)
  await idle.close()
  console.log(`${key} on the ${side}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.failures} failed`)
} finally {
  await server.stop()
}

const file = readdirSync(folder).find((f) => f.endsWith('.cpuprofile'))
if (!file) throw new Error(`no profile was written to ${folder}`)
const profile = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')) as {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}
// Only the measured run counts: the samples of its last seconds, not the start-up's compilation.
const from = profile.endTime - (config.durationSeconds + 0.5) * 1e6
const hitsOf = new Map<number, number>()
let at = profile.startTime
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0
  if (at >= from) hitsOf.set(id, (hitsOf.get(id) ?? 0) + 1)
})
const total = [...hitsOf.values()].reduce((a, b) => a + b, 0)
const byFunction = new Map<string, number>()
const byPackage = new Map<string, number>()
for (const node of profile.nodes) {
  const hits = hitsOf.get(node.id) ?? 0
  if (hits === 0) continue
  const { functionName, url: source, lineNumber } = node.callFrame
  const where = source.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/').replace(/^.*\/(dist|bench)\//, '$1/')
  const name = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`
  byFunction.set(name, (byFunction.get(name) ?? 0) + hits)
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? (source.includes('/dist/') ? 'service (dist)' : source.startsWith('node:') ? 'node' : source ? 'other' : functionName)
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits)
}
const top = (map: Map<string, number>, n: number) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
console.log(`\nSelf time by package (${total} samples):\n${top(byPackage, 15).join('\n')}`)
console.log(`\nSelf time by function:\n${top(byFunction, 30).join('\n')}`)
console.log(`\nProfile: ${folder}/${file}`)
