import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'
import { openDatabase, type Database } from '../../src/db/client.js'
import { migrateDatabase, migrationsFolder } from '../../src/db/migrate.js'

/** The server a test run uses; without one every test file gets an in-memory PGlite. */
export const testServerUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL

const TEMPLATE_PREFIX = 'fazhi_test_template'

function migrationsHash(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) walk(path)
      else hash.update(entry.name).update(readFileSync(path))
    }
  }
  walk(migrationsFolder)
  return hash.digest('hex').slice(0, 16)
}

function urlFor(database: string): string {
  const url = new URL(testServerUrl!)
  url.pathname = `/${database}`
  return url.toString()
}

/**
 * A migrated template database named after the migrations it holds, so that checkouts with other
 * migrations on the same server each keep their own; test databases are cloned from it. The
 * comment marks a template whose migrations all ran (a run killed half-way leaves none).
 */
async function ensureTemplate(admin: pg.Client): Promise<string> {
  const wanted = migrationsHash()
  const template = `${TEMPLATE_PREFIX}_${wanted}`
  await admin.query('SELECT pg_advisory_lock(7402118299)')
  try {
    const { rows } = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [template],
    )
    if (rows[0]?.comment === 'migrated') return template
    if (rows.length > 0) await admin.query(`DROP DATABASE ${template} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${template}`)
    const database = await openDatabase({ databaseUrl: urlFor(template), poolSize: 1 })
    try {
      await migrateDatabase(database)
    } finally {
      await database.close()
    }
    await admin.query(`COMMENT ON DATABASE ${template} IS 'migrated'`)
    return template
  } finally {
    await admin.query('SELECT pg_advisory_unlock(7402118299)')
  }
}

export interface TestDatabase {
  database: Database
  url: string | undefined
  drop(): Promise<void>
}

/** A fresh, migrated database of its own: a clone of the template on PostgreSQL, or a new PGlite. */
export async function freshDatabase(options: { poolSize?: number; statementTimeoutMs?: number } = {}): Promise<TestDatabase> {
  if (!testServerUrl) {
    const database = await openDatabase({ dataDir: 'memory://' })
    await migrateDatabase(database)
    return { database, url: undefined, drop: () => database.close() }
  }
  const admin = new pg.Client({ connectionString: testServerUrl })
  await admin.connect()
  const name = `fazhi_test_${randomBytes(6).toString('hex')}`
  try {
    const template = await ensureTemplate(admin)
    // Shared while cloning, exclusive while rebuilding: a rebuild never drops a template mid-copy.
    await admin.query('SELECT pg_advisory_lock_shared(7402118299)')
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
    await admin.query('SELECT pg_advisory_unlock_shared(7402118299)')
  } finally {
    await admin.end()
  }
  const url = urlFor(name)
  const database = await openDatabase({ databaseUrl: url, poolSize: options.poolSize ?? 10, statementTimeoutMs: options.statementTimeoutMs ?? 20_000, connectTimeoutMs: 5000 })
  let dropped = false
  return {
    database,
    url,
    async drop() {
      if (dropped) return
      dropped = true
      await database.close().catch(() => {})
      const cleanup = new pg.Client({ connectionString: testServerUrl })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleanup.end())
    },
  }
}
