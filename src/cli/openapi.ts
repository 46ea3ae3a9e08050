import { mkdirSync, writeFileSync } from 'node:fs'
import { buildOpenApiDocument } from '../openapi-document.js'
import { runCli } from './database.js'

await runCli(async () => {
  const { json, yaml } = await buildOpenApiDocument()
  const folder = new URL('../../openapi/', import.meta.url)
  mkdirSync(folder, { recursive: true })
  writeFileSync(new URL('openapi.json', folder), json)
  writeFileSync(new URL('openapi.yaml', folder), yaml)
  process.stdout.write('wrote openapi/openapi.json and openapi/openapi.yaml\n')
})
