import { and, isNull, sql } from 'drizzle-orm'
import t from 'tap'
import { queryRows } from '../../src/db/client.js'
import { decisions } from '../../src/db/schema/index.js'
import { decisionsResource } from '../../src/modules/decisions/decisions.js'
import { buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'

// A rare legalityConclusion must be answered from decisions_conclusion_proposed_idx, which
// indexes the expression (legality_review ->> 'conclusion'): a condition written any other way
// (a containment test, a cast) would not match it and would scan the table.

const { admin, database } = await buildTestApp(t)
const town = await createGridUnit(admin, { name: '团结镇', level: 'town' })

await database.db.execute(sql`
  INSERT INTO decisions (grid_unit_id, title, category, proposed_by, proposed_at, status, legality_review)
  SELECT ${town.id}::uuid, '关于团结镇第 ' || n || ' 号事项的决策', 'major_matter', '团结镇党政办', timestamptz '2025-01-01' + n * interval '1 hour', 'under_review',
         jsonb_build_object('reviewer', '团结镇司法所', 'completedAt', '2025-12-01T00:00:00.000Z',
                            'conclusion', CASE WHEN n % 200 = 0 THEN 'unlawful' WHEN n % 3 = 0 THEN 'lawful_with_revisions' ELSE 'lawful' END)
  FROM generate_series(1, 3000) AS n`)
await database.db.execute(sql`ANALYZE decisions`)

async function plan(conclusions: ('lawful' | 'lawful_with_revisions' | 'unlawful')[]): Promise<string> {
  const where = and(isNull(decisions.deletedAt), ...decisionsResource.filters({ legalityConclusion: conclusions }))
  const rows = await queryRows<Record<string, string>>(
    database.db,
    sql`EXPLAIN SELECT * FROM ${decisions} WHERE ${where} ORDER BY ${decisions.proposedAt} DESC, ${decisions.id} DESC LIMIT 21`,
  )
  return rows.map((row) => Object.values(row)[0]).join('\n')
}

t.test('a rare conclusion is found through the conclusion index', async (t) => {
  for (const conclusions of [['unlawful'] as const]) {
    const text = await plan([...conclusions])
    t.match(text, /decisions_conclusion_proposed_idx/, `${conclusions.join(', ')}: uses the conclusion index`)
    t.match(text, /Index Cond: .*legality_review ->> 'conclusion'/, 'the filter is the index condition, not a recheck of every row')
    t.notMatch(text, /Seq Scan/)
  }
})

// With expression statistics the planner knows a third of the rows match: reading the proposedAt
// index in order and stopping at 21 rows is then the cheaper plan, and still bounded.
t.test('a common conclusion is read from an index in order, never by scanning and sorting the table', async (t) => {
  const text = await plan(['lawful_with_revisions', 'unlawful'])
  t.match(text, /Index Scan/)
  t.notMatch(text, /Seq Scan/)
  t.notMatch(text, /\bSort\b/)
})

t.test('the filter answers the rows the plan was made for', async (t) => {
  const res = await admin.get('/v1/decisions?legalityConclusion=unlawful&limit=100')
  t.equal(res.status, 200)
  t.equal(res.body.items.length, 15)
  t.ok(res.body.items.every((x: any) => x.legalityReview.conclusion === 'unlawful'))
})
