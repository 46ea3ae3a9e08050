import { sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import pg from 'pg'
import t from 'tap'
import { encodeCursor } from '../../src/core/cursor.js'
import { CASING } from '../../src/db/client.js'
import { keysetStatement } from '../../src/db/keyset.js'
import { readColumns } from '../../src/db/schema/columns.js'
import { tableStatements } from '../../src/db/statements.js'
import { disputesResource } from '../../src/modules/disputes/disputes.js'
import { listQuery } from '../../src/records/reads.js'
import { buildTestApp } from '../helpers/app.js'
import { testServerUrl } from '../helpers/database.js'
import { createCounty, createGridUnit } from '../helpers/factories.js'

// Lists are prepared statements: after five executions PostgreSQL may reuse one generic plan for
// every value of the parameters. The values a plan depends on most (an enum filter) are written into
// the text, and the plan of the rest (the subtree, the cursor) must be the one a custom plan picks:
// a rare status and a small grid keep their indexes under a generic plan.

if (!testServerUrl) t.plan(0, 'PREPARE and plan_cache_mode are checked on a PostgreSQL server')
else await main()

async function main() {
  const { admin, database, url } = await buildTestApp(t)
  const c = await createCounty(admin)
  const grids = [c.grid]
  for (let i = 0; i < 30; i++) grids.push(await createGridUnit(admin, { level: 'grid', parentId: c.village.id, name: `团结村网格${i}` }))
  const ids = sql.raw(`ARRAY[${grids.map((g) => `'${g.id}'`).join(', ')}]::uuid[]`)
  // 120 000 disputes: 0.05 % escalated, the rest mediating or resolved, spread over 31 grids.
  await database.db.execute(sql`
    INSERT INTO disputes (grid_unit_id, title, category, source, parties, reported_at, status)
    SELECT (${ids})[1 + n % 31], '纠纷 ' || n, 'land', 'grid_inspection', '[{"name": "张三", "role": "applicant"}]'::jsonb,
           timestamptz '2016-01-01 00:00+00' + n * interval '40 minutes',
           CASE WHEN n % 2000 = 0 THEN 'escalated' WHEN n % 2 = 0 THEN 'mediating' ELSE 'resolved' END
    FROM generate_series(1, 120000) AS n`)
  await database.db.execute(sql`ANALYZE disputes`)
  await database.db.execute(sql`ANALYZE grid_units`)

  const statements = tableStatements(disputesResource.table, readColumns(disputesResource.table) as never)
  const dialect = new PgDialect({ casing: CASING })
  const admin_ = { keyId: '', name: '', scopes: new Set(['admin']), gridUnitId: null }
  const client = new pg.Client({ connectionString: url! })
  await client.connect()
  t.teardown(() => client.end())

  /** The plan PostgreSQL runs the prepared list with, under a generic or a custom plan. */
  async function planOf(query: Record<string, unknown>, perUnit: boolean, mode: 'force_generic_plan' | 'force_custom_plan'): Promise<string> {
    const rendered = dialect.sqlToQuery(keysetStatement(listQuery(disputesResource, statements, admin_, { limit: 20, ...query }), perUnit))
    await client.query(`SET plan_cache_mode = ${mode}`)
    await client.query('DEALLOCATE ALL')
    await client.query(`PREPARE listed AS ${rendered.sql}`)
    const values = rendered.params.map((p) => client.escapeLiteral(String(p))).join(', ')
    const { rows } = await client.query(`EXPLAIN EXECUTE listed${rendered.params.length > 0 ? `(${values})` : ''}`)
    return rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n')
  }
  const indexes = (plan: string) => [...new Set(plan.match(/disputes_\w+_idx/g) ?? [])].sort()

  for (const [name, query, perUnit] of [
    ['a rare status, the whole table', { status: ['escalated'] }, false],
    ['a common status in a town', { status: ['mediating'], gridUnitId: c.town.id }, false],
    ['one small grid, read by its own index', { gridUnitId: c.grid.id }, true],
    ['petition backlogs', { isPetitionBacklog: true }, false],
  ] as const) {
    t.test(`${name}: the generic plan reads the indexes the custom plan reads`, async (t) => {
      const custom = await planOf(query, perUnit, 'force_custom_plan')
      const generic = await planOf(query, perUnit, 'force_generic_plan')
      t.same(indexes(generic), indexes(custom), `generic:\n${generic}\ncustom:\n${custom}`)
      t.ok(indexes(generic).length > 0, 'an index is read')
      t.notMatch(generic, /Seq Scan on disputes/)
    })
  }

  // A bound by value matches from none of the rows to all of them, and a generic plan guesses a fixed
  // share: with nothing changed since the instant, `updated_at > $1` would walk the whole sort index
  // where a custom plan reads the few changed rows from their own index. Such a list goes unnamed.
  t.test('a list bounded by a value is planned for its values on every call', async (t) => {
    const prepared = (query: Record<string, unknown>) => listQuery(disputesResource, statements, admin_, { limit: 20, ...query }).prepared
    t.equal(prepared({ updatedSince: '2030-01-01T00:00:00Z' }), false, 'changed since an instant')
    t.equal(prepared({ reportedFrom: '2020-01-01' }), false, 'reported from a day')
    t.equal(prepared({ status: ['mediating'], reportedTo: '2020-03-31', sort: '-createdAt' }), false, 'reported up to a day, newest created first')
    t.equal(prepared({ q: '土地' }), false, 'a search')
    t.equal(prepared({ status: ['mediating'], gridUnitId: c.town.id, isPetitionBacklog: false }), true, 'enum and boolean filters and a subtree')
  })

  // Under the default plan_cache_mode PostgreSQL keeps a generic plan only when it costs no more than
  // the custom plans it made: the root read through a sub-select and the page size in the text make
  // the two alike, so a list is planned once per connection, not on every call.
  for (const [i, [name, query, perUnit]] of ([
    ['a common status in a town', { status: ['mediating'], gridUnitId: c.town.id }, false],
    ['one small grid, read by its own index', { gridUnitId: c.grid.id }, true],
    ['a page further on, by cursor', { status: ['mediating'], cursor: encodeCursor({ sort: '-reportedAt', value: '2020-06-01T00:00:00.000Z', id: c.grid.id }) }, false],
  ] as const).entries()) {
    t.test(`${name}: the prepared list settles on its generic plan`, async (t) => {
      const rendered = dialect.sqlToQuery(keysetStatement(listQuery(disputesResource, statements, admin_, { limit: 20, ...query }), perUnit))
      await client.query('SET plan_cache_mode = auto')
      await client.query('DEALLOCATE ALL')
      const listed = { name: `settled_${i}`, text: rendered.sql, values: rendered.params }
      for (let n = 0; n < 8; n++) await client.query(listed)
      const { rows } = await client.query('SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name = $1', [listed.name])
      t.ok(rows[0]?.generic > 0, `generic plans ${rows[0]?.generic}, custom plans ${rows[0]?.custom}`)
    })
  }
}
