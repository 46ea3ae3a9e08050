import { sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import pg from 'pg'
import t from 'tap'
import { CASING } from '../../src/db/client.js'
import { keysetStatement } from '../../src/db/keyset.js'
import { readColumns } from '../../src/db/schema/columns.js'
import { tableStatements } from '../../src/db/statements.js'
import { disputesResource } from '../../src/modules/disputes/disputes.js'
import { listQuery } from '../../src/records/reads.js'
import { buildTestApp } from '../helpers/app.js'
import { testServerUrl } from '../helpers/database.js'
import { createCounty } from '../helpers/factories.js'

// `overdue=true` is "open and reported more than 30 days ago": disputes_open_reported_idx holds the
// open disputes only, so the filter reads them by date instead of walking a county's settled ones.
// Checked on the list as it is prepared, under a generic plan as well as a custom one.

if (!testServerUrl) t.plan(0, 'PREPARE and plan_cache_mode are checked on a PostgreSQL server')
else await main()

async function main() {
  const { admin, database, url } = await buildTestApp(t)
  const c = await createCounty(admin)
  // 40 000 disputes over ten years, 1 in 400 still open (half of those reported yesterday).
  await database.db.execute(sql`
    INSERT INTO disputes (grid_unit_id, title, category, source, parties, reported_at, status)
    SELECT ${c.grid.id}::uuid, '纠纷 ' || n, 'neighborhood', 'grid_inspection', '[{"name": "张三", "role": "applicant"}]'::jsonb,
           CASE WHEN n % 800 = 0 THEN now() - interval '1 day' ELSE now() - interval '3650 days' + n * interval '65 minutes' END,
           CASE WHEN n % 400 = 0 THEN 'mediating' ELSE 'resolved' END
    FROM generate_series(1, 40000) AS n`)
  await database.db.execute(sql`ANALYZE disputes`)

  const statements = tableStatements(disputesResource.table, readColumns(disputesResource.table) as never)
  const dialect = new PgDialect({ casing: CASING })
  const adminKey = { keyId: '', name: '', scopes: new Set(['admin']), gridUnitId: null }
  const client = new pg.Client({ connectionString: url! })
  await client.connect()
  t.teardown(() => client.end())

  async function planOf(query: Record<string, unknown>, mode: 'force_generic_plan' | 'force_custom_plan'): Promise<string> {
    const rendered = dialect.sqlToQuery(keysetStatement(listQuery(disputesResource, statements, adminKey, { limit: 20, ...query }), false))
    await client.query(`SET plan_cache_mode = ${mode}`)
    await client.query('DEALLOCATE ALL')
    await client.query(`PREPARE listed AS ${rendered.sql}`)
    const values = rendered.params.map((p) => client.escapeLiteral(String(p))).join(', ')
    const { rows } = await client.query(`EXPLAIN EXECUTE listed${rendered.params.length > 0 ? `(${values})` : ''}`)
    return rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n')
  }

  for (const mode of ['force_custom_plan', 'force_generic_plan'] as const) {
    t.test(`overdue=true reads the open disputes' index (${mode})`, async (t) => {
      const plan = await planOf({ overdue: true }, mode)
      t.match(plan, /disputes_open_reported_idx/, plan)
      t.notMatch(plan, /Seq Scan on disputes/)
      t.notMatch(plan, /\bSort\b/, 'read in the index order, no sort of the matches')
    })
  }

  t.test('overdue=false pages through an index in order', async (t) => {
    const plan = await planOf({ overdue: false }, 'force_custom_plan')
    t.match(plan, /Index Scan/, plan)
    t.notMatch(plan, /Seq Scan on disputes/)
  })

  t.test('the filter answers the rows the plan was made for', async (t) => {
    // Hand count: n % 400 = 0 gives 100 open; the 50 of them with n % 800 = 0 were reported
    // yesterday; the other 50 at least 1 850 days ago (3650 days less 39 600 × 65 minutes).
    let seen = 0
    let cursor: string | null = null
    do {
      const res = await admin.get(`/v1/disputes?overdue=true&limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      t.equal(res.status, 200)
      t.ok(res.body.items.every((d: any) => d.overdue === true && d.status === 'mediating'))
      seen += res.body.items.length
      cursor = res.body.nextCursor
    } while (cursor)
    t.equal(seen, 50)
  })
}
