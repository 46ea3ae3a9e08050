import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm'
import pg from 'pg'
import * as schema from './schema/index.js'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Anything a query can run on: the database itself or an open transaction. */
export type Executor = Db | Tx

export interface PoolStats {
  total: number
  idle: number
  waiting: number
}

export interface Database {
  readonly db: Db
  readonly kind: 'postgres' | 'pglite'
  /** Runs work on one dedicated session, for session-level advisory locks. */
  withSession<T>(work: (session: Db) => Promise<T>): Promise<T>
  stats(): PoolStats
  close(): Promise<void>
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined
  /** PGlite data directory; `memory://` keeps it in memory. */
  dataDir?: string
  poolSize?: number
  connectTimeoutMs?: number
  statementTimeoutMs?: number
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.dataDir ?? './data')
}

function openPostgres(url: string, options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Bounded waits: a missing database or an exhausted pool must answer 503, not hang a request.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    idle_in_transaction_session_timeout: (options.statementTimeoutMs ?? 10_000) * 2,
    application_name: 'fazhi-api',
  })
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {})
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db
  return {
    db,
    kind: 'postgres',
    async withSession(work) {
      const client = await pool.connect()
      try {
        return await work(drizzlePg({ client, schema, casing: 'snake_case' }) as unknown as Db)
      } finally {
        client.release()
      }
    },
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  const client = await PGlite.create({ dataDir })
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db
  return {
    db,
    kind: 'pglite',
    withSession: (work) => work(db),
    // PGlite is one in-process session: nothing is pooled.
    stats: () => ({ total: 1, idle: 0, waiting: 0 }),
    close: () => client.close(),
  }
}

/** Rows of a raw SQL statement; both drivers answer `{ rows }`. */
export async function queryRows<T>(ex: Executor, statement: SQL): Promise<T[]> {
  const result = (await ex.execute(statement)) as unknown as { rows: T[] }
  return result.rows
}
