import { hostname } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { loadConfig, type Config } from '../config.js'
import { databaseOptions, openDatabase, type Database } from '../db/client.js'
import { DataDirBusy, isDirectory, lockDataDir } from '../db/data-dir-lock.js'
import { migrateDatabase } from '../db/migrate.js'
import { commands, type CommandName } from '../commands/commands.js'
import { runThroughService } from './service-client.js'

/** How long a command waits for a service that holds the directory but does not listen yet (it is starting). */
const SERVICE_START_WAIT_MS = 120_000

/** The database the service would use (DATABASE_URL, else PGlite in DATA_DIR), migrated. */
export async function openConfiguredDatabase(config: Config = loadConfig()): Promise<Database> {
  const database = await openDatabase(databaseOptions(config, { poolSize: 2 }))
  await migrateDatabase(database)
  return database
}

/** Runs a command, printing a ConfigError or failure as one line and exiting non-zero. */
export async function runCli(work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}

const say = (line: string) => process.stdout.write(`${line}\n`)

async function runHere(name: CommandName, args: unknown, config: Config): Promise<void> {
  const database = await openConfiguredDatabase(config)
  try {
    await commands[name].run({ database, config, say }, args)
  } finally {
    await database.close()
  }
}

/**
 * A command that needs the database. On PostgreSQL it connects like any instance. On the embedded
 * database it takes the data directory for itself when nobody holds it; when the service runs on
 * it, the service does the work (over its control socket), so what the command writes is what the
 * service serves; when another command holds it, it stops at once and says so.
 */
export async function runDatabaseCommand(name: CommandName, argv: string[] = process.argv.slice(2)): Promise<void> {
  await runCli(async () => {
    const args = commands[name].parse(argv)
    const config = loadConfig()
    if (config.databaseUrl || !isDirectory(config.dataDir)) return runHere(name, args, config)
    const deadline = Date.now() + SERVICE_START_WAIT_MS
    let toldWaiting = false
    for (;;) {
      let lock
      try {
        lock = lockDataDir(config.dataDir, { role: 'command', command: `npm run ${name}` })
      } catch (error) {
        if (!(error instanceof DataDirBusy)) throw error
        const { owner } = error
        if (owner.role !== 'service' || !owner.socket) throw new Error(`${error.message}; wait for it to finish, then run this again`)
        if (owner.host !== hostname()) throw new Error(`${error.message}; run this on that host`)
        const exit = await runThroughService(owner.socket, name, argv, { out: say, err: (line) => process.stderr.write(`${line}\n`) })
        if (exit !== 'unreachable') {
          process.exitCode = exit
          return
        }
        if (Date.now() > deadline) throw new Error(`${error.message}, but it does not answer on ${owner.socket}; see its log`)
        if (!toldWaiting) process.stderr.write(`waiting for the service (pid ${owner.pid}) to finish starting…\n`)
        toldWaiting = true
        await sleep(250)
        continue
      }
      try {
        return await runHere(name, args, config)
      } finally {
        lock.release()
      }
    }
  })
}
