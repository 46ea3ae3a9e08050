import t from 'tap'
import { isoInstant } from '../../src/db/statements.js'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDispute } from './fixtures.js'

// Lists read instants as PostgreSQL's text and rewrite it; single reads go through Date. Both must
// print every instant alike, whatever its milliseconds.

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)

t.test('a list prints each instant as a read of the record does', async (t) => {
  const sent = ['2025-03-01T00:00:00.000Z', '2025-03-02T08:30:00.100Z', '2025-03-03T23:59:59.120Z', '2025-03-04T12:00:00.123Z', '2025-03-05T06:07:08+08:00', '0100-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']
  const ids = []
  for (const [i, reportedAt] of sent.entries()) ids.push((await createDispute(admin, c.grid.id, { title: `时间纠纷${i}`, reportedAt })).id)
  const list = await admin.get(`/v1/disputes?gridUnitId=${c.grid.id}&limit=100`)
  t.equal(list.status, 200)
  for (const [i, id] of ids.entries()) {
    const listed = list.body.items.find((item: { id: string }) => item.id === id)
    const read = (await admin.get(`/v1/disputes/${id}`)).body
    t.same(listed, read, `record ${i}: list and read agree`)
    t.equal(listed.reportedAt, new Date(sent[i]!).toISOString(), `record ${i}: ${sent[i]}`)
    t.match(listed.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  }
})

t.test('isoInstant: the UTC text forms, and anything else through Date', async (t) => {
  t.equal(isoInstant('2025-06-01 08:00:00+00'), '2025-06-01T08:00:00.000Z')
  t.equal(isoInstant('2025-06-01 08:00:00.1+00'), '2025-06-01T08:00:00.100Z')
  t.equal(isoInstant('2025-06-01 08:00:00.12+00'), '2025-06-01T08:00:00.120Z')
  t.equal(isoInstant('2025-06-01 08:00:00.123+00'), '2025-06-01T08:00:00.123Z')
  t.equal(isoInstant('2025-06-01 16:00:00.5+08'), '2025-06-01T08:00:00.500Z')
  t.equal(isoInstant(new Date('2025-06-01T08:00:00.007Z')), '2025-06-01T08:00:00.007Z')
})
