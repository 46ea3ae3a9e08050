import { PassThrough } from 'node:stream'
import pg from 'pg'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { testServerUrl } from '../helpers/database.js'
import { createGridUnit } from '../helpers/factories.js'

// A write that fails inside PostgreSQL is logged at error level with its cause; the cause carries
// the statement's values, which hold personal data. Neither the log nor the answer may show them.

const PHONE = '13912345678'
const NAME = '赵敏敏'

t.test('a failed write logs its cause without the personal data it carried', { skip: testServerUrl ? false : 'needs a PostgreSQL server' }, async (t) => {
  const stream = new PassThrough()
  let log = ''
  stream.on('data', (chunk) => (log += chunk))
  const { admin, url, adminKey } = await buildTestApp(t, { config: { logLevel: 'info' }, statementTimeoutMs: 300, logStream: stream })
  const town = await createGridUnit(admin, { level: 'town', name: '日志镇' })

  // The insert waits on a lock until statement_timeout cancels it: a 503 whose cause is the query.
  const locker = new pg.Client({ connectionString: url! })
  await locker.connect()
  t.teardown(() => locker.end())
  await locker.query('BEGIN')
  await locker.query('LOCK TABLE disputes IN EXCLUSIVE MODE')
  const res = await admin.post('/v1/disputes', {
    gridUnitId: town.id,
    title: '日志泄露测试',
    category: 'neighborhood',
    source: 'walk_in',
    parties: [{ name: NAME, role: 'applicant', phone: PHONE }],
    reportedAt: '2025-06-03T01:15:00Z',
  })
  await locker.query('ROLLBACK')
  t.equal(res.status, 503)
  t.notMatch(res.text, /insert into|select |13912345678|赵敏敏/i, 'the answer names no SQL and no value')

  const searched = await admin.get(`/v1/disputes?q=${PHONE}`)
  t.equal(searched.status, 200)

  const lines = log.trim().split('\n').map((l) => JSON.parse(l))
  t.ok(lines.some((l) => l.level === 50 && l.err), 'the failure was logged with its cause')
  t.notOk(log.includes(PHONE), 'no phone number in the log')
  t.notOk(log.includes(NAME), 'no personal name in the log')
  t.notOk(log.includes(adminKey), 'no API key in the log')
})
