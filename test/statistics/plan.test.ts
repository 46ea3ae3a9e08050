import { sql } from 'drizzle-orm'
import t from 'tap'
import { queryRows } from '../../src/db/client.js'
import { statisticsQuery } from '../../src/reports/statistics.js'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'

// A town's legality reviews and adoptions of one year are dated inside JSON. They must be read as
// an index range of that year, unit by unit, not as every reviewed decision of every year.

const { admin, database } = await buildTestApp(t)
const { town, grid, community } = await createCounty(admin)

await database.db.execute(sql`
  INSERT INTO decisions (grid_unit_id, title, category, proposed_by, proposed_at, status, legality_review, collective_discussion)
  SELECT CASE WHEN n % 2 = 0 THEN ${grid.id}::uuid ELSE ${community.id}::uuid END,
         '关于团结镇第 ' || n || ' 号事项的决策', 'major_matter', '团结镇党政办', at, 'adopted',
         jsonb_build_object('reviewer', '团结镇司法所', 'conclusion', 'lawful', 'completedAt', to_char(at + interval '10 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
         jsonb_build_object('meeting', '镇党委会', 'heldAt', to_char(at + interval '20 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  FROM generate_series(1, 4000) AS n, LATERAL (SELECT timestamptz '2016-01-01 00:00+00' + n * interval '22 hours' AS at) d`)
await database.db.execute(sql`ANALYZE decisions`)

t.test("a year's reviews and adoptions are index ranges of that year", async (t) => {
  const rows = await queryRows<Record<string, string>>(database.db, sql`EXPLAIN ${statisticsQuery(town.id, 2020)}`)
  const plan = rows.map((row) => Object.values(row)[0]).join('\n')
  t.match(plan, /decisions_grid_reviewed_idx[\s\S]*?Index Cond: .*legality_review ->> 'completedAt'.*>=/, 'reviews: the completion date bounds the index read')
  t.match(plan, /decisions_grid_adopted_idx[\s\S]*?Index Cond: .*collective_discussion ->> 'heldAt'.*>=/, 'adoptions: the meeting date bounds the index read')
  t.notMatch(plan, /Seq Scan on decisions/)

  const figures = (await admin.get(`/v1/statistics?year=2020&gridUnitId=${town.id}`)).body
  const [expected] = await queryRows<{ reviewed: number; adopted: number }>(database.db, sql`
    SELECT count(*) FILTER (WHERE (legality_review ->> 'completedAt')::timestamptz >= '2020-01-01T00:00+08' AND (legality_review ->> 'completedAt')::timestamptz < '2021-01-01T00:00+08')::int AS reviewed,
           count(*) FILTER (WHERE (collective_discussion ->> 'heldAt')::timestamptz >= '2020-01-01T00:00+08' AND (collective_discussion ->> 'heldAt')::timestamptz < '2021-01-01T00:00+08')::int AS adopted
    FROM decisions`)
  t.ok(expected!.reviewed > 300, 'the year holds a good share of the reviews')
  t.equal(figures.decisions.legalityReviewed, expected!.reviewed)
  t.equal(figures.decisions.adopted, expected!.adopted)
})
