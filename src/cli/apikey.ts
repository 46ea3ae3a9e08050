import { parseArgs } from 'node:util'
import { allScopes } from '../modules/index.js'
import { createApiKey, listApiKeys, revokeApiKey } from '../db/api-keys.js'
import { openConfiguredDatabase, runCli } from './database.js'

const usage = `usage:
  npm run apikey -- create --name <name> --scopes <scope,scope> [--grid-unit <id>]
  npm run apikey -- list
  npm run apikey -- revoke <id or name>
scopes: ${allScopes.join(', ')}`

await runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, scopes: { type: 'string' }, 'grid-unit': { type: 'string' } },
  })
  const [command, target] = positionals
  if (!command || !['create', 'list', 'revoke'].includes(command)) throw new Error(usage)
  const database = await openConfiguredDatabase()
  try {
    if (command === 'create') {
      const scopes = (values.scopes ?? '').split(',').map((s) => s.trim()).filter(Boolean)
      const unknown = scopes.filter((s) => !(allScopes as readonly string[]).includes(s))
      if (!values.name || scopes.length === 0) throw new Error(usage)
      if (unknown.length > 0) throw new Error(`unknown scope(s): ${unknown.join(', ')}\n${usage}`)
      const { key, secret } = await createApiKey(database.db, { name: values.name, scopes, gridUnitId: values['grid-unit'] ?? null })
      process.stdout.write(`created key ${key.id} (${key.name}; ${scopes.join(',')}${key.gridUnitId ? `; grid unit ${key.gridUnitId}` : ''})\n`)
      process.stdout.write(`secret (shown once, keep it now): ${secret}\n`)
    } else if (command === 'list') {
      for (const key of await listApiKeys(database.db)) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active'
        process.stdout.write(`${key.id}  ${key.name}  [${key.scopes.join(',')}]  ${key.gridUnitId ?? '-'}  ${key.createdAt.toISOString()}  ${state}\n`)
      }
    } else {
      if (!target) throw new Error(usage)
      const revoked = await revokeApiKey(database.db, target)
      if (revoked.length === 0) throw new Error(`no active key with id or name ${target}`)
      for (const key of revoked) process.stdout.write(`revoked ${key.id} (${key.name}); it stops working within seconds on every instance\n`)
    }
  } finally {
    await database.close()
  }
})
