import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'
import { openDatabase } from '../src/db/client.js'
import { migrateDatabase, migrationsFolder } from '../src/db/migrate.js'
import type { DataPlan } from './config.js'
import { benchUnitsSql, fillerUnitsSql, helperFunctions } from './dataset.js'
import { ledgerGenerators } from './ledgers.js'
import { decisions, disputes, enforcementCases, legalEducationEvents, type Generator } from './records.js'

// Builds the two bench databases from scratch: the big one, and a small twin that differs only in
// holding 1 % of the disputes and of the five ledgers (the statistics comparison). A load is kept and
// reused by later runs of the same plan; BENCH_RELOAD=1 forces a new one.

/** Bump when the generated data changes, so older loads are not reused. */
const LOADER_VERSION = 2
const BATCH = 50_000

export interface BenchDatabases {
  url: string
  smallUrl: string
  reused: boolean
  loadSeconds: number
}

type Log = (line: string) => void

/** Each migration's hash: a load is reused while the migrations it was made with are unchanged. */
function migrationHashes(): Record<string, string> {
  const names = readdirSync(migrationsFolder).filter((n) => n.endsWith('.sql')).sort()
  return Object.fromEntries(names.map((n) => [n, createHash('sha256').update(readFileSync(`${migrationsFolder}/${n}`)).digest('hex').slice(0, 16)]))
}

interface LoadMark {
  signature: string
  migrations: Record<string, string>
  loadedAt: string
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function comments(admin: pg.Client, names: string[]): Promise<Map<string, string | null>> {
  const { rows } = await admin.query<{ datname: string; comment: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = ANY($1)`,
    [names],
  )
  return new Map(rows.map((r) => [r.datname, r.comment]))
}

/** Bulk-load settings: nothing waits for a flush, foreign-key triggers are off (every id is generated valid). */
async function bulkSession(client: pg.Client): Promise<void> {
  await client.query(`SET synchronous_commit = off`)
  await client.query(`SET session_replication_role = replica`)
  await client.query(`SET maintenance_work_mem = '512MB'`)
  await client.query(`SET work_mem = '64MB'`)
}

/**
 * Inserts a table's rows in batches with its secondary indexes dropped, then builds them again
 * from their own definitions: one sort per index instead of a million index insertions.
 */
async function loadTable(client: pg.Client, gen: Generator, log: Log): Promise<void> {
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [gen.table],
  )
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`)
  const started = Date.now()
  for (let lo = 1; lo <= gen.total; lo += BATCH) {
    const hi = Math.min(gen.total, lo + BATCH - 1)
    await client.query(gen.batch(lo, hi))
    log(`  ${gen.table}: ${hi.toLocaleString('en')} / ${gen.total.toLocaleString('en')} rows (${seconds(started)} s)`)
  }
  const indexing = Date.now()
  for (const index of indexes) await client.query(index.def)
  log(`  ${gen.table}: ${indexes.length} indexes rebuilt (${seconds(indexing)} s)`)
}

async function checkOwners(client: pg.Client, table: string): Promise<void> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${table} r WHERE NOT EXISTS (SELECT 1 FROM grid_units g WHERE g.id = r.grid_unit_id)`,
  )
  if (Number(rows[0]!.n) > 0) throw new Error(`${table}: ${rows[0]!.n} rows name a grid unit that does not exist`)
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1)

export async function prepareDatabases(adminUrl: string, big: string, plan: DataPlan, reload: boolean, log: Log): Promise<BenchDatabases> {
  if (!/^[a-z_][a-z0-9_]*$/.test(big)) throw new Error(`${big} is not a plain database name`)
  const small = `${big}_small`
  const url = databaseUrl(adminUrl, big)
  const smallUrl = databaseUrl(adminUrl, small)
  const signature = JSON.stringify({ v: LOADER_VERSION, plan })
  const migrations = migrationHashes()
  const started = Date.now()

  const existing = await withClient(adminUrl, (admin) => comments(admin, [big, small]))
  const loaded = (name: string) => {
    const comment = existing.get(name)
    return comment ? (JSON.parse(comment) as LoadMark) : undefined
  }
  const reusable = (mark: LoadMark | undefined) =>
    mark?.signature === signature && Object.entries(mark.migrations ?? {}).every(([name, hash]) => migrations[name] === hash)
  const previous = loaded(big)
  if (!reload && previous && reusable(previous) && reusable(loaded(small))) {
    log(`Reusing the data set loaded at ${previous.loadedAt} (BENCH_RELOAD=1 loads afresh).`)
    for (const target of [url, smallUrl]) {
      // Migrations added since the load are applied as a deployment would apply them.
      const database = await openDatabase({ databaseUrl: target, poolSize: 1, statementTimeoutMs: 600_000 })
      await migrateDatabase(database).finally(() => database.close())
      await withClient(target, (client) => resetWrites(client, previous.loadedAt))
    }
    return { url, smallUrl, reused: true, loadSeconds: 0 }
  }

  log(`Loading: ${plan.disputes.toLocaleString('en')} disputes, ${plan.perResource.toLocaleString('en')} decisions, cases and events each, ` +
    `${plan.perLedger.toLocaleString('en')} of each ledger, ≥ ${plan.gridUnits.toLocaleString('en')} grid units; ` +
    `and a twin with ${plan.smallDisputes.toLocaleString('en')} disputes and ${plan.smallPerLedger.toLocaleString('en')} of each ledger.`)
  await withClient(adminUrl, async (admin) => {
    for (const name of [big, small]) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${big}`)
  })
  const database = await openDatabase({ databaseUrl: url, poolSize: 1 })
  try {
    await migrateDatabase(database)
  } finally {
    await database.close()
  }
  const loadedAt = new Date().toISOString()
  await withClient(url, async (client) => {
    await bulkSession(client)
    for (const statement of helperFunctions) await client.query(statement)
    await client.query(benchUnitsSql())
    const filler = fillerUnitsSql(plan.gridUnits - 179)
    if (filler) await client.query(filler)
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM grid_units`)
    log(`  grid_units: ${Number(rows[0]!.n).toLocaleString('en')} rows (${seconds(started)} s)`)
    for (const gen of [decisions(plan.perResource, plan), enforcementCases(plan.perResource, plan), legalEducationEvents(plan.perResource, plan)]) {
      await loadTable(client, gen, log)
      await checkOwners(client, gen.table)
    }
    await client.query(`VACUUM (ANALYZE) grid_units, decisions, enforcement_cases, legal_education_events`)
  })
  // The twin starts as a copy of everything but the disputes, so only their number differs.
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${small} TEMPLATE ${big}`))
  const sizes = [[smallUrl, plan.smallDisputes, plan.smallPerLedger], [url, plan.disputes, plan.perLedger]] as const
  for (const [target, count, ledgerCount] of sizes) {
    await withClient(target, async (client) => {
      await bulkSession(client)
      const generators = [disputes(count, plan), ...ledgerGenerators.map((ledger) => ledger(ledgerCount, plan))]
      for (const gen of generators) {
        await loadTable(client, gen, log)
        await checkOwners(client, gen.table)
      }
      await client.query(`DROP SCHEMA bench CASCADE`)
      const vacuum = Date.now()
      await client.query(`VACUUM (ANALYZE) ${generators.map((gen) => gen.table).join(', ')}`)
      log(`  disputes and ledgers: vacuumed and analyzed (${seconds(vacuum)} s)`)
    })
  }
  await withClient(adminUrl, async (admin) => {
    const mark: LoadMark = { signature, migrations, loadedAt }
    const comment = JSON.stringify(mark).replace(/'/g, "''")
    for (const name of [big, small]) await admin.query(`COMMENT ON DATABASE ${name} IS '${comment}'`)
  })
  const loadSeconds = (Date.now() - started) / 1000
  log(`Loaded in ${loadSeconds.toFixed(0)} s.`)
  return { url, smallUrl, reused: false, loadSeconds }
}

/** Undoes what a previous run wrote (created disputes, audit events, keys), so runs start alike. */
async function resetWrites(client: pg.Client, loadedAt: string): Promise<void> {
  await client.query(`DELETE FROM disputes WHERE created_at > $1::timestamptz`, [loadedAt])
  await client.query(`TRUNCATE audit_events, idempotency_keys, api_keys`)
  await client.query(`VACUUM (ANALYZE) disputes`)
}
