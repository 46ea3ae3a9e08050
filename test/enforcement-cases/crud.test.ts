import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { caseBody, closedFields, createCase } from './fixtures.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)
const townId = county.town.id as string

t.test('create answers 201 with Location, ETag, defaults and derived fields', async (t) => {
  const body = caseBody(townId, { registeredAt: '2025-03-10T09:30:00+08:00' })
  const res = await admin.post('/v1/enforcement-cases', body)
  t.equal(res.status, 201)
  t.match(String(res.headers['content-type']), /^application\/json/)
  t.equal(res.headers.location, `/v1/enforcement-cases/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.match(res.body, { version: 1, caseNumber: body.caseNumber, status: 'registered', isMajor: false, gridUnitId: townId })
  t.equal(res.body.registeredAt, '2025-03-10T01:30:00.000Z', 'answered in UTC with milliseconds')
  t.same(res.body.officers, [])
  t.same(res.body.recordings, [])
  t.same(res.body.reviews, [])
  t.same(res.body.party, body.party, 'the admin key reads personal data unmasked')
  t.equal(res.body.overdue, true, 'registered in March 2025 and still open')
  t.equal(res.body.lostOnReview, false)
  t.notOk('legalReview' in res.body)
  t.notOk('decision' in res.body)
})

t.test('get answers the record with its ETag; a matching If-None-Match answers 304', async (t) => {
  const created = await createCase(admin, townId)
  const res = await admin.get(`/v1/enforcement-cases/${created.id}`)
  t.equal(res.status, 200)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, created)
  const cached = await admin.get(`/v1/enforcement-cases/${created.id}`, { 'if-none-match': '"1"' })
  t.equal(cached.status, 304)
  t.equal(cached.text, '')
  t.equal((await admin.get(`/v1/enforcement-cases/${created.id}`, { 'if-none-match': '"2"' })).status, 200)
  assertProblem(t, await admin.get('/v1/enforcement-cases/00000000-0000-4000-8000-000000000000'), 404, 'not-found')
  assertProblem(t, await admin.get('/v1/enforcement-cases/not-a-uuid'), 400, 'validation-error')
})

t.test('a case created in a later status keeps every field it was given', async (t) => {
  const body = caseBody(townId, { ...closedFields, isMajor: false, publishedAt: '2025-04-30T01:00:00.000Z', reviews: [{ kind: 'litigation', filedAt: '2025-06-01T00:00:00.000Z', result: 'upheld', closedAt: '2025-09-01T00:00:00.000Z' }] })
  const res = await admin.post('/v1/enforcement-cases', body)
  t.equal(res.status, 201)
  t.match(res.body, { status: 'closed', decision: closedFields.decision, recordings: closedFields.recordings, officers: closedFields.officers, reviews: body.reviews, publishedAt: body.publishedAt })
  t.equal(res.body.overdue, false, 'a closed case is never overdue')
})

t.test('the body is checked strictly: unknown, read-only, missing and out-of-range fields are 400', async (t) => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['unknown field', { ...caseBody(townId), stauts: 'registered' }, '/stauts'],
    ['read-only overdue', { ...caseBody(townId), overdue: false }, '/overdue'],
    ['read-only lostOnReview', { ...caseBody(townId), lostOnReview: false }, '/lostOnReview'],
    ['read-only id', { ...caseBody(townId), id: '00000000-0000-4000-8000-000000000000' }, '/id'],
    ['negative fine', caseBody(townId, { decision: { ...closedFields.decision, fineAmountFen: -1 } }), '/decision/fineAmountFen'],
    ['fractional fine', caseBody(townId, { decision: { ...closedFields.decision, fineAmountFen: 100.5 } }), '/decision/fineAmountFen'],
    ['fine beyond the maximum', caseBody(townId, { decision: { ...closedFields.decision, fineAmountFen: 1e13 } }), '/decision/fineAmountFen'],
    ['fine as text', caseBody(townId, { decision: { ...closedFields.decision, fineAmountFen: '2000' } }), '/decision/fineAmountFen'],
    ['unknown domain', caseBody(townId, { domain: 'taxation' }), '/domain'],
    ['unknown status', caseBody(townId, { status: 'archived' }), '/status'],
    ['bad id number', caseBody(townId, { party: { type: 'person', name: '张某某', idNumber: '15/08' } }), '/party/idNumber'],
    ['party without name', caseBody(townId, { party: { type: 'person' } }), '/party/name'],
    ['officer without certificate', caseBody(townId, { officers: [{ name: '王海军' }] }), '/officers/0/certificateNumber'],
    ['eleven officers', caseBody(townId, { officers: Array.from({ length: 11 }, (_, i) => ({ name: `执法员${i}`, certificateNumber: `C${i}` })) }), '/officers'],
    ['recording without uri scheme', caseBody(townId, { recordings: [{ ...closedFields.recordings[0], uri: 'no scheme' }] }), '/recordings/0/uri'],
    ['bad sha256', caseBody(townId, { recordings: [{ ...closedFields.recordings[0], sha256: 'abc' }] }), '/recordings/0/sha256'],
    ['unknown review result', caseBody(townId, { reviews: [{ kind: 'litigation', filedAt: '2025-06-01T00:00:00Z', result: 'lost' }] }), '/reviews/0/result'],
    ['bad registeredAt', caseBody(townId, { registeredAt: '2025-13-01' }), '/registeredAt'],
    ['overlong title', caseBody(townId, { title: '案'.repeat(201) }), '/title'],
  ]
  for (const [label, body, pointer] of cases) {
    const res = await admin.post('/v1/enforcement-cases', body)
    assertProblem(t, res, 400, 'validation-error', label)
    t.ok(res.body.errors?.some((e: any) => e.pointer === pointer), `${label}: names ${pointer}`)
  }
  const missing = await admin.post('/v1/enforcement-cases', { gridUnitId: townId })
  assertProblem(t, missing, 400, 'validation-error')
  for (const field of ['caseNumber', 'title', 'domain', 'party', 'registeredAt']) {
    t.ok(missing.body.errors.some((e: any) => e.pointer === `/${field}`), `missing ${field} is named`)
  }
})

t.test('a fine of zero and the maximum are accepted', async (t) => {
  for (const fineAmountFen of [0, 1_000_000_000_000]) {
    const res = await admin.post('/v1/enforcement-cases', caseBody(townId, { decision: { ...closedFields.decision, fineAmountFen } }))
    t.equal(res.status, 201)
    t.equal(res.body.decision.fineAmountFen, fineAmountFen)
  }
})

t.test('a grid unit that does not exist is a rule violation', async (t) => {
  const res = await admin.post('/v1/enforcement-cases', caseBody('00000000-0000-4000-8000-000000000000'))
  assertProblem(t, res, 409, 'rule-violation')
  t.same(res.body.violations.map((v: any) => v.rule), ['grid-unit-exists'])
})

t.test('caseNumber is unique among live cases, and free again after delete', async (t) => {
  const first = await createCase(admin, townId, { caseNumber: '杭后团综执立字〔2025〕第001号' })
  assertProblem(t, await admin.post('/v1/enforcement-cases', caseBody(county.otherTown.id, { caseNumber: '杭后团综执立字〔2025〕第001号' })), 409, 'conflict')
  const other = await createCase(admin, townId)
  assertProblem(t, await admin.patch(`/v1/enforcement-cases/${other.id}`, { caseNumber: first.caseNumber }), 409, 'conflict')
  t.equal((await admin.delete(`/v1/enforcement-cases/${first.id}`)).status, 204)
  t.equal((await admin.post('/v1/enforcement-cases', caseBody(townId, { caseNumber: '杭后团综执立字〔2025〕第001号' }))).status, 201)
})

t.test('delete is soft: 404 afterwards; the audit trail keeps created, updated and deleted', async (t) => {
  const created = await createCase(admin, townId)
  const patched = await admin.patch(`/v1/enforcement-cases/${created.id}`, { title: '李某某占道经营案' })
  t.equal(patched.status, 200)
  assertProblem(t, await admin.delete(`/v1/enforcement-cases/${created.id}`, { 'if-match': '"1"' }), 412, 'precondition-failed')
  const del = await admin.delete(`/v1/enforcement-cases/${created.id}`, { 'if-match': '"2"' })
  t.equal(del.status, 204)
  assertProblem(t, await admin.get(`/v1/enforcement-cases/${created.id}`), 404, 'not-found')
  assertProblem(t, await admin.patch(`/v1/enforcement-cases/${created.id}`, { title: '再改' }), 404, 'not-found')
  assertProblem(t, await admin.delete(`/v1/enforcement-cases/${created.id}`), 404, 'not-found')
  const list = await admin.get(`/v1/enforcement-cases?limit=100&gridUnitId=${townId}`)
  t.notOk(list.body.items.some((c: any) => c.id === created.id), 'a deleted case is not listed')

  const feed = await admin.get(`/v1/audit-events?resourceId=${created.id}`)
  t.equal(feed.status, 200)
  t.same(feed.body.items.map((e: any) => [e.action, e.resourceType, e.version]), [
    ['created', 'enforcement-cases', 1],
    ['updated', 'enforcement-cases', 2],
    ['deleted', 'enforcement-cases', 3],
  ])
  t.equal(feed.body.items[0].after.caseNumber, created.caseNumber)
  t.equal(feed.body.items[1].before.title, created.title)
  t.equal(feed.body.items[1].after.title, '李某某占道经营案')
  t.equal(feed.body.items[2].after, null)
})

t.test('an Idempotency-Key replays the first answer and creates nothing more', async (t) => {
  const body = caseBody(townId)
  const first = await admin.post('/v1/enforcement-cases', body, { 'idempotency-key': 'case-import-0001' })
  const again = await admin.post('/v1/enforcement-cases', body, { 'idempotency-key': 'case-import-0001' })
  t.equal(first.status, 201)
  t.equal(again.status, 201)
  t.equal(again.headers['idempotency-replayed'], 'true')
  t.equal(again.body.id, first.body.id)
})
