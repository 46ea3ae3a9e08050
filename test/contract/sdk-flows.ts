import createClient, { type Client } from 'openapi-fetch'
import type { Test } from 'tap'
import type { components, paths } from '../../sdk/schema.js'

export type Api = Client<paths>
type Schemas = components['schemas']
type Problem = Schemas['Problem']

/** A client generated from the committed document; `observe` sees every answer (to validate it). */
export function sdkClient(baseUrl: string, apiKey: string, observe?: (r: { method: string; path: string; response: Response }) => Promise<void>): Api {
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}` } })
  if (observe) api.use({ onResponse: ({ request, schemaPath, response }) => observe({ method: request.method, path: schemaPath, response }) })
  return api
}

interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** Walks every page from the first; asserts no record comes twice and the walk ends. */
async function walk<T extends { id: string }>(t: Test, what: string, page: (cursor: string | undefined) => Promise<Page<T> | undefined>): Promise<T[]> {
  const seen: T[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 20; pages++) {
    const body = await page(cursor)
    if (!body) throw new Error(`${what}: a page failed`)
    seen.push(...body.items)
    if (body.nextCursor === null) break
    cursor = body.nextCursor
  }
  t.equal(new Set(seen.map((r) => r.id)).size, seen.length, `${what}: the cursor walk yields no record twice`)
  return seen
}

const slug = (problem: Problem | undefined) => problem?.type.split('/problems/')[1]

interface Lifecycle<R extends { id: string; version: number }> {
  what: string
  record: R
  get(id: string, ifNoneMatch?: string): Promise<{ data?: R; response: Response }>
  patch(id: string, ifMatch: string): Promise<{ data?: R; error?: Problem; response: Response }>
  remove(id: string, ifMatch: string): Promise<{ error?: Problem; response: Response }>
}

/** Get (and 304), patch with If-Match (and a stale one: 412), delete with If-Match, then 404. */
async function lifecycle<R extends { id: string; version: number }>(t: Test, o: Lifecycle<R>): Promise<void> {
  const { id } = o.record
  const got = await o.get(id)
  t.equal(got.response.status, 200, `get${o.what}: 200`)
  t.equal(got.data?.id, id, `get${o.what}: the record`)
  const etag = got.response.headers.get('etag')
  t.equal(etag, `"${o.record.version}"`, `get${o.what}: ETag is the version`)
  t.equal((await o.get(id, etag!)).response.status, 304, `get${o.what}: If-None-Match with the current ETag answers 304`)

  const changed = await o.patch(id, etag!)
  t.equal(changed.response.status, 200, `update${o.what} with a current If-Match: 200`)
  t.equal(changed.data?.version, o.record.version + 1, `update${o.what}: version + 1`)
  const newTag = changed.response.headers.get('etag')
  t.equal(newTag, `"${o.record.version + 1}"`, `update${o.what}: the new ETag`)

  const stale = await o.patch(id, etag!)
  t.equal(stale.response.status, 412, `update${o.what} with a stale If-Match: 412`)
  t.equal(slug(stale.error), 'precondition-failed', `update${o.what}: precondition-failed problem`)

  const staleDelete = await o.remove(id, etag!)
  t.equal(staleDelete.response.status, 412, `delete${o.what} with a stale If-Match: 412`)
  const removed = await o.remove(id, newTag!)
  t.equal(removed.response.status, 204, `delete${o.what} with the current If-Match: 204`)
  t.equal((await o.get(id)).response.status, 404, `get${o.what} after delete: 404`)
}

const at = (day: number, hour = 2) => new Date(Date.UTC(2025, 3, day, hour)).toISOString()
const run = `${process.pid}${Date.now().toString(36)}`

/** The grid units every record hangs from; walks the villages of the town with a filter and a cursor. */
export async function gridUnitFlow(t: Test, api: Api) {
  const create = async (body: Schemas['GridUnitCreate']) => {
    const { data, error, response } = await api.POST('/v1/grid-units', { body })
    t.equal(response.status, 201, `createGridUnit ${body.name}: 201`, { error })
    t.equal(response.headers.get('location'), `/v1/grid-units/${data?.id}`, 'Location names the new record')
    if (!data) throw new Error('grid unit not created')
    return data
  }
  const county = await create({ code: `C${run}`, name: '杭锦后旗', level: 'county' })
  const town = await create({ code: `T${run}`, name: '团结镇', level: 'town', parentId: county.id })
  const villages = [
    await create({ code: `V1${run}`, name: '团结村', level: 'village', parentId: town.id, workers: [{ name: '王建国', role: 'grid_leader', phone: '13847812345' }] }),
    await create({ code: `V2${run}`, name: '新华村', level: 'village', parentId: town.id }),
    await create({ code: `V3${run}`, name: '联丰村', level: 'village', parentId: town.id }),
  ]
  const grid = await create({ code: `G${run}`, name: '团结村第一网格', level: 'grid', parentId: villages[0]!.id })

  const walked = await walk(t, 'listGridUnits', async (cursor) =>
    (await api.GET('/v1/grid-units', { params: { query: { gridUnitId: town.id, level: ['village'], sort: 'code', limit: 2, ...(cursor ? { cursor } : {}) } } })).data,
  )
  t.same(walked.map((u) => u.id).sort(), villages.map((u) => u.id).sort(), 'listGridUnits: the level filter and subtree give exactly the three villages')

  await lifecycle(t, {
    what: 'GridUnit',
    record: villages[2]!,
    get: (id, ifNoneMatch) => api.GET('/v1/grid-units/{id}', { params: { path: { id }, header: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} } }),
    patch: (id, ifMatch) =>
      api.PATCH('/v1/grid-units/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: { name: '联丰村（合并）' }, headers: { 'content-type': 'application/merge-patch+json' } }),
    remove: (id, ifMatch) => api.DELETE('/v1/grid-units/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } } }),
  })
  return { county, town, grid }
}

export async function decisionFlow(t: Test, api: Api, gridUnitId: string) {
  const created: Schemas['Decision'][] = []
  for (const [i, category] of (['major_project', 'large_fund', 'major_project'] as const).entries()) {
    const { data, response } = await api.POST('/v1/decisions', {
      body: { gridUnitId, title: `团结镇重大行政决策 ${i + 1}`, category, proposedBy: '团结镇农业综合服务中心', proposedAt: at(i + 1) },
    })
    t.equal(response.status, 201, `createDecision ${category}: 201`)
    if (data) created.push(data)
  }
  const walked = await walk(t, 'listDecisions', async (cursor) =>
    (await api.GET('/v1/decisions', { params: { query: { category: ['major_project'], gridUnitId, limit: 1, ...(cursor ? { cursor } : {}) } } })).data,
  )
  t.same(walked.map((r) => r.id), [created[2]!.id, created[0]!.id], 'listDecisions: the category filter, newest proposal first')
  await lifecycle(t, {
    what: 'Decision',
    record: created[1]!,
    get: (id, ifNoneMatch) => api.GET('/v1/decisions/{id}', { params: { path: { id }, header: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} } }),
    patch: (id, ifMatch) =>
      api.PATCH('/v1/decisions/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: { summary: '提请镇党委会集体讨论' }, headers: { 'content-type': 'application/merge-patch+json' } }),
    remove: (id, ifMatch) => api.DELETE('/v1/decisions/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } } }),
  })
}

export async function enforcementCaseFlow(t: Test, api: Api, gridUnitId: string) {
  const created: Schemas['EnforcementCase'][] = []
  for (const [i, domain] of (['land_resources', 'environment', 'land_resources'] as const).entries()) {
    const { data, response } = await api.POST('/v1/enforcement-cases', {
      body: {
        gridUnitId,
        caseNumber: `杭后团综执立字〔2025〕第${run}-${i + 1}号`,
        title: `违法占用耕地建房案 ${i + 1}`,
        domain,
        party: { type: 'person', name: '张某某', idNumber: '150826198805121234', phone: '13804785678' },
        registeredAt: at(i + 1),
      },
    })
    t.equal(response.status, 201, `createEnforcementCase ${domain}: 201`)
    if (data) created.push(data)
  }
  t.equal(created[0]?.party.phone, '13804785678', 'an admin key (pii:read) sees personal data unmasked')
  const walked = await walk(t, 'listEnforcementCases', async (cursor) =>
    (await api.GET('/v1/enforcement-cases', { params: { query: { domain: ['land_resources'], sort: 'registeredAt', limit: 1, ...(cursor ? { cursor } : {}) } } })).data,
  )
  t.same(walked.map((r) => r.id), [created[0]!.id, created[2]!.id], 'listEnforcementCases: the domain filter, oldest registration first')
  await lifecycle(t, {
    what: 'EnforcementCase',
    record: created[1]!,
    get: (id, ifNoneMatch) => api.GET('/v1/enforcement-cases/{id}', { params: { path: { id }, header: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} } }),
    patch: (id, ifMatch) =>
      api.PATCH('/v1/enforcement-cases/{id}', {
        params: { path: { id }, header: { 'if-match': ifMatch } },
        body: { officers: [{ name: '王海军', certificateNumber: '15082619001' }, { name: '李春梅', certificateNumber: '15082619007' }] },
        headers: { 'content-type': 'application/merge-patch+json' },
      }),
    remove: (id, ifMatch) => api.DELETE('/v1/enforcement-cases/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } } }),
  })
}

export async function legalEducationEventFlow(t: Test, api: Api, gridUnitId: string) {
  const created: Schemas['LegalEducationEvent'][] = []
  for (const [i, format] of (['lecture', 'training', 'lecture'] as const).entries()) {
    const { data, response } = await api.POST('/v1/legal-education-events', {
      body: { gridUnitId, title: `民法典宣传月 ${i + 1}`, format, venueType: 'village', audience: 'villagers', startsAt: at(i + 1), attendance: 100 * (i + 1) },
    })
    t.equal(response.status, 201, `createLegalEducationEvent ${format}: 201`)
    if (data) created.push(data)
  }
  const walked = await walk(t, 'listLegalEducationEvents', async (cursor) =>
    (await api.GET('/v1/legal-education-events', { params: { query: { format: ['lecture'], startsFrom: '2025-04-01', limit: 1, ...(cursor ? { cursor } : {}) } } })).data,
  )
  t.same(walked.map((r) => r.id), [created[2]!.id, created[0]!.id], 'listLegalEducationEvents: the format filter, latest start first')
  await lifecycle(t, {
    what: 'LegalEducationEvent',
    record: created[1]!,
    get: (id, ifNoneMatch) => api.GET('/v1/legal-education-events/{id}', { params: { path: { id }, header: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} } }),
    patch: (id, ifMatch) =>
      api.PATCH('/v1/legal-education-events/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: { materialsDistributed: 2000 }, headers: { 'content-type': 'application/merge-patch+json' } }),
    remove: (id, ifMatch) => api.DELETE('/v1/legal-education-events/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } } }),
  })
}

export async function disputeFlow(t: Test, api: Api, gridUnitId: string) {
  const created: Schemas['Dispute'][] = []
  for (const [i, category] of (['land', 'labor', 'land'] as const).entries()) {
    const { data, response } = await api.POST('/v1/disputes', {
      body: { gridUnitId, title: `团结村纠纷 ${i + 1}`, category, source: 'grid_inspection', parties: [{ name: '张福', role: 'applicant', phone: '13847815678' }], reportedAt: at(i + 1) },
    })
    t.equal(response.status, 201, `createDispute ${category}: 201`)
    if (data) created.push(data)
  }
  const walked = await walk(t, 'listDisputes', async (cursor) =>
    (await api.GET('/v1/disputes', { params: { query: { category: ['land'], status: ['reported'], limit: 1, ...(cursor ? { cursor } : {}) } } })).data,
  )
  t.same(walked.map((r) => r.id), [created[2]!.id, created[0]!.id], 'listDisputes: the category and status filters, latest report first')
  await lifecycle(t, {
    what: 'Dispute',
    record: created[1]!,
    get: (id, ifNoneMatch) => api.GET('/v1/disputes/{id}', { params: { path: { id }, header: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} } }),
    patch: (id, ifMatch) =>
      api.PATCH('/v1/disputes/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: { status: 'mediating', mediator: '团结镇人民调解委员会' }, headers: { 'content-type': 'application/merge-patch+json' } }),
    remove: (id, ifMatch) => api.DELETE('/v1/disputes/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } } }),
  })
}

/** The figures, the report and the audit feed over what the flows above left. */
export async function readOnlyFlow(t: Test, api: Api, countyId: string) {
  const stats = await api.GET('/v1/statistics', { params: { query: { year: 2025, gridUnitId: countyId } } })
  t.equal(stats.response.status, 200, 'getStatistics: 200')
  t.equal(stats.data?.disputes.total, 2, 'getStatistics: the two live disputes of 2025')
  const report = await api.GET('/v1/reports/annual', { params: { query: { year: 2025, gridUnitId: countyId } }, parseAs: 'text' })
  t.equal(report.response.status, 200, 'getAnnualReport: 200')
  t.match(report.data ?? '', /普法/, 'getAnnualReport: the Markdown report')
  const feed = await api.GET('/v1/audit-events', { params: { query: { resourceType: 'disputes', limit: 3 } } })
  t.equal(feed.response.status, 200, 'listAuditEvents: 200')
  const next = await api.GET('/v1/audit-events', { params: { query: { resourceType: 'disputes', after: feed.data?.nextCursor ?? '0' } } })
  t.same(next.data?.items.map((e) => e.action), ['updated', 'deleted'], 'listAuditEvents: following the cursor gives the later events')
}

/** Answers the service gives to bad input: problem details as documented. */
export async function badInputFlow(t: Test, api: Api) {
  const malformed = await api.GET('/v1/disputes/{id}', { params: { path: { id: 'not-a-uuid' } } })
  t.equal(malformed.response.status, 400, 'a malformed id: 400')
  t.equal(slug(malformed.error), 'validation-error', 'a malformed id: validation-error problem')
  const unknownField = await api.POST('/v1/disputes', { body: { stauts: 'reported' } as never })
  t.equal(unknownField.response.status, 400, 'an unknown field: 400')
  const [first] = unknownField.error?.errors ?? []
  t.equal(first && 'in' in first ? first.in : undefined, 'body', 'the problem points into the body')
  const missing = await api.GET('/v1/decisions/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } })
  t.equal(slug(missing.error), 'not-found', 'an unknown id: not-found problem')
}
