import { sql } from 'drizzle-orm'
import t from 'tap'
import { queryRows } from '../../src/db/client.js'
import { buildTestApp } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'
import { queryRoutes } from './fixtures/resources.js'
import { deref } from './fixtures/schema-arbitraries.js'

// SQL metacharacters in every query parameter of every list route (the parameters read from the
// routes' query schemas): each answers 200 or a 4xx problem, never a 5xx; nothing is executed; and
// in the text search they are matched as the literal characters they are.

const { admin, database } = await buildTestApp(t, { config: { rateLimitPerMinute: 1_000_000 } })
const unit = await createGridUnit(admin, { level: 'county', name: '注入测试旗' })

const metacharacters = [
  "'", "''", "' OR '1'='1", "1' OR 1=1 --", "'; DROP TABLE disputes; --", '"', '\\', '%', '_', '%%', '*', '$1', '$$', ';', '--', '/*', '*/',
  "')) OR ((1=1", "' UNION SELECT key_hash FROM api_keys --", "' || pg_sleep(10) || '", "E'\\\\'", '纠纷\'"; --', '[]', '{}', 'NULL', 'true; SELECT 1',
  "2025-01-01' OR '1'='1", "3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60' OR '1'='1", '-reportedAt; DROP TABLE x', 'status)',
]

const counts = async () =>
  (await queryRows<{ n: number }>(database.db, sql`SELECT (SELECT count(*) FROM disputes) + (SELECT count(*) FROM grid_units) + (SELECT count(*) FROM api_keys) AS n`))[0]!.n

t.test('metacharacters in every filter of every list route: 200 or 4xx problem, never 5xx', async (t) => {
  const before = await counts()
  const failures: string[] = []
  let requests = 0
  for (const route of queryRoutes(unit.id)) {
    const names = Object.keys(deref(route.query).properties ?? {})
    for (const name of names) {
      for (const value of metacharacters) {
        const query = new URLSearchParams({ ...route.fixed, [name]: value })
        const res = await admin.get(`${route.path}?${query}`)
        requests++
        const problemJson = String(res.headers['content-type']).startsWith('application/problem+json')
        if (res.status >= 500 || (res.status >= 400 && !problemJson) || ![200, 400, 404].includes(res.status)) {
          failures.push(`${route.path} ${name}=${value}: ${res.status} ${res.text.slice(0, 120)}`)
        }
      }
    }
  }
  t.same(failures, [], `${requests} requests, none failed`)
  t.equal(await counts(), before, 'nothing was written or dropped')
})

t.test('text search takes % _ \\ and quotes literally', async (t) => {
  const titles = ['打折 50%_off', '普通纠纷', "引号 O'Brien", '反斜杠 C:\\路径', '下划线_纠纷']
  for (const title of titles) {
    const res = await admin.post('/v1/disputes', {
      gridUnitId: unit.id, title, category: 'other', source: 'other', parties: [{ name: '甲', role: 'applicant' }], reportedAt: '2025-03-01T00:00:00Z',
    })
    t.equal(res.status, 201)
  }
  const found = async (q: string) =>
    ((await admin.get(`/v1/disputes?${new URLSearchParams({ q, gridUnitId: unit.id })}`)).body.items as { title: string }[]).map((d) => d.title).sort()
  t.same(await found('%'), ['打折 50%_off'])
  t.same(await found('_'), ['下划线_纠纷', '打折 50%_off'].sort())
  t.same(await found("'"), ["引号 O'Brien"])
  t.same(await found('\\'), ['反斜杠 C:\\路径'])
  t.same(await found('%_'), ['打折 50%_off'])
  t.same(await found("' OR '1'='1"), [], 'an injection attempt finds nothing')
})
