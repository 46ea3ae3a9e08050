import { loadConfig, type Config } from '../config.js'
import { databaseOptions, openDatabase, type Database } from '../db/client.js'
import { migrateDatabase } from '../db/migrate.js'

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
