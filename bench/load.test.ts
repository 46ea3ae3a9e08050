import { randomBytes } from 'node:crypto'
import pg from 'pg'
import t from 'tap'
import { openDatabase } from '../src/db/client.js'
import { computeStatistics, type StatisticsUnit } from '../src/reports/statistics.js'
import { dataPlan } from './config.js'
import { prepareDatabases } from './load.js'

// The benchmark's data set at its smallest: the loader must build what the scenarios assume, or
// its figures measure something else. Needs a PostgreSQL server (it creates databases).

const adminUrl = process.env.TEST_DATABASE_URL
if (!adminUrl) {
  t.test('the bench loader', { skip: 'needs TEST_DATABASE_URL: the loader creates databases on a PostgreSQL server' }, async () => {})
} else {
  const name = `fazhi_bench_test_${randomBytes(4).toString('hex')}`
  const plan = dataPlan(0.001)
  const count = async (url: string, statement: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query<{ n: number }>(statement, params)
      return rows[0]!.n
    } finally {
      await client.end()
    }
  }
  t.teardown(async () => {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    for (const db of [name, `${name}_small`]) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
    await admin.end()
  })

  const loaded = await prepareDatabases(adminUrl, name, plan, false, () => {})

  t.test('each database holds the planned disputes, every one owned by a grid of the two towns', async (t) => {
    for (const [url, disputes] of [[loaded.url, plan.disputes], [loaded.smallUrl, plan.smallDisputes]] as const) {
      t.equal(await count(url, 'SELECT count(*)::int AS n FROM disputes'), disputes)
      t.equal(
        await count(url, `SELECT count(*)::int AS n FROM disputes d JOIN grid_units g ON g.id = d.grid_unit_id WHERE g.level = 'grid' AND g.code LIKE '150826%'`),
        disputes,
      )
      t.equal(await count(url, 'SELECT count(*)::int AS n FROM audit_events'), 0, 'no audit events are loaded')
    }
  })

  t.test('each database holds the planned rows of each ledger, and the same town-year of each', async (t) => {
    const ledgers = { rule_of_law_meetings: 'held_at', work_plans: 'created_at', legal_services: 'served_at', publicity_items: 'published_at', inspections: 'started_at' }
    const bounds = [`${plan.year}-01-01T00:00:00+08:00`, `${plan.year + 1}-01-01T00:00:00+08:00`]
    for (const [table, at] of Object.entries(ledgers)) {
      t.equal(await count(loaded.url, `SELECT count(*)::int AS n FROM ${table}`), plan.perLedger, `${table}: big`)
      t.equal(await count(loaded.smallUrl, `SELECT count(*)::int AS n FROM ${table}`), plan.smallPerLedger, `${table}: twin`)
      const townYear = `SELECT count(*)::int AS n FROM ${table} r JOIN grid_units g ON g.id = r.grid_unit_id JOIN grid_units town ON town.id = g.path[2]
        WHERE town.name = '团结镇' AND r.${at} >= $1::timestamptz AND r.${at} < $2::timestamptz`
      t.equal(await count(loaded.url, townYear, bounds), plan.townYearLedger, `${table}: the big table's town-year`)
      t.equal(await count(loaded.smallUrl, townYear, bounds), plan.townYearLedger, `${table}: the twin's town-year`)
    }
  })

  t.test('every unit’s path runs from its root to itself, through its parent', async (t) => {
    const broken = await count(
      loaded.url,
      `SELECT count(*)::int AS n FROM grid_units u LEFT JOIN grid_units p ON p.id = u.parent_id
        WHERE u.path[cardinality(u.path)] <> u.id
           OR (u.parent_id IS NULL AND cardinality(u.path) <> 1)
           OR (u.parent_id IS NOT NULL AND u.path[1:cardinality(u.path) - 1] <> p.path)`,
    )
    t.equal(broken, 0)
    t.ok((await count(loaded.url, 'SELECT count(*)::int AS n FROM grid_units')) >= plan.gridUnits)
  })

  t.test('团结镇’s year holds the same disputes and figures in the big table and the small twin', async (t) => {
    const townYear = `SELECT count(*)::int AS n FROM disputes d JOIN grid_units g ON g.id = d.grid_unit_id JOIN grid_units town ON town.id = g.path[2]
      WHERE town.name = '团结镇' AND d.reported_at >= $1::timestamptz AND d.reported_at < $2::timestamptz`
    const bounds = [`${plan.year}-01-01T00:00:00+08:00`, `${plan.year + 1}-01-01T00:00:00+08:00`]
    t.equal(await count(loaded.url, townYear, bounds), plan.townYearDisputes)
    t.equal(await count(loaded.smallUrl, townYear, bounds), plan.townYearDisputes)
    const figures = []
    for (const url of [loaded.url, loaded.smallUrl]) {
      const database = await openDatabase({ databaseUrl: url, poolSize: 1 })
      try {
        const client = new pg.Client({ connectionString: url })
        await client.connect()
        const { rows } = await client.query<StatisticsUnit>(`SELECT id, name, level FROM grid_units WHERE name = '团结镇'`)
        await client.end()
        figures.push(await computeStatistics(database.db, rows[0]!, plan.year))
      } finally {
        await database.close()
      }
    }
    t.same(figures[0], figures[1])
    t.equal(figures[0]!.disputes.total, plan.townYearDisputes)
  })

  t.test('a second run of the same plan reuses the load', async (t) => {
    const again = await prepareDatabases(adminUrl, name, plan, false, () => {})
    t.equal(again.reused, true)
  })
}
