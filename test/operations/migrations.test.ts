import pg from 'pg'
import t from 'tap'
import { randomBytes } from 'node:crypto'
import { openDatabase } from '../../src/db/client.js'
import { appliedMigrations, expectedMigrations, migrateDatabase } from '../../src/db/migrate.js'
import { testServerUrl } from '../helpers/database.js'

t.test('two instances migrating one empty database at once do not collide', { skip: testServerUrl ? false : 'needs a PostgreSQL server' }, async (t) => {
  const name = `fazhi_migrate_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: testServerUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(testServerUrl!)
  url.pathname = `/${name}`
  const a = await openDatabase({ databaseUrl: url.toString() })
  const b = await openDatabase({ databaseUrl: url.toString() })
  t.teardown(async () => {
    await a.close()
    await b.close()
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
    await admin.end()
  })
  await Promise.all([migrateDatabase(a), migrateDatabase(b)])
  t.equal(await appliedMigrations(a.db), expectedMigrations)
  await migrateDatabase(a)
  t.equal(await appliedMigrations(b.db), expectedMigrations, 'a second run changes nothing')
})

t.test('the same migrations serve the embedded database', async (t) => {
  const embedded = await openDatabase({ dataDir: 'memory://' })
  t.teardown(() => embedded.close())
  await migrateDatabase(embedded)
  t.equal(await appliedMigrations(embedded.db), expectedMigrations)
})
