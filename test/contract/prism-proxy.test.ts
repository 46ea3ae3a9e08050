import { spawn } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { startLiveServer } from './live-server.js'
import { decisionFlow, disputeFlow, enforcementCaseFlow, gridUnitFlow, legalEducationEventFlow, readOnlyFlow, sdkClient } from './sdk-flows.js'

// The same SDK run as sdk-e2e, through Stoplight Prism's validating proxy: with `--errors` Prism
// answers a request or response that breaks the committed document with its own error instead of
// passing it on, so a clean run is a second, independent proof that every answer matches.
const root = new URL('../../', import.meta.url)

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function startPrism(t: Test, upstream: string): Promise<string> {
  const port = await freePort()
  const prism = spawn(
    process.execPath,
    [new URL('node_modules/@stoplight/prism-cli/dist/index.js', root).pathname, 'proxy', 'openapi/openapi.yaml', upstream, '--errors', '-h', '127.0.0.1', '-p', String(port)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let log = ''
  const keep = (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-20_000))
  prism.stdout.on('data', keep)
  prism.stderr.on('data', keep)
  t.teardown(() => void prism.kill())
  const url = `http://127.0.0.1:${port}`
  // Prism compiles the document before it listens; on a busy 2-core machine that takes a while.
  for (let i = 0; i < 240; i++) {
    if (prism.exitCode !== null) throw new Error(`prism exited ${prism.exitCode}:\n${log}`)
    const up = await fetch(`${url}/healthz`).then((r) => r.ok, () => false)
    if (up) return url
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`prism did not start:\n${log}`)
}

t.test('the SDK run through Prism’s validating proxy meets no violation', async (t) => {
  const { baseUrl, adminKey } = await startLiveServer(t)
  const proxy = await startPrism(t, baseUrl)
  const violations: string[] = []
  let answers = 0
  const api = sdkClient(proxy, adminKey, async ({ method, path, response }) => {
    answers++
    const where = `${method} ${path} → ${response.status}`
    // Prism's own answers (request or response off the document) carry its problem type; warnings the `sl-violations` header.
    const body = await response.clone().text()
    if (body.includes('stoplight.io/prism/errors')) violations.push(`${where}: ${body}`)
    const header = response.headers.get('sl-violations')
    if (header) violations.push(`${where}: ${header}`)
  })

  const { county, grid } = await gridUnitFlow(t, api)
  await t.test('decisions', (t) => decisionFlow(t, api, grid.id))
  await t.test('enforcement cases', (t) => enforcementCaseFlow(t, api, grid.id))
  await t.test('legal-education events', (t) => legalEducationEventFlow(t, api, grid.id))
  await t.test('disputes', (t) => disputeFlow(t, api, grid.id))
  await t.test('statistics, report and audit feed', (t) => readOnlyFlow(t, api, county.id))

  t.ok(answers >= 60, `${answers} answers through the proxy`)
  t.same(violations, [], 'Prism found no request or response off the document')
})
