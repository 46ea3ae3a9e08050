import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { loadDocument } from './response-validator.js'

// The committed contract passes Spectral (spectral:oas + .spectral.yaml) and Redocly (recommended,
// redocly.yaml) with no error and no warning; a spoiled copy shows the house rules do bite.
const root = new URL('../../', import.meta.url).pathname
const run = promisify(execFile)
// No update check or telemetry: CI reaches no network but the package registries.
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }

interface Problem {
  rule: string
  severity: string
  where: string
}

async function spectral(file: string): Promise<Problem[]> {
  const { stdout } = await run(join(root, 'node_modules/.bin/spectral'), ['lint', file, '--ruleset', join(root, '.spectral.yaml'), '-f', 'json', '--fail-severity', 'hint', '-q'], { cwd: root, env, maxBuffer: 64 << 20 }).catch((e) => e)
  const severities = ['error', 'warning', 'information', 'hint']
  // Spectral always answers a JSON array here; anything else (no output at all) is a failed run, not a clean one.
  return (JSON.parse(stdout) as { code: string; severity: number; path: string[] }[]).map((p) => ({ rule: p.code, severity: severities[p.severity] ?? String(p.severity), where: p.path.join('.') }))
}

async function redocly(file: string): Promise<Problem[]> {
  const { stdout } = await run(join(root, 'node_modules/.bin/redocly'), ['lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'json'], { cwd: root, env, maxBuffer: 64 << 20 }).catch((e) => e)
  const result = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { problems: { ruleId: string; severity: string; location: { pointer: string }[] }[] }
  return result.problems.map((p) => ({ rule: p.ruleId, severity: p.severity, where: p.location[0]?.pointer ?? '' }))
}

for (const file of ['openapi/openapi.yaml', 'openapi/openapi.json']) {
  t.test(`spectral lint ${file}: no error, no warning`, async (t) => {
    t.same(await spectral(join(root, file)), [])
  })
  t.test(`redocly lint ${file}: no error, no warning`, async (t) => {
    t.same(await redocly(join(root, file)), [])
  })
}

t.test('the house rules catch a problem answer that is not problem+json, a bad operationId and a /v1 operation without 4xx', async (t) => {
  const doc = loadDocument()
  doc.paths['/v1/disputes'].get.responses['400'].content = { 'application/json': { schema: { type: 'object' } } }
  doc.paths['/v1/disputes'].get.operationId = 'disputesIndex'
  const remove = doc.paths['/v1/disputes/{id}'].delete.responses
  for (const status of Object.keys(remove)) if (status.startsWith('4')) delete remove[status]
  const dir = mkdtempSync(join(tmpdir(), 'lint-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const spoiled = join(dir, 'openapi.json')
  writeFileSync(spoiled, JSON.stringify(doc))
  const rules = [...(await spectral(spoiled)), ...(await redocly(spoiled))].map((p) => p.rule)
  for (const rule of ['problem-json-errors', 'operation-id-camel-case', 'rule/v1-operation-4xx-response']) t.ok(rules.includes(rule), `${rule} reports it`)
})
