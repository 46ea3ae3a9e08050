import type { DataPlan } from './config.js'

// The generated data set, as INSERT … SELECT generate_series statements: PostgreSQL makes every
// row itself, so a million rows cost no client round trips. Every choice is a hash of the row
// number, so two loads of one plan hold the same data (the ids of records aside).

/** Helpers the generators share; created in a schema of their own and dropped after the load. */
export const helperFunctions = [
  `CREATE SCHEMA IF NOT EXISTS bench`,
  // A deterministic pick in 0..n-1 for row i and a per-purpose seed.
  `CREATE OR REPLACE FUNCTION bench.h(i bigint, seed bigint, n int) RETURNS int
     LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (((hashint8extended(i, seed) % n) + n) % n)::int $$`,
  `CREATE OR REPLACE FUNCTION bench.uid(k text) RETURNS uuid
     LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT md5('fazhi-bench:' || k)::uuid $$`,
  `CREATE OR REPLACE FUNCTION bench.person(i bigint, seed bigint) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT
       (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','马','胡','郭','高'])[1 + bench.h(i, seed, 16)] ||
       (ARRAY['建国','秀英','桂兰','永胜','丽','海军','志强','玉梅','福','明','小红','德华','淑珍','国庆','金花','俊'])[1 + bench.h(i, seed + 1, 16)] $$`,
  `CREATE OR REPLACE FUNCTION bench.phone(i bigint, seed bigint) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT '13' || (5 + bench.h(i, seed, 5)) || lpad(bench.h(i, seed + 1, 100000000)::text, 8, '0') $$`,
  // RFC 3339 in UTC with milliseconds, as the service writes instants into JSON.
  `CREATE OR REPLACE FUNCTION bench.iso(t timestamptz) RETURNS text
     LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`,
]

export const BENCH_TOWNS = ['团结镇', '陕坝镇'] as const
const villages = [
  ['团结村', '联丰村', '永胜村', '光明村', '民主村', '胜利村', '新华社区', '团结社区'],
  ['太荣村', '红旗村', '东风村', '建设村', '幸福村', '和平村', '陕坝社区', '北街社区'],
]
const text = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`
const COUNTY_CODE = '150826'
const FILLER_CODE = '150802'
/** Villages per town and grids per village: 2 towns × 8 × 10 = the 160 grids that own every record. */
const VILLAGES = 8
const GRIDS = 10
export const BENCH_GRIDS = 2 * VILLAGES * GRIDS

/** The 179 units that own the records: 杭锦后旗 → 2 towns → 16 villages and communities → 160 grids. */
export function benchUnitsSql(): string {
  const at = `'2015-06-01T08:00:00+08:00'::timestamptz`
  const villageNames = `(${text(villages.flat())})[(a - 1) * ${VILLAGES} + v]`
  const gridWorkers = `jsonb_build_array(
      jsonb_build_object('name', bench.person(n, 1), 'role', 'grid_leader', 'phone', bench.phone(n, 3)),
      jsonb_build_object('name', bench.person(n, 5), 'role', 'grid_worker', 'phone', bench.phone(n, 7)),
      jsonb_build_object('name', bench.person(n, 9), 'role', 'legal_literate'))
    || CASE WHEN g % 2 = 0 THEN jsonb_build_array(jsonb_build_object('name', bench.person(n, 11), 'role', 'grid_worker')) ELSE '[]'::jsonb END`
  return `
    INSERT INTO grid_units (id, code, name, level, parent_id, path, workers, created_at, updated_at)
    SELECT bench.uid('c'), '${COUNTY_CODE}', '杭锦后旗', 'county', NULL, ARRAY[bench.uid('c')], '[]'::jsonb, ${at}, ${at}
    UNION ALL
    SELECT bench.uid('t' || a), '${COUNTY_CODE}' || (100 + a), (${text(BENCH_TOWNS)})[a], 'town', bench.uid('c'),
           ARRAY[bench.uid('c'), bench.uid('t' || a)],
           jsonb_build_array(jsonb_build_object('name', bench.person(a, 13), 'role', 'mediator')), ${at}, ${at}
      FROM generate_series(1, 2) a
    UNION ALL
    SELECT bench.uid('t' || a || 'v' || v), '${COUNTY_CODE}' || (100 + a) || lpad(v::text, 3, '0'), ${villageNames},
           CASE WHEN v <= 6 THEN 'village' ELSE 'community' END, bench.uid('t' || a),
           ARRAY[bench.uid('c'), bench.uid('t' || a), bench.uid('t' || a || 'v' || v)],
           CASE WHEN v <> 5 THEN jsonb_build_array(jsonb_build_object('name', bench.person(a * 10 + v, 15), 'role', 'legal_adviser')) ELSE '[]'::jsonb END,
           ${at}, ${at}
      FROM generate_series(1, 2) a, generate_series(1, ${VILLAGES}) v
    UNION ALL
    SELECT bench.uid('t' || a || 'v' || v || 'g' || g), '${COUNTY_CODE}' || (100 + a) || lpad(v::text, 3, '0') || lpad(g::text, 3, '0'),
           ${villageNames} || '第' || g || '网格', 'grid', bench.uid('t' || a || 'v' || v),
           ARRAY[bench.uid('c'), bench.uid('t' || a), bench.uid('t' || a || 'v' || v), bench.uid('t' || a || 'v' || v || 'g' || g)],
           ${gridWorkers}, ${at}, ${at}
      FROM generate_series(1, 2) a, generate_series(1, ${VILLAGES}) v, generate_series(1, ${GRIDS}) g,
           LATERAL (SELECT (a * 100 + v) * 100 + g AS n) x`
}

/** Filler units of a second county (towns of 10 villages of 100 grids), so the unit table has its full size. */
export function fillerUnitsSql(count: number): string | null {
  if (count <= 0) return null
  const towns = Math.max(1, Math.ceil(count / (1 + 10 + 1000)))
  const at = `'2015-06-01T08:00:00+08:00'::timestamptz`
  const worker = `jsonb_build_array(jsonb_build_object('name', bench.person(t * 100000 + v * 1000 + g, 17), 'role', 'grid_worker'))`
  return `
    INSERT INTO grid_units (id, code, name, level, parent_id, path, workers, created_at, updated_at)
    SELECT bench.uid('fc'), '${FILLER_CODE}', '临河区', 'county', NULL, ARRAY[bench.uid('fc')], '[]'::jsonb, ${at}, ${at}
    UNION ALL
    SELECT bench.uid('ft' || t), '${FILLER_CODE}' || lpad(t::text, 3, '0'), '临河区第' || t || '镇', 'town', bench.uid('fc'),
           ARRAY[bench.uid('fc'), bench.uid('ft' || t)], '[]'::jsonb, ${at}, ${at}
      FROM generate_series(1, ${towns}) t
    UNION ALL
    SELECT bench.uid('ft' || t || 'v' || v), '${FILLER_CODE}' || lpad(t::text, 3, '0') || lpad(v::text, 3, '0'), '临河区第' || t || '镇第' || v || '村',
           'village', bench.uid('ft' || t), ARRAY[bench.uid('fc'), bench.uid('ft' || t), bench.uid('ft' || t || 'v' || v)], '[]'::jsonb, ${at}, ${at}
      FROM generate_series(1, ${towns}) t, generate_series(1, 10) v
    UNION ALL
    SELECT bench.uid('ft' || t || 'v' || v || 'g' || g), '${FILLER_CODE}' || lpad(t::text, 3, '0') || lpad(v::text, 3, '0') || lpad(g::text, 3, '0'),
           '临河区第' || t || '镇第' || v || '村第' || g || '网格', 'grid', bench.uid('ft' || t || 'v' || v),
           ARRAY[bench.uid('fc'), bench.uid('ft' || t), bench.uid('ft' || t || 'v' || v), bench.uid('ft' || t || 'v' || v || 'g' || g)],
           ${worker}, ${at}, ${at}
      FROM generate_series(1, ${towns}) t, generate_series(1, 10) v, generate_series(1, 100) g`
}

/** The 160 grids in code order: the first 80 are 团结镇's, the next 80 陕坝镇's. */
export const gridArraySql = `(SELECT array_agg(id ORDER BY code) AS ids FROM grid_units WHERE level = 'grid' AND code LIKE '${COUNTY_CODE}%')`
export const villageNamesSql = `(${text(villages.flat())})`
export const townNamesSql = `(${text(BENCH_TOWNS)})`

export const START = `'2016-01-01T00:00:00+08:00'::timestamptz`
export const yearStart = (year: number) => `'${year}-01-01T00:00:00+08:00'::timestamptz`

/**
 * Where row i of n falls in time and place, for records spread evenly over 2016 … `plan.year` and
 * over all 160 grids, in time order (as a real table fills). Yields columns `at` and `k` (grid index).
 */
export function spread(n: number, plan: DataPlan): string {
  return `LATERAL (SELECT ${START} + ((i - 0.5) / ${n})::float8 * (${yearStart(plan.year + 1)} - ${START}) AS at, bench.h(i, 1, ${BENCH_GRIDS}) AS k) w`
}

/**
 * Disputes: the first `before` rows fall in 2016 … year-1 on any grid; the last `inYear` rows in
 * `year`, of which exactly `townYearDisputes`, evenly interleaved, belong to 团结镇 and the rest to
 * 陕坝镇. So 团结镇's year holds the same disputes whatever the table's size: their attributes are
 * drawn from their rank within the town-year (`n` negative), not from their row number.
 * Yields columns `at`, `k` (grid index) and `n` (the seed of the row's attributes).
 */
export function disputePlacement(total: number, plan: DataPlan): { before: number; inYear: number; sql: string } {
  return townYearPlacement(total, plan.townYearDisputes, plan)
}

/** As `disputePlacement`, with `k` of the year's rows in 团结镇: the ledgers' placement. */
export function townYearPlacement(total: number, k: number, plan: DataPlan): { before: number; inYear: number; sql: string } {
  const inYear = Math.min(total, Math.max(2 * k, Math.round(total / 10)))
  const before = total - inYear
  const half = BENCH_GRIDS / 2
  const rank = (j: string) => `((${j}) * ${k}) / ${inYear}`
  const sql = `LATERAL (SELECT
      CASE WHEN i <= ${before}
        THEN ${START} + ((i - 0.5) / ${Math.max(before, 1)})::float8 * (${yearStart(plan.year)} - ${START})
        ELSE ${yearStart(plan.year)} + ((i - ${before} - 0.5) / ${inYear})::float8 * (${yearStart(plan.year + 1)} - ${yearStart(plan.year)})
      END AS at,
      CASE WHEN i <= ${before} THEN bench.h(i, 1, ${BENCH_GRIDS})
        WHEN t.town THEN bench.h(-${rank(`i - ${before}`)}, 1, ${half})
        ELSE ${half} + bench.h(i, 1, ${half})
      END AS k,
      CASE WHEN t.town THEN -${rank(`i - ${before}`)} ELSE i END AS n
    FROM (SELECT i > ${before} AND ${rank(`i - ${before}`)} > ${rank(`i - ${before} - 1`)} AS town) t) w`
  return { before, inYear, sql }
}
