import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { importsOf, layerOf, layers, sourceFiles, violations } from './import-rules.js'

// The import direction of src/ (README, "Layers"): nothing below imports what is above it, services
// never import the HTTP framework, and only src/config.ts reads the environment.

const root = fileURLToPath(new URL('../../', import.meta.url))
const files = sourceFiles(root)

t.test('every source file sits in a named layer', async (t) => {
  const stray = files.filter((path) => layerOf(path) < 0)
  t.same(stray, [], `files outside ${layers.map(([name]) => name).join(', ')}`)
})

t.test('no file imports a layer above its own, and none below src/http imports Fastify', async (t) => {
  const found = violations(files.flatMap((path) => importsOf(root, path)))
  t.same(found, [], found.join('\n'))
})

t.test('the rules catch a wrong import (the checker itself)', async (t) => {
  t.equal(violations([{ from: 'src/db/keyset.ts', to: 'src/http/record-routes.ts' }]).length, 1, 'db importing http')
  t.equal(violations([{ from: 'src/records/writes.ts', to: 'src/modules/index.ts' }]).length, 1, 'the engine importing the registry')
  t.equal(violations([{ from: 'src/modules/disputes/disputes.ts', to: 'fastify' }]).length, 1, 'a definition importing Fastify')
  t.equal(violations([{ from: 'src/reports/statistics.ts', to: '@fastify/swagger' }]).length, 1, 'a report importing a Fastify plugin')
  t.equal(violations([{ from: 'src/http/record-routes.ts', to: 'src/records/record-service.ts' }]).length, 0, 'http importing the engine')
  t.equal(violations([{ from: 'src/modules/audit-events/schema.ts', to: 'src/modules/index.ts' }]).length, 0, 'within one layer')
})

t.test('only src/config.ts reads process.env', async (t) => {
  const readers = files.filter((path) => path !== 'src/config.ts' && /process\.env\b/.test(readFileSync(`${root}/${path}`, 'utf8')))
  t.same(readers, [])
})
