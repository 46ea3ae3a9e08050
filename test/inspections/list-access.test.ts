import t from 'tap'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { walkIds } from '../publicity-items/fixtures.js'
import { closedFields, createInspection, inspectionBody, inspectionsUrl } from './fixtures.js'

const { app, admin, keyWith } = await buildTestApp(t)
const county = await createCounty(admin)

// Four inspections around the turn of August into September, Beijing time (UTC+8).
const safety = await createInspection(admin, county.grid.id, { title: '安全生产执法专项检查', status: 'in_progress', startedAt: '2025-08-31T23:30:00+08:00' })
const files = await createInspection(admin, county.town.id, { title: '行政执法案卷评查', kind: 'case_file_review', domain: 'urban_management', startedAt: '2025-09-01T00:30:00+08:00' })
const self = await createInspection(admin, county.community.id, { title: '市场监管执法自查', kind: 'self_inspection', domain: 'market_regulation', startedAt: '2025-08-30T16:00:00Z', ...closedFields, findings: [] })
const elsewhere = await createInspection(admin, county.otherGrid.id, { title: '陕坝镇风险排查', kind: 'risk_screening', domain: 'environment', startedAt: '2025-10-01T02:00:00Z' })
const every = [safety, files, self, elsewhere]

async function ids(query: string, api = admin): Promise<string[]> {
  const res = await api.get(`${inspectionsUrl}?limit=100&${query}`)
  if (res.status !== 200) throw new Error(`${query}: ${res.status} ${res.text}`)
  return res.body.items.map((e: any) => e.id).sort()
}
const idsOf = (...items: any[]) => items.map((e) => e.id).sort()

t.test('kind, domain and status filter, each repeatable', async (t) => {
  t.same(await ids('kind=case_file_review'), idsOf(files))
  t.same(await ids('kind=self_inspection&kind=risk_screening'), idsOf(self, elsewhere))
  t.same(await ids('domain=safety_production'), idsOf(safety))
  t.same(await ids('domain=agriculture'), [])
  t.same(await ids('status=planned'), idsOf(files, elsewhere))
  t.same(await ids('status=in_progress&status=closed'), idsOf(safety, self))
  t.same(await ids('status=rectifying'), [])
  t.same(await ids('status=planned&kind=risk_screening'), idsOf(elsewhere), 'filters combine')
})

t.test('startedFrom/To: a plain date is the whole day in UTC+8', async (t) => {
  t.same(await ids('startedFrom=2025-08-31&startedTo=2025-08-31'), idsOf(safety, self))
  t.same(await ids('startedFrom=2025-09-01&startedTo=2025-09-01'), idsOf(files))
  t.same(await ids('startedFrom=2025-09-02'), idsOf(elsewhere))
  t.same(await ids(`startedTo=${encodeURIComponent('2025-08-30T16:00:00Z')}`), idsOf(self), 'an instant bound is inclusive')
})

t.test('gridUnitId, q in Chinese, updatedSince', async (t) => {
  t.same(await ids(`gridUnitId=${county.town.id}`), idsOf(safety, files, self))
  t.same(await ids(`gridUnitId=${county.village.id}`), idsOf(safety))
  t.same(await ids(`q=${encodeURIComponent('案卷评查')}`), idsOf(files))
  t.same(await ids(`q=${encodeURIComponent('执法')}`), idsOf(safety, files, self))
  const before = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 5))
  t.equal((await admin.patch(`${inspectionsUrl}/${files.id}`, { casesReviewed: 30 })).status, 200)
  t.same(await ids(`updatedSince=${encodeURIComponent(before)}`), idsOf(files))
})

t.test('sorts ascend and descend, walked page by page with no duplicate and no gap', async (t) => {
  const byStart = [self, safety, files, elsewhere].map((e) => e.id)
  t.same((await walkIds(admin, inspectionsUrl, 'limit=100')).ids, [...byStart].reverse(), 'default -startedAt')
  for (const [sort, expected] of [
    ['startedAt', byStart],
    ['-startedAt', [...byStart].reverse()],
    ['createdAt', every.map((e) => e.id)],
    ['-createdAt', every.map((e) => e.id).reverse()],
  ] as const) {
    const walked = await walkIds(admin, inspectionsUrl, `sort=${sort}&limit=3`)
    t.same(walked.ids, expected, sort)
    t.equal(walked.pages, 2)
  }
  const updated = await walkIds(admin, inspectionsUrl, 'sort=updatedAt&limit=1')
  t.equal(updated.ids.at(-1), files.id, 'changed last, listed last')
  t.same((await walkIds(admin, inspectionsUrl, 'sort=-updatedAt&limit=1')).ids, [...updated.ids].reverse())
  for (const query of ['kind=audit', 'status=done', 'startedFrom=soon', 'sort=title', 'sort=-endedAt', 'overdue=true']) {
    assertProblem(t, await admin.get(`${inspectionsUrl}?${query}`), 400, 'validation-error', query)
  }
})

t.test('scopes and jurisdiction', async (t) => {
  const reader = await keyWith(['inspections:read'])
  t.equal((await reader.get(`${inspectionsUrl}/${safety.id}`)).status, 200)
  assertProblem(t, await reader.post(inspectionsUrl, inspectionBody(county.grid.id)), 403, 'forbidden')
  assertProblem(t, await reader.patch(`${inspectionsUrl}/${safety.id}`, { casesReviewed: 1 }), 403, 'forbidden')
  assertProblem(t, await reader.delete(`${inspectionsUrl}/${safety.id}`), 403, 'forbidden')
  assertProblem(t, await (await keyWith(['enforcement-cases:read'])).get(inspectionsUrl), 403, 'forbidden')
  assertProblem(t, await clientFor(app).get(inspectionsUrl), 401, 'unauthorized')

  const town = await keyWith(['inspections:read', 'inspections:write'], county.town.id)
  t.same(await ids('', town), idsOf(safety, files, self))
  assertProblem(t, await town.get(`${inspectionsUrl}/${elsewhere.id}`), 404, 'not-found')
  assertProblem(t, await town.patch(`${inspectionsUrl}/${elsewhere.id}`, { casesReviewed: 1 }), 404, 'not-found')
  assertProblem(t, await town.delete(`${inspectionsUrl}/${elsewhere.id}`), 404, 'not-found')
  assertProblem(t, await town.post(inspectionsUrl, inspectionBody(county.otherTown.id)), 403, 'forbidden')
  assertProblem(t, await town.patch(`${inspectionsUrl}/${files.id}`, { gridUnitId: county.otherGrid.id }), 403, 'forbidden')
  t.equal((await admin.get(`${inspectionsUrl}/${elsewhere.id}`)).body.version, 1, 'untouched')
})

t.test('audit events per write; Idempotency-Key replays the first answer', async (t) => {
  const body = inspectionBody(county.grid.id, { title: '重试的检查' })
  const first = await admin.post(inspectionsUrl, body, { 'idempotency-key': 'inspection-retry-1' })
  t.equal(first.status, 201)
  const again = await admin.post(inspectionsUrl, body, { 'idempotency-key': 'inspection-retry-1' })
  t.equal(again.headers['idempotency-replayed'], 'true')
  t.same(again.body, first.body)
  t.same(await ids(`q=${encodeURIComponent('重试的检查')}`), [first.body.id], 'one created')
  const id = first.body.id
  t.equal((await admin.patch(`${inspectionsUrl}/${id}`, { status: 'in_progress' })).status, 200)
  t.equal((await admin.delete(`${inspectionsUrl}/${id}`)).status, 204)
  const feed = (await admin.get(`/v1/audit-events?resourceId=${id}`)).body.items
  t.same(feed.map((e: any) => e.action), ['created', 'updated', 'deleted'])
  t.ok(feed.every((e: any) => e.resourceType === 'inspections'))
  t.same([feed[1].before.status, feed[1].after.status], ['planned', 'in_progress'])
})
