import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { checkMissingGridUnit } from '../helpers/record-checks.js'
import { createCounty } from '../helpers/factories.js'
import { createItem, itemBody, itemsUrl } from './fixtures.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)
const gridId = county.grid.id

t.test('create answers 201 with Location, ETag and every field as sent, instants in UTC', async (t) => {
  const res = await admin.post(itemsUrl, itemBody(gridId))
  t.equal(res.status, 201, res.text)
  t.equal(res.headers.location, `${itemsUrl}/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, {
    id: res.body.id,
    version: 1,
    createdAt: res.body.createdAt,
    updatedAt: res.body.createdAt,
    gridUnitId: gridId,
    title: '团结镇2025年第一季度财政预算执行情况',
    category: 'fiscal',
    channels: ['government_platform', 'notice_board'],
    publishedAt: '2025-04-10T02:00:00.000Z',
    uri: 'https://www.hjhq.gov.cn/tjz/zwgk/2025/04/t20250410_1024.html',
  })
  t.match(res.body.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  const bare = await admin.post(itemsUrl, itemBody(gridId, { uri: undefined, channels: ['wechat'] }))
  t.equal(bare.status, 201)
  t.notOk('uri' in bare.body, 'no uri until one is given')
  t.same(bare.body.channels, ['wechat'])
})

t.test('every category and all six channels are taken, in the order sent', async (t) => {
  const six = ['other', 'wechat', 'website', 'grid_group', 'notice_board', 'government_platform']
  for (const category of ['policy_document', 'fiscal', 'enforcement', 'decision', 'village_affairs', 'other']) {
    const res = await admin.post(itemsUrl, itemBody(gridId, { category, channels: six }))
    t.equal(res.status, 201, category)
    t.equal(res.body.category, category)
    t.same(res.body.channels, six)
  }
})

t.test('get answers the record with its ETag; a matching If-None-Match answers 304', async (t) => {
  const item = await createItem(admin, gridId)
  const res = await admin.get(`${itemsUrl}/${item.id}`)
  t.equal(res.status, 200)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, item)
  t.equal((await admin.get(`${itemsUrl}/${item.id}`, { 'if-none-match': '"1"' })).status, 304)
  assertProblem(t, await admin.get(`${itemsUrl}/not-a-uuid`), 400, 'validation-error')
  assertProblem(t, await admin.get(`${itemsUrl}/00000000-0000-4000-8000-000000000000`), 404, 'not-found')
})

t.test('a merge patch changes what it names; null clears uri; channels are replaced whole', async (t) => {
  const item = await createItem(admin, gridId)
  const res = await admin.patch(`${itemsUrl}/${item.id}`, { channels: ['grid_group'], title: '一季度财政信息公开（更正）' }, { 'content-type': 'application/merge-patch+json' })
  t.equal(res.status, 200, res.text)
  t.equal(res.headers.etag, '"2"')
  t.same(res.body.channels, ['grid_group'])
  t.equal(res.body.title, '一季度财政信息公开（更正）')
  t.equal(res.body.category, 'fiscal', 'absent fields keep their value')
  t.equal(res.body.uri, item.uri)
  const cleared = await admin.patch(`${itemsUrl}/${item.id}`, { uri: null })
  t.equal(cleared.status, 200)
  t.notOk('uri' in cleared.body)
  t.equal(cleared.body.version, 3)
  for (const body of [{ title: null }, { channels: null }, { publishedAt: null }, { category: null }]) {
    assertProblem(t, await admin.patch(`${itemsUrl}/${item.id}`, body), 400, 'validation-error', `${Object.keys(body)[0]} cannot be cleared`)
  }
  for (const body of [{ version: 9 }, { id: item.id }, { createdAt: '2025-01-01T00:00:00Z' }, { updatedAt: '2025-01-01T00:00:00Z' }]) {
    const refused = await admin.patch(`${itemsUrl}/${item.id}`, body)
    assertProblem(t, refused, 400, 'validation-error', `read-only ${Object.keys(body)[0]}`)
    t.equal(refused.body.errors[0].pointer, `/${Object.keys(body)[0]}`)
  }
  const stale = await admin.patch(`${itemsUrl}/${item.id}`, { title: '过期' }, { 'if-match': '"1"' })
  assertProblem(t, stale, 412, 'precondition-failed')
  t.equal((await admin.get(`${itemsUrl}/${item.id}`)).body.version, 3, 'nothing changed')
})

t.test('delete is soft: 404 afterwards, gone from lists', async (t) => {
  const item = await createItem(admin, county.otherGrid.id)
  assertProblem(t, await admin.delete(`${itemsUrl}/${item.id}`, { 'if-match': '"5"' }), 412, 'precondition-failed')
  t.equal((await admin.delete(`${itemsUrl}/${item.id}`, { 'if-match': '"1"' })).status, 204)
  assertProblem(t, await admin.get(`${itemsUrl}/${item.id}`), 404, 'not-found')
  assertProblem(t, await admin.patch(`${itemsUrl}/${item.id}`, { title: '复活' }), 404, 'not-found')
  assertProblem(t, await admin.delete(`${itemsUrl}/${item.id}`), 404, 'not-found')
  t.same((await admin.get(`${itemsUrl}?gridUnitId=${county.otherGrid.id}`)).body.items, [])
})

t.test('a grid unit that does not exist is a rule violation, on create and on a move', async (t) => {
  await checkMissingGridUnit(t, admin, itemsUrl, (unitId) => itemBody(unitId), await createItem(admin, gridId))
})

t.test('bad values are 400s naming the field; unknown fields are refused', async (t) => {
  const cases: [Record<string, unknown>, string][] = [
    [{ category: 'budget' }, '/category'],
    [{ channels: [] }, '/channels'],
    [{ channels: ['wechat', 'wechat'] }, '/channels'],
    [{ channels: ['newspaper'] }, '/channels/0'],
    [{ channels: 'wechat' }, '/channels'],
    [{ channels: ['government_platform', 'notice_board', 'grid_group', 'website', 'wechat', 'other', 'other'] }, '/channels'],
    [{ title: '' }, '/title'],
    [{ title: '公'.repeat(201) }, '/title'],
    [{ publishedAt: '2025-04-10' }, '/publishedAt'],
    [{ publishedAt: '2025-04-10 10:00' }, '/publishedAt'],
    [{ uri: 'not a uri' }, '/uri'],
    [{ uri: `https://example.gov.cn/${'a'.repeat(2000)}` }, '/uri'],
    [{ gridUnitId: 'not-a-uuid' }, '/gridUnitId'],
    [{ publishedOn: '2025-04-10' }, '/publishedOn'],
    [{ status: 'published' }, '/status'],
    [{ title: '含\u0000字符' }, '/title'],
  ]
  for (const [fields, pointer] of cases) {
    const res = await admin.post(itemsUrl, itemBody(gridId, fields))
    assertProblem(t, res, 400, 'validation-error', JSON.stringify(fields).slice(0, 60))
    t.ok(res.body.errors?.some((e: any) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`)), `${pointer}: ${JSON.stringify(res.body.errors)}`)
  }
  for (const field of ['gridUnitId', 'title', 'category', 'channels', 'publishedAt']) {
    const res = await admin.post(itemsUrl, itemBody(gridId, { [field]: undefined }))
    assertProblem(t, res, 400, 'validation-error', `${field} is required`)
  }
  const item = await createItem(admin, gridId)
  const patched = await admin.patch(`${itemsUrl}/${item.id}`, { channels: ['notice_board', 'notice_board'] })
  assertProblem(t, patched, 400, 'validation-error', 'channels stay distinct on patch')
})
