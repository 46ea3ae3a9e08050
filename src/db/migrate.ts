import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { queryRows, type Database, type Db } from './client.js'

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url))

/** Any fixed number: it names the lock that serialises migrations and first-start set-up. */
export const SETUP_LOCK = 7_402_118_223

const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
  entries: { tag: string }[]
}
export const expectedMigrations = journal.entries.length

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so two instances starting
 * at once take turns instead of racing on the same DDL.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.withSession(async (session) => {
    await session.execute(sql`SELECT pg_advisory_lock(${SETUP_LOCK})`)
    try {
      if (database.kind === 'postgres') await migratePg(session as unknown as NodePgDatabase, { migrationsFolder })
      else await migratePglite(session as unknown as PgliteDatabase, { migrationsFolder })
    } finally {
      await session.execute(sql`SELECT pg_advisory_unlock(${SETUP_LOCK})`)
    }
  })
}

/** How many migrations the database has applied (0 before the first). */
export async function appliedMigrations(db: Db): Promise<number> {
  const [row] = await queryRows<{ applied: number }>(db, sql`
    SELECT CASE WHEN to_regclass('drizzle.__drizzle_migrations') IS NULL THEN 0
           ELSE (SELECT count(*)::int FROM drizzle.__drizzle_migrations) END AS applied`)
  return Number(row?.applied ?? 0)
}
