import { sql } from 'drizzle-orm'
import t from 'tap'
import { queryRows } from '../../src/db/client.js'
import { statisticsQuery } from '../../src/reports/statistics.js'
import { buildTestApp } from '../helpers/app.js'
import { createCounty, createGridUnit } from '../helpers/factories.js'

// The sections of the other ledgers, and the petition backlogs resolved, read as index ranges of the
// year unit by unit: at a size where a whole-table read would be cheaper for a careless plan, none is.

const { admin, database } = await buildTestApp(t)
const { town, grid, community, otherTown } = await createCounty(admin)
const db = database.db
// The county's other units, so that the town holds a share of each table as it would, not all of it.
const others = await Promise.all(Array.from({ length: 20 }, (_, i) => createGridUnit(admin, { name: `陕坝镇第${i + 3}网格`, level: 'grid', parentId: otherTown.id })))
const units = [grid.id, community.id, ...others.map((unit) => unit.id)]
const mine = sql.raw(`grid_unit_id IN ('${grid.id}', '${community.id}')`)

// 8000 rows a table over 22 units and about ten years (one every 11 hours from 2016).
const rows = sql`generate_series(1, 8000) AS n,
  LATERAL (SELECT timestamptz '2016-01-01 00:00+00' + n * interval '11 hours' AS at,
                  (${`{${units.join(',')}}`}::uuid[])[n % ${sql.raw(String(units.length))} + 1] AS unit) d`
const utc = (expression: string) => sql.raw(`to_char(${expression}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)

await db.execute(sql`
  INSERT INTO rule_of_law_meetings (grid_unit_id, title, kind, held_at, chaired_by, chair_is_principal, issues)
  SELECT unit, '第 ' || n || ' 次法治专题会议', (ARRAY['special_meeting', 'central_group_study', 'executive_study', 'other'])[n % 4 + 1], at, '镇党委书记', n % 3 = 0,
         jsonb_build_array(jsonb_build_object('title', '问题' || n, 'status', 'resolved', 'resolvedAt', ${utc("at + interval '5 days'")}))
  FROM ${rows}`)
await db.execute(sql`
  INSERT INTO work_plans (grid_unit_id, year, title, status, adopted_at, tasks)
  SELECT unit, 2000 + n % 100, '工作方案' || n, 'adopted', at,
         jsonb_build_array(jsonb_build_object('title', '任务' || n, 'owner', '镇司法所', 'dueOn', (2000 + n % 100) || '-06-30'))
  FROM ${rows}`)
await db.execute(sql`
  INSERT INTO legal_services (grid_unit_id, subject, provider, recipient, kind, served_at, quantity, opinion_issued)
  SELECT unit, '法律服务' || n, 'government_legal_adviser', (ARRAY['government', 'public'])[n % 2 + 1], 'contract_review', at, n % 5 + 1, n % 7 = 0
  FROM ${rows}`)
await db.execute(sql`
  INSERT INTO publicity_items (grid_unit_id, title, category, channels, published_at)
  SELECT unit, '政务公开' || n, 'fiscal', ARRAY['notice_board', 'wechat'], at FROM ${rows}`)
await db.execute(sql`
  INSERT INTO inspections (grid_unit_id, title, kind, domain, started_at, findings, status)
  SELECT unit, '检查' || n, 'special_inspection', 'urban_management', at,
         jsonb_build_array(jsonb_build_object('description', '问题' || n, 'rectifiedAt', ${utc("at + interval '3 days'")})), 'rectifying'
  FROM ${rows}`)
// Backlogs reported long before, resolved over the ten years.
await db.execute(sql`
  INSERT INTO disputes (grid_unit_id, title, category, source, is_petition_backlog, parties, reported_at, status, resolution)
  SELECT unit, '信访积案' || n, 'land', 'petition', true, '[{"name": "张三", "role": "applicant"}]'::jsonb, timestamptz '2015-01-01 00:00+00', 'resolved',
         jsonb_build_object('method', 'people_mediation', 'summary', '化解', 'agreementReached', true, 'resolvedAt', ${utc('at')})
  FROM ${rows}`)
for (const table of ['rule_of_law_meetings', 'work_plans', 'legal_services', 'publicity_items', 'inspections', 'disputes']) {
  await db.execute(sql.raw(`ANALYZE ${table}`))
}

t.test('each ledger section reads its (unit, date) index, no table whole', async (t) => {
  const explained = await queryRows<Record<string, string>>(db, sql`EXPLAIN ${statisticsQuery(town.id, 2020)}`)
  const plan = explained.map((row) => Object.values(row)[0]).join('\n')
  const indexes = {
    rule_of_law_meetings: 'rule_of_law_meetings_grid_held_idx',
    work_plans: 'work_plans_grid_year_idx',
    legal_services: 'legal_services_grid_served_idx',
    publicity_items: 'publicity_items_grid_published_idx',
    inspections: 'inspections_grid_started_idx',
    disputes: 'disputes_grid_backlog_resolved_idx',
  }
  for (const [table, index] of Object.entries(indexes)) {
    t.match(plan, new RegExp(`${index}[\\s\\S]*?Index Cond: `), `${table}: read through ${index}`)
    t.notMatch(plan, new RegExp(`Seq Scan on ${table}\\b`), `${table}: no sequential scan`)
  }
})

t.test('the figures read that way are those of the year', async (t) => {
  const s = (await admin.get(`/v1/statistics?year=2020&gridUnitId=${town.id}`)).body
  const year = `>= '2020-01-01T00:00+08' AND %s < '2021-01-01T00:00+08'`
  const inYear = (column: string) => sql`${sql.raw(`${column} ${year.replace('%s', column)}`)} AND ${mine}`
  const [expected] = await queryRows<{ [figure: string]: number }>(db, sql`
    SELECT (SELECT count(*) FROM rule_of_law_meetings WHERE ${inYear('held_at')})::int AS meetings,
           (SELECT count(*) FROM rule_of_law_meetings WHERE ${inYear('held_at')} AND kind = 'special_meeting')::int AS special,
           (SELECT count(*) FROM rule_of_law_meetings WHERE ${inYear('held_at')} AND chair_is_principal AND kind <> 'other')::int AS "principalChaired",
           (SELECT count(*) FROM work_plans WHERE year = 2020 AND ${mine})::int AS plans,
           (SELECT sum(quantity) FROM legal_services WHERE ${inYear('served_at')} AND recipient = 'government')::int AS government,
           (SELECT count(*) FROM publicity_items WHERE ${inYear('published_at')})::int AS items,
           (SELECT count(*) FROM inspections WHERE ${inYear('started_at')})::int AS inspections,
           (SELECT count(*) FROM disputes WHERE is_petition_backlog AND ${inYear("(resolution ->> 'resolvedAt')::timestamptz")})::int AS backlogs`)
  const e = expected! as Record<'meetings' | 'special' | 'principalChaired' | 'plans' | 'government' | 'items' | 'inspections' | 'backlogs', number>
  t.ok(e.meetings > 50, 'the town holds a good share of the year')
  const m = s.meetings
  t.equal(m.specialMeetings, e.special)
  t.equal(m.issuesStudied, e.meetings, 'one issue a meeting')
  t.equal(m.principalChaired, e.principalChaired)
  t.equal(s.workPlans.adopted, e.plans)
  t.equal(s.legalServices.governmentServices, e.government)
  t.equal(s.publicity.items, e.items)
  t.equal(s.publicity.byChannel.wechat, e.items)
  t.equal(s.supervision.specialInspections, e.inspections)
  t.equal(s.disputes.petitionBacklogResolved, e.backlogs)
})
