import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { approvedReview, createCase, fine, recording, twoOfficers } from './fixtures.js'

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)
const url = (record: { id: string }) => `/v1/enforcement-cases/${record.id}`

t.test('merge patch: absent fields stay, null clears, nested objects merge, arrays are replaced', async (t) => {
  const record = await createCase(admin, town.id, {
    status: 'legal_review', officers: twoOfficers, legalReview: approvedReview, decision: fine,
    publishedAt: '2025-04-30T01:00:00Z', recordings: [recording, { ...recording, kind: 'photo' }],
  })
  const res = await admin.patch(url(record), { decision: { fineAmountFen: null, documentNumber: '杭后团综执罚决字〔2025〕第013号' }, party: { phone: null }, recordings: [{ ...recording, kind: 'audio' }] }, {
    'content-type': 'application/merge-patch+json',
  })
  t.equal(res.status, 200)
  t.equal(res.headers.etag, '"2"')
  t.equal(res.body.version, 2)
  t.same(res.body.decision, { type: 'fine', documentNumber: '杭后团综执罚决字〔2025〕第013号', decidedAt: fine.decidedAt })
  t.same(res.body.party, { type: 'person', name: '张某某', idNumber: '150826198805121234' })
  t.same(res.body.recordings, [{ ...recording, kind: 'audio' }])
  t.same(res.body.officers, twoOfficers, 'absent fields keep their value')
  t.equal(res.body.title, record.title)

  const cleared = await admin.patch(url(record), { legalReview: null, decision: null, publishedAt: null })
  t.equal(cleared.status, 200)
  for (const field of ['legalReview', 'decision', 'publishedAt']) t.notOk(field in cleared.body, `${field} cleared`)
  t.ok(cleared.body.updatedAt >= record.updatedAt)
})

t.test('a new nested object must be whole; required fields cannot be cleared', async (t) => {
  const record = await createCase(admin, town.id)
  const partial = await admin.patch(url(record), { decision: { fineAmountFen: 5000 } })
  assertProblem(t, partial, 400, 'validation-error', 'a decision without type and decidedAt')
  t.ok(partial.body.errors.some((e: any) => e.pointer === '/decision/type'))
  for (const body of [{ title: null }, { party: null }, { officers: null }, { party: { name: null } }, { status: null }]) {
    assertProblem(t, await admin.patch(url(record), body), 400, 'validation-error', `clearing ${JSON.stringify(body)}`)
  }
  assertProblem(t, await admin.patch(url(record), { stauts: 'investigating' }), 400, 'validation-error')
  assertProblem(t, await admin.patch(url(record), '{"title": '), 400, 'validation-error', 'malformed JSON')
  const wrongType = await admin.request('PATCH', url(record), 'title=x', { 'content-type': 'text/plain' })
  assertProblem(t, wrongType, 415, 'unsupported-media-type')
})

t.test('If-Match: a stale ETag is 412, the current one or * proceeds', async (t) => {
  const record = await createCase(admin, town.id)
  const first = await admin.patch(url(record), { title: '第一次修改' }, { 'if-match': '"1"' })
  t.equal(first.status, 200)
  t.equal(first.headers.etag, '"2"')
  const stale = await admin.patch(url(record), { title: '基于旧版本的修改' }, { 'if-match': '"1"' })
  assertProblem(t, stale, 412, 'precondition-failed')
  t.equal((await admin.get(url(record))).body.title, '第一次修改', 'the stale change was not applied')
  t.equal((await admin.patch(url(record), { title: '第二次修改' }, { 'if-match': '*' })).status, 200)
  t.equal((await admin.patch(url(record), { title: '第三次修改' }, { 'if-match': '"3"' })).status, 200)
  const cached = await admin.get(url(record), { 'if-none-match': '"4"' })
  t.equal(cached.status, 304)
})

t.test('a patch that changes nothing keeps the version and writes no audit event', async (t) => {
  const record = await createCase(admin, town.id)
  const same = await admin.patch(url(record), { title: record.title })
  t.equal(same.status, 200)
  t.equal(same.body.version, 1)
  const changed = await admin.patch(url(record), { status: 'investigating', officers: twoOfficers })
  t.equal(changed.body.version, 2)
  const feed = await admin.get(`/v1/audit-events?resourceId=${record.id}`)
  t.same(feed.body.items.map((e: any) => [e.action, e.version]), [['created', 1], ['updated', 2]])
  t.equal(feed.body.items[1].before.status, 'registered')
  t.equal(feed.body.items[1].after.status, 'investigating')
  t.same(feed.body.items[1].after.officers, twoOfficers)
  t.equal(feed.body.items[1].after.overdue, record.overdue, 'derived fields are in the audit record')
})
