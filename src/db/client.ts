import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm'
import pg from 'pg'
import type { Config } from '../config.js'
import { isDatabaseUnavailable } from './errors.js'
import * as schema from './schema/index.js'

/** How field names become column names, for every Drizzle instance and dialect. */
export const CASING = 'snake_case'

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

/** The database the configuration names: DATABASE_URL, else PGlite in DATA_DIR. */
export function databaseOptions(config: Config, overrides: Partial<DatabaseOptions> = {}): DatabaseOptions {
  return {
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    connectTimeoutMs: config.dbConnectTimeoutMs,
    statementTimeoutMs: config.dbStatementTimeoutMs,
    ...overrides,
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options.dataDir ?? './data')
}

/** A pool whose every wait is bounded and whose lost connections never crash the process. */
function boundedPool(url: string, options: DatabaseOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Bounded waits: a missing database or an exhausted pool must answer 503, not hang a request.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    idle_in_transaction_session_timeout: (options.statementTimeoutMs ?? 10_000) * 2,
    application_name: 'fazhi-api',
    // No JIT: every statement here is index-driven, and compiling one costs more than it saves
    // (bench/README.md). UTC: instants are read back as text and rewritten to RFC 3339
    // (`isoInstant`), which the UTC form makes cheap.
    options: '-c jit=off -c TimeZone=UTC',
  })
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {})
  // A network partition answers nothing, so statement_timeout never comes back to us: a connection
  // that stays silent past it while a query is out is closed. The query fails (503) at once, the
  // pool opens a fresh connection, and no request waits on a socket that will never answer.
  const readTimeoutMs = (options.statementTimeoutMs ?? 10_000) + 500
  pool.on('connect', (client) => {
    // A connection lost while a transaction holds the client (between two statements) is emitted as
    // 'error' on that client, which has no listener while it is checked out: unhandled, it would end
    // the process. The next statement on it fails instead (503), and the pool discards it on release.
    client.on('error', () => {})
    const stream = (client as unknown as { connection: { stream: import('node:net').Socket } }).connection.stream
    const busy = () => Boolean((client as unknown as { _getActiveQuery?(): unknown })._getActiveQuery?.())
    stream.setTimeout(readTimeoutMs)
    stream.on('timeout', () => {
      if (busy()) stream.destroy()
    })
  })
  return pool
}

/**
 * drizzle-orm's pool transaction sends BEGIN before its try/finally: when BEGIN fails (the
 * connection was just lost) the client is never released, and every such loss leaks one pooled
 * connection until none is left and the service answers 503 for good. Transactions run instead on
 * a client checked out here and always returned (discarded when its connection broke).
 * One Drizzle instance per pooled connection, made on its first transaction: making one costs a
 * walk of the whole schema, too much to pay on every write.
 */
function releasingTransactions(pool: pg.Pool): Db['transaction'] {
  const onClient = new WeakMap<pg.PoolClient, Db>()
  return (async (work, config) => {
    const client = await pool.connect()
    let broken: Error | undefined
    try {
      let session = onClient.get(client)
      if (!session) onClient.set(client, (session = drizzlePg({ client, schema, casing: CASING }) as unknown as Db))
      return await session.transaction(work, config)
    } catch (error) {
      if (isDatabaseUnavailable(error)) broken = error as Error
      throw error
    } finally {
      client.release(broken)
    }
  }) as Db['transaction']
}

function openPostgres(url: string, options: DatabaseOptions): Database {
  const pool = boundedPool(url, options)
  const db = drizzlePg({ client: pool, schema, casing: CASING }) as unknown as Db
  db.transaction = releasingTransactions(pool)
  return {
    db,
    kind: 'postgres',
    async withSession(work) {
      const client = await pool.connect()
      try {
        return await work(drizzlePg({ client, schema, casing: CASING }) as unknown as Db)
      } finally {
        client.release()
      }
    },
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  // Loaded only here: a service on PostgreSQL never carries the embedded engine in its heap.
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')])
  const client = await PGlite.create({ dataDir })
  const db = drizzlePglite({ client, schema, casing: CASING }) as unknown as Db
  return {
    db,
    kind: 'pglite',
    withSession: (work) => work(db),
    // PGlite is one in-process session: nothing is pooled.
    stats: () => ({ total: 1, idle: 0, waiting: 0 }),
    close: () => client.close(),
  }
}

/** One round trip that needs no table: the database answers. */
export async function ping(ex: Executor): Promise<void> {
  await ex.execute(sql`SELECT 1`)
}

/** Rows of a raw SQL statement; both drivers answer `{ rows }`. */
export async function queryRows<T>(ex: Executor, statement: SQL): Promise<T[]> {
  const result = (await ex.execute(statement)) as unknown as { rows: T[] }
  return result.rows
}
