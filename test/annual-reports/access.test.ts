import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport, reportBody, reportsUrl } from './fixtures.js'

// API.md §3 on annual reports: scopes `annual-reports:read|write` (another collection's key is
// refused), and a key bound to a unit sees and writes only its subtree.

const { admin, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)
const townReport = await createReport(admin, c.town.id)
const otherReport = await createReport(admin, c.otherTown.id, { issuer: '陕坝镇人民政府' })
const documentOf = (id: string) => `${reportsUrl}/${id}/document`

t.test('the scopes: read for reads and the document, write for writes', async (t) => {
  const reader = await keyWith(['annual-reports:read'])
  t.equal((await reader.get(reportsUrl)).status, 200)
  t.equal((await reader.get(`${reportsUrl}/${townReport.id}`)).status, 200)
  t.equal((await reader.get(documentOf(townReport.id))).status, 200, 'the document needs annual-reports:read')
  assertProblem(t, await reader.post(reportsUrl, reportBody(c.village.id)), 403, 'forbidden')
  assertProblem(t, await reader.patch(`${reportsUrl}/${townReport.id}`, { issuer: 'x' }), 403, 'forbidden')
  assertProblem(t, await reader.delete(`${reportsUrl}/${townReport.id}`), 403, 'forbidden')

  const writer = await keyWith(['annual-reports:write'])
  const created = await writer.post(reportsUrl, reportBody(c.village.id))
  t.equal(created.status, 201, 'write creates')
  t.equal((await writer.patch(`${reportsUrl}/${created.body.id}`, { issuer: '团结村村民委员会' })).status, 200)
  assertProblem(t, await writer.get(reportsUrl), 403, 'forbidden', 'write alone does not read')
  t.equal((await writer.delete(`${reportsUrl}/${created.body.id}`)).status, 204)

  for (const scopes of [['disputes:read', 'disputes:write'], ['statistics:read'], ['grid-units:read', 'audit:read']]) {
    const other = await keyWith(scopes)
    for (const [what, res] of [
      ['list', await other.get(reportsUrl)],
      ['get', await other.get(`${reportsUrl}/${townReport.id}`)],
      ['document', await other.get(documentOf(townReport.id))],
      ['create', await other.post(reportsUrl, reportBody(c.grid.id))],
      ['patch', await other.patch(`${reportsUrl}/${townReport.id}`, { issuer: 'x' })],
      ['delete', await other.delete(`${reportsUrl}/${townReport.id}`)],
    ] as const) {
      assertProblem(t, res, 403, 'forbidden', `${scopes.join('+')}: ${what}`)
    }
  }
  const none = await keyWith([])
  assertProblem(t, await none.get(reportsUrl), 403, 'forbidden')
})

t.test('no key or a bad key is 401', async (t) => {
  const anonymous = await admin.request('GET', reportsUrl, undefined, { authorization: '' })
  assertProblem(t, anonymous, 401, 'unauthorized')
  assertProblem(t, await admin.request('GET', documentOf(townReport.id), undefined, { authorization: 'Bearer nope' }), 401, 'unauthorized')
})

t.test('a key bound to a town sees and writes only its own subtree', async (t) => {
  const town = await keyWith(['annual-reports:read', 'annual-reports:write'], c.town.id)
  const listed = (await town.get(`${reportsUrl}?limit=100`)).body.items.map((r: { id: string }) => r.id)
  t.ok(listed.includes(townReport.id))
  t.notOk(listed.includes(otherReport.id), 'another town’s report is not listed')
  t.same((await town.get(`${reportsUrl}?gridUnitId=${c.otherTown.id}`)).body.items, [], 'asking for another town yields nothing')
  t.equal((await town.get(`${reportsUrl}/${townReport.id}`)).status, 200)
  assertProblem(t, await town.get(`${reportsUrl}/${otherReport.id}`), 404, 'not-found', 'another town’s report is not there')
  assertProblem(t, await town.get(documentOf(otherReport.id)), 404, 'not-found', 'nor its document')
  assertProblem(t, await town.patch(`${reportsUrl}/${otherReport.id}`, { issuer: 'x' }), 404, 'not-found')
  assertProblem(t, await town.delete(`${reportsUrl}/${otherReport.id}`), 404, 'not-found')

  assertProblem(t, await town.post(reportsUrl, reportBody(c.otherGrid.id)), 403, 'forbidden', 'no report for a unit outside')
  assertProblem(t, await town.post(reportsUrl, reportBody(c.county.id)), 403, 'forbidden', 'nor for the county above it')
  const own = await town.post(reportsUrl, reportBody(c.grid.id))
  t.equal(own.status, 201, 'a unit inside it')
  assertProblem(t, await town.patch(`${reportsUrl}/${own.body.id}`, { gridUnitId: c.otherGrid.id }), 403, 'forbidden', 'nor move one out of it')
  t.equal((await admin.get(`${reportsUrl}/${own.body.id}`)).body.gridUnitId, c.grid.id)
})
