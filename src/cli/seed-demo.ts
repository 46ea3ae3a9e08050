import { loadConfig } from '../config.js'
import { openConfiguredDatabase, runCli } from './database.js'
import { seedDemo } from './demo-seed.js'

// npm run seed:demo — loads the demo county into the configured database (DATABASE_URL, else PGlite
// in DATA_DIR). Safe to run again: it only adds what is missing.
await runCli(async () => {
  const config = loadConfig()
  const database = await openConfiguredDatabase(config)
  try {
    const say = (line: string) => process.stdout.write(`${line}\n`)
    say(`seeding the demo county 杭锦后旗 into ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${config.dataDir})`}`)
    const summary = await seedDemo(database, config, say)
    say(
      summary.unitsCreated + summary.recordsCreated + summary.recordsChanged === 0
        ? 'nothing to do: the demo county is already complete'
        : `done: ${summary.unitsCreated} grid units and ${summary.recordsCreated} records created, ${summary.recordsChanged} changes applied`,
    )
    say(`团结镇 2025: GET /v1/statistics?year=2025&gridUnitId=${summary.townId}`)
    say(`            GET /v1/reports/annual?year=2025&gridUnitId=${summary.townId}`)
  } finally {
    await database.close()
  }
})
