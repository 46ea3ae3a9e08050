import { appliedMigrations } from '../db/migrate.js'
import { openConfiguredDatabase, runCli } from './database.js'

await runCli(async () => {
  const database = await openConfiguredDatabase()
  try {
    process.stdout.write(`migrations applied: ${await appliedMigrations(database.db)} (${database.kind})\n`)
  } finally {
    await database.close()
  }
})
