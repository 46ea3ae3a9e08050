import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { checkMissingGridUnit, checkSoftDelete } from '../helpers/record-checks.js'
import { createCounty } from '../helpers/factories.js'
import { STARTED_UTC, closedFields, createInspection, finding, inspectionBody, inspectionsUrl } from './fixtures.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)
const gridId = county.grid.id

t.test('create answers 201 with Location, ETag, defaults and UTC instants', async (t) => {
  const res = await admin.post(inspectionsUrl, inspectionBody(gridId))
  t.equal(res.status, 201, res.text)
  t.equal(res.headers.location, `${inspectionsUrl}/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, {
    id: res.body.id,
    version: 1,
    createdAt: res.body.createdAt,
    updatedAt: res.body.createdAt,
    gridUnitId: gridId,
    title: '2025年安全生产领域执法专项检查',
    kind: 'special_inspection',
    domain: 'safety_production',
    startedAt: STARTED_UTC,
    casesReviewed: 0,
    findings: [],
    status: 'planned',
  })
  t.notOk('endedAt' in res.body, 'no end until one is given')
})

t.test('a closed inspection sent whole keeps every field as sent', async (t) => {
  const body = inspectionBody(gridId, { ...closedFields, kind: 'case_file_review', domain: 'urban_management', casesReviewed: 24, endedAt: '2025-10-15T17:00:00+08:00' })
  const res = await admin.post(inspectionsUrl, body)
  t.equal(res.status, 201, res.text)
  t.match(res.body, { kind: 'case_file_review', domain: 'urban_management', casesReviewed: 24, status: 'closed', endedAt: '2025-10-15T09:00:00.000Z' })
  t.same(res.body.findings, [{ description: '3 件案卷缺少送达回证', rectifiedAt: '2025-09-30T08:00:00.000Z' }])
  t.same((await admin.get(`${inspectionsUrl}/${res.body.id}`)).body, res.body, 'read back the same')
  for (const kind of ['special_inspection', 'case_file_review', 'self_inspection', 'risk_screening']) {
    t.equal((await admin.post(inspectionsUrl, inspectionBody(gridId, { kind }))).status, 201, kind)
  }
  for (const domain of ['urban_management', 'land_resources', 'environment', 'safety_production', 'market_regulation', 'agriculture', 'transport', 'other']) {
    t.equal((await admin.post(inspectionsUrl, inspectionBody(gridId, { domain }))).status, 201, domain)
  }
})

t.test('get, 304, merge patch, null clears endedAt, findings replaced whole', async (t) => {
  const record = await createInspection(admin, gridId, { status: 'in_progress', endedAt: '2025-09-20T00:00:00Z', findings: [finding(), finding()] })
  t.equal((await admin.get(`${inspectionsUrl}/${record.id}`, { 'if-none-match': '"1"' })).status, 304)
  const res = await admin.patch(`${inspectionsUrl}/${record.id}`, { findings: [finding('2025-09-05T00:00:00Z')], casesReviewed: 12 }, { 'content-type': 'application/merge-patch+json' })
  t.equal(res.status, 200, res.text)
  t.same(res.body.findings, [{ description: '3 件案卷缺少送达回证', rectifiedAt: '2025-09-05T00:00:00.000Z' }])
  t.equal(res.body.casesReviewed, 12)
  t.equal(res.body.status, 'in_progress', 'absent fields keep their value')
  t.equal(res.body.version, 2)
  const cleared = await admin.patch(`${inspectionsUrl}/${record.id}`, { endedAt: null })
  t.equal(cleared.status, 200)
  t.notOk('endedAt' in cleared.body)
  for (const body of [{ title: null }, { startedAt: null }, { findings: null }, { casesReviewed: null }, { status: null }]) {
    assertProblem(t, await admin.patch(`${inspectionsUrl}/${record.id}`, body), 400, 'validation-error', `${Object.keys(body)[0]} cannot be cleared`)
  }
  for (const body of [{ version: 1 }, { id: record.id }, { updatedAt: '2025-01-01T00:00:00Z' }]) {
    const refused = await admin.patch(`${inspectionsUrl}/${record.id}`, body)
    assertProblem(t, refused, 400, 'validation-error', `read-only ${Object.keys(body)[0]}`)
    t.equal(refused.body.errors[0].pointer, `/${Object.keys(body)[0]}`)
  }
  assertProblem(t, await admin.patch(`${inspectionsUrl}/${record.id}`, { casesReviewed: 1 }, { 'if-match': '"1"' }), 412, 'precondition-failed')
})

t.test('delete is soft: 404 afterwards', async (t) => {
  await checkSoftDelete(t, admin, inspectionsUrl, await createInspection(admin, county.otherGrid.id), { casesReviewed: 1 }, `gridUnitId=${county.otherGrid.id}`)
})

t.test('a grid unit that does not exist is a rule violation', async (t) => {
  await checkMissingGridUnit(t, admin, inspectionsUrl, (unitId) => inspectionBody(unitId), await createInspection(admin, gridId))
})

t.test('bad values are 400s naming the field; unknown fields are refused', async (t) => {
  const cases: [Record<string, unknown>, string][] = [
    [{ kind: 'audit' }, '/kind'],
    [{ domain: 'tax' }, '/domain'],
    [{ status: 'done' }, '/status'],
    [{ startedAt: '2025-09-01' }, '/startedAt'],
    [{ endedAt: '2025/10/15 09:00' }, '/endedAt'],
    [{ casesReviewed: -1 }, '/casesReviewed'],
    [{ casesReviewed: 100_001 }, '/casesReviewed'],
    [{ casesReviewed: 2.5 }, '/casesReviewed'],
    [{ title: '' }, '/title'],
    [{ title: '查'.repeat(201) }, '/title'],
    [{ findings: [{ description: '' }] }, '/findings/0/description'],
    [{ findings: [{ description: '问'.repeat(2001) }] }, '/findings/0/description'],
    [{ findings: [{ description: '问题', rectifiedAt: '2025-09-30' }] }, '/findings/0/rectifiedAt'],
    [{ findings: [{ description: '问题', owner: '镇司法所' }] }, '/findings/0/owner'],
    [{ findings: Array.from({ length: 101 }, () => finding()) }, '/findings'],
    [{ gridUnitId: 'x' }, '/gridUnitId'],
    [{ inspector: '王海军' }, '/inspector'],
  ]
  for (const [fields, pointer] of cases) {
    const res = await admin.post(inspectionsUrl, inspectionBody(gridId, fields))
    assertProblem(t, res, 400, 'validation-error', JSON.stringify(fields).slice(0, 60))
    t.ok(res.body.errors?.some((e: any) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`)), `${pointer}: ${JSON.stringify(res.body.errors)}`)
  }
  for (const field of ['gridUnitId', 'title', 'kind', 'domain', 'startedAt']) {
    assertProblem(t, await admin.post(inspectionsUrl, inspectionBody(gridId, { [field]: undefined })), 400, 'validation-error', `${field} is required`)
  }
  const hundred = await admin.post(inspectionsUrl, inspectionBody(gridId, { findings: Array.from({ length: 100 }, () => finding()), casesReviewed: 100_000 }))
  t.equal(hundred.status, 201, '100 findings and 100000 cases are the most')
})
