import v8 from 'node:v8'
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'
import { ensureBootstrapKey } from './db/api-keys.js'
import { controlSocketPath, openControlSocket } from './commands/control-socket.js'
import { ConfigError, loadConfig } from './config.js'
import { databaseOptions, openDatabase } from './db/client.js'
import { DataDirBusy, isDirectory, lockDataDirAfterCommands, type DataDirLock } from './db/data-dir-lock.js'
import { migrateDatabase } from './db/migrate.js'

// The service's live heap is small and steady (about 30 MiB). V8 lets the old generation grow to two
// to four times the live size between full collections, garbage promoted from in-flight requests,
// which made the service's resident memory under load half as large again. Collecting at 1.3× keeps
// it near the live set at no measured cost in throughput (bench/README.md).
v8.setFlagsFromString('--heap-growing-percent=30')

async function main() {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(2)
    }
    throw error
  }
  // The embedded database has one owner (db/data-dir-lock.ts): a second service on DATA_DIR stops here.
  let lock: DataDirLock | undefined
  if (!config.databaseUrl && isDirectory(config.dataDir)) {
    try {
      lock = await lockDataDirAfterCommands(config.dataDir, { role: 'service', command: 'npm start', socket: controlSocketPath(config.dataDir) }, (holder) =>
        process.stderr.write(`waiting for \`${holder.command}\` (pid ${holder.pid}) to finish with DATA_DIR ${config.dataDir}…\n`),
      )
    } catch (error) {
      if (!(error instanceof DataDirBusy)) throw error
      process.stderr.write(`${error.message}: stop that one first, or give this one another DATA_DIR\n`)
      process.exit(1)
    }
  }
  const database = await openDatabase(databaseOptions(config))
  await migrateDatabase(database)
  const generated = await ensureBootstrapKey(database, config.bootstrapApiKey)
  if (generated) {
    // Printed once, to stdout only: it is the one time anybody sees this key.
    process.stdout.write(`\nFirst start: an admin API key was created. Keep it now; it is not shown again:\n\n  ${generated}\n\n`)
  }
  const app = await buildApp(config, { database })
  // Commands (`npm run seed:demo`, `apikey`, `migrate`) do their work here, on this process's database.
  const control = lock ? await openControlSocket(lock.owner.socket!, { database, config, log: app.log }) : undefined
  closeWithGrace({ delay: 15_000, logger: app.log }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'draining in-flight requests')
    // A request in flight finishes on its keep-alive connection, which would then stay open until the
    // keep-alive timeout and hold the exit past the grace delay: it is closed once its answer is sent.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100)
    await control?.close()
    await app.close().finally(() => clearInterval(sweep))
    await database.close()
    lock?.release()
  })
  await app.listen({ port: config.port, host: config.host })
  app.log.info({ database: database.kind }, 'fazhi-api ready')
}

await main()
