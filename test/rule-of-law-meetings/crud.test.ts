import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { checkMissingGridUnit, checkSoftDelete } from '../helpers/record-checks.js'
import { createCounty } from '../helpers/factories.js'
import { createMeeting, meetingBody } from './fixtures.js'

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)
const url = '/v1/rule-of-law-meetings'

t.test('create answers 201 with every field as sent, Location and ETag', async (t) => {
  const body = meetingBody(town.id, {
    kind: 'central_group_study',
    heldAt: '2025-03-18T09:30:00+08:00',
    chairIsPrincipal: true,
    attendance: 32,
    summary: '传达学习习近平法治思想',
    issues: [
      { title: '农村土地承包经营权流转纠纷多发', status: 'resolved', resolvedAt: '2025-05-20T08:00:00.000Z' },
      { title: '行政执法人员持证率不高', status: 'open' },
    ],
  })
  const res = await admin.post(url, body)
  t.equal(res.status, 201)
  t.equal(res.headers.location, `${url}/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.match(res.body, { ...body, heldAt: '2025-03-18T01:30:00.000Z', version: 1 })
  t.same(res.body.issues, body.issues)
  t.equal(res.body.createdAt, res.body.updatedAt)
})

t.test('defaults: chairIsPrincipal false, attendance 0, no issues, no summary', async (t) => {
  const res = await admin.post(url, meetingBody(town.id))
  t.equal(res.status, 201)
  t.match(res.body, { chairIsPrincipal: false, attendance: 0, issues: [] })
  t.notOk('summary' in res.body)
})

t.test('get, If-None-Match, a malformed and an unknown id', async (t) => {
  const created = await createMeeting(admin, town.id)
  const res = await admin.get(`${url}/${created.id}`)
  t.equal(res.status, 200)
  t.same(res.body, created)
  t.equal(res.headers.etag, '"1"')
  t.equal((await admin.get(`${url}/${created.id}`, { 'if-none-match': '"1"' })).status, 304)
  assertProblem(t, await admin.get(`${url}/00000000-0000-4000-8000-000000000000`), 404, 'not-found')
  assertProblem(t, await admin.get(`${url}/12`), 400, 'validation-error')
})

t.test('merge patch: absent fields kept, null clears summary, issues replaced whole, If-Match', async (t) => {
  const created = await createMeeting(admin, town.id, { summary: '研究部署', issues: [{ title: '问题一', status: 'open' }, { title: '问题二', status: 'open' }] })
  const res = await admin.patch(`${url}/${created.id}`, { attendance: 40, issues: [{ title: '问题三', status: 'open' }] }, { 'content-type': 'application/merge-patch+json' })
  t.equal(res.status, 200)
  t.match(res.body, { attendance: 40, title: created.title, summary: '研究部署', version: 2 })
  t.same(res.body.issues, [{ title: '问题三', status: 'open' }])
  t.equal(res.headers.etag, '"2"')
  const cleared = await admin.patch(`${url}/${created.id}`, { summary: null }, { 'if-match': '"2"' })
  t.equal(cleared.status, 200)
  t.notOk('summary' in cleared.body)
  assertProblem(t, await admin.patch(`${url}/${created.id}`, { attendance: 1 }, { 'if-match': '"2"' }), 412, 'precondition-failed')
  for (const body of [{ title: null }, { heldAt: null }, { issues: null }]) {
    const bad = await admin.patch(`${url}/${created.id}`, body)
    assertProblem(t, bad, 400, 'validation-error', `null for required ${Object.keys(body)[0]}`)
    t.equal(bad.body.errors[0].pointer, `/${Object.keys(body)[0]}`)
  }
  for (const body of [{ id: created.id }, { version: 9 }, { createdAt: created.createdAt }, { updatedAt: created.updatedAt }]) {
    const bad = await admin.patch(`${url}/${created.id}`, body)
    assertProblem(t, bad, 400, 'validation-error', `read-only ${Object.keys(body)[0]}`)
    t.equal(bad.body.errors[0].pointer, `/${Object.keys(body)[0]}`)
  }
})

t.test('bad values are 400 naming the field', async (t) => {
  const issue = { title: '问题', status: 'open' }
  const cases: [string, Record<string, unknown>, string][] = [
    ['unknown field', { ...meetingBody(town.id), place: '镇政府三楼会议室' }, '/place'],
    ['read-only id', { ...meetingBody(town.id), id: '00000000-0000-4000-8000-000000000000' }, '/id'],
    ['unknown kind', meetingBody(town.id, { kind: 'party_meeting' }), '/kind'],
    ['heldAt as a date', meetingBody(town.id, { heldAt: '2025-03-18' }), '/heldAt'],
    ['heldAt not a time', meetingBody(town.id, { heldAt: '2025-02-30T10:00:00Z' }), '/heldAt'],
    ['overlong title', meetingBody(town.id, { title: '会'.repeat(201) }), '/title'],
    ['empty title', meetingBody(town.id, { title: '' }), '/title'],
    ['overlong chairedBy', meetingBody(town.id, { chairedBy: '王'.repeat(101) }), '/chairedBy'],
    ['overlong summary', meetingBody(town.id, { summary: '学'.repeat(4001) }), '/summary'],
    ['negative attendance', meetingBody(town.id, { attendance: -1 }), '/attendance'],
    ['fractional attendance', meetingBody(town.id, { attendance: 2.5 }), '/attendance'],
    ['attendance beyond the maximum', meetingBody(town.id, { attendance: 100_001 }), '/attendance'],
    ['chairIsPrincipal as text', meetingBody(town.id, { chairIsPrincipal: 'yes' }), '/chairIsPrincipal'],
    ['unknown issue status', meetingBody(town.id, { issues: [{ title: '问题', status: 'pending' }] }), '/issues/0/status'],
    ['issue without title', meetingBody(town.id, { issues: [{ status: 'open' }] }), '/issues/0/title'],
    ['unknown issue field', meetingBody(town.id, { issues: [{ ...issue, owner: '司法所' }] }), '/issues/0/owner'],
    ['bad resolvedAt', meetingBody(town.id, { issues: [{ title: '问题', status: 'resolved', resolvedAt: 'yesterday' }] }), '/issues/0/resolvedAt'],
    ['51 issues', meetingBody(town.id, { issues: Array.from({ length: 51 }, () => issue) }), '/issues'],
    ['malformed gridUnitId', meetingBody('town'), '/gridUnitId'],
  ]
  for (const [label, body, pointer] of cases) {
    const res = await admin.post(url, body)
    assertProblem(t, res, 400, 'validation-error', label)
    t.ok(res.body.errors?.some((e: any) => e.pointer === pointer), `${label}: names ${pointer}`)
  }
  const missing = await admin.post(url, { gridUnitId: town.id })
  assertProblem(t, missing, 400, 'validation-error')
  for (const field of ['title', 'kind', 'heldAt', 'chairedBy']) t.ok(missing.body.errors.some((e: any) => e.pointer === `/${field}`), `missing ${field} is named`)
})

t.test('limits are inclusive: 50 issues, attendance 100000', async (t) => {
  const res = await admin.post(url, meetingBody(town.id, { attendance: 100_000, issues: Array.from({ length: 50 }, (_, i) => ({ title: `问题${i}`, status: 'open' })) }))
  t.equal(res.status, 201)
  t.equal(res.body.issues.length, 50)
})

t.test('a grid unit that does not exist is a rule violation, on create and on patch', async (t) => {
  await checkMissingGridUnit(t, admin, url, (unitId) => meetingBody(unitId), await createMeeting(admin, town.id))
})

t.test('delete is soft: 404 afterwards, not listed', async (t) => {
  await checkSoftDelete(t, admin, url, await createMeeting(admin, town.id), { attendance: 3 })
})
