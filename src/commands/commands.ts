import { parseArgs } from 'node:util'
import { allScopes } from '../modules/index.js'
import { createApiKey, listApiKeys, revokeApiKey } from '../db/api-keys.js'
import type { Config } from '../config.js'
import type { Database } from '../db/client.js'
import { appliedMigrations, migrateDatabase } from '../db/migrate.js'

// The commands that need the database, written once: run by the CLI on a database it opened itself
// (PostgreSQL, or an embedded one no service runs on), or by the running service on its own
// embedded database when the CLI asks it over the control socket (control-socket.ts).

export interface CommandContext {
  database: Database
  config: Config
  /** One line of output for the person at the terminal. */
  say(line: string): void
  /** Where the work is done, when not in the CLI's own process: `the running service (pid 123)`. */
  via?: string
}

/** A mistake in how the command was called: said with its usage, before any database is opened. */
export class UsageError extends Error {}

interface Command<A> {
  parse(argv: string[]): A
  run(ctx: CommandContext, args: A): Promise<void>
}

const define = <A>(command: Command<A>) => command as Command<unknown>

const apikeyUsage = `usage:
  npm run apikey -- create --name <name> --scopes <scope,scope> [--grid-unit <id>]
  npm run apikey -- list
  npm run apikey -- revoke <id or name>
scopes: ${allScopes.join(', ')}`

type ApikeyArgs = { command: 'create'; name: string; scopes: string[]; gridUnitId: string | null } | { command: 'list' } | { command: 'revoke'; target: string }

const apikey = define<ApikeyArgs>({
  parse(argv) {
    let parsed
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' }, scopes: { type: 'string' }, 'grid-unit': { type: 'string' } } })
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\n${apikeyUsage}`)
    }
    const { positionals, values } = parsed
    const [command, target] = positionals
    if (command === 'list') return { command }
    if (command === 'revoke' && target) return { command, target }
    if (command !== 'create') throw new UsageError(apikeyUsage)
    const scopes = (values.scopes ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    const unknown = scopes.filter((s) => !(allScopes as readonly string[]).includes(s))
    if (!values.name || scopes.length === 0) throw new UsageError(apikeyUsage)
    if (unknown.length > 0) throw new UsageError(`unknown scope(s): ${unknown.join(', ')}\n${apikeyUsage}`)
    return { command, name: values.name, scopes, gridUnitId: values['grid-unit'] ?? null }
  },
  async run({ database, say }, args) {
    if (args.command === 'create') {
      const { key, secret } = await createApiKey(database.db, { name: args.name, scopes: args.scopes, gridUnitId: args.gridUnitId })
      say(`created key ${key.id} (${key.name}; ${args.scopes.join(',')}${key.gridUnitId ? `; grid unit ${key.gridUnitId}` : ''})`)
      say(`secret (shown once, keep it now): ${secret}`)
    } else if (args.command === 'list') {
      for (const key of await listApiKeys(database.db)) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active'
        say(`${key.id}  ${key.name}  [${key.scopes.join(',')}]  ${key.gridUnitId ?? '-'}  ${key.createdAt.toISOString()}  ${state}`)
      }
    } else {
      const revoked = await revokeApiKey(database.db, args.target)
      if (revoked.length === 0) throw new Error(`no active key with id or name ${args.target}`)
      for (const key of revoked) say(`revoked ${key.id} (${key.name}); it stops working within seconds on every instance`)
    }
  },
})

const noArguments = (name: string) => (argv: string[]) => {
  if (argv.length > 0) throw new UsageError(`usage: npm run ${name} (it takes no arguments)`)
  return {}
}

const migrate = define<object>({
  parse: noArguments('migrate'),
  async run({ database, say, via }) {
    await migrateDatabase(database)
    say(`migrations applied: ${await appliedMigrations(database.db)} (${database.kind}${via ? `, by ${via}` : ''})`)
  },
})

const seed = define<object>({
  parse: noArguments('seed:demo'),
  async run({ database, config, say, via }) {
    say(`seeding the demo county 杭锦后旗 into ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${config.dataDir})`}${via ? `, through ${via}` : ''}`)
    // Loaded here: the seed builds a whole service, which `apikey` and `migrate` need not load.
    const { seedDemo } = await import('./demo-seed.js')
    const summary = await seedDemo(database, config, say)
    say(
      summary.unitsCreated + summary.recordsCreated + summary.recordsChanged === 0
        ? 'nothing to do: the demo county is already complete'
        : `done: ${summary.unitsCreated} grid units and ${summary.recordsCreated} records created, ${summary.recordsChanged} changes applied`,
    )
    say(`团结镇 2025: GET /v1/statistics?year=2025&gridUnitId=${summary.townId}`)
    say(`            GET /v1/reports/annual?year=2025&gridUnitId=${summary.townId}`)
    if (summary.reportId) say(`            GET /v1/annual-reports/${summary.reportId}/document (Accept: text/markdown)`)
  },
})

export const commands = { apikey, migrate, 'seed:demo': seed } as const
export type CommandName = keyof typeof commands

export const isCommandName = (name: unknown): name is CommandName => typeof name === 'string' && Object.hasOwn(commands, name)
