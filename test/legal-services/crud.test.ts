import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { checkMissingGridUnit, checkSoftDelete } from '../helpers/record-checks.js'
import { createCounty } from '../helpers/factories.js'
import { createService, serviceBody } from './fixtures.js'

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)
const url = '/v1/legal-services'

t.test('create answers 201 with every field as sent, Location and ETag', async (t) => {
  const body = serviceBody(town.id, {
    providerName: '内蒙古河套律师事务所 李明',
    servedAt: '2025-04-11T10:00:00+08:00',
    quantity: 3,
    opinionIssued: true,
    notes: '提出修改意见 6 条，均被采纳',
  })
  const res = await admin.post(url, body)
  t.equal(res.status, 201)
  t.equal(res.headers.location, `${url}/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.same(res.body, { ...body, servedAt: '2025-04-11T02:00:00.000Z', id: res.body.id, version: 1, createdAt: res.body.createdAt, updatedAt: res.body.createdAt })
})

t.test('defaults: quantity 1, no opinion, no providerName or notes', async (t) => {
  const res = await admin.post(url, serviceBody(town.id))
  t.equal(res.status, 201)
  t.match(res.body, { quantity: 1, opinionIssued: false })
  t.notOk('providerName' in res.body)
  t.notOk('notes' in res.body)
})

t.test('every enum value is accepted', async (t) => {
  const values: [string, string[]][] = [
    ['provider', ['government_legal_adviser', 'village_legal_adviser', 'service_window', 'judicial_office', 'other']],
    ['recipient', ['government', 'public']],
    ['kind', ['contract_review', 'major_matter_consultation', 'petition_case', 'legal_consultation', 'mediation_guidance', 'legal_aid_referral', 'other']],
  ]
  for (const [field, allowed] of values) {
    for (const value of allowed) {
      const res = await admin.post(url, serviceBody(town.id, { [field]: value }))
      t.equal(res.status, 201, `${field} ${value}`)
      t.equal(res.body[field], value)
    }
  }
})

t.test('get, If-None-Match, malformed and unknown ids', async (t) => {
  const created = await createService(admin, town.id)
  const res = await admin.get(`${url}/${created.id}`)
  t.equal(res.status, 200)
  t.same(res.body, created)
  t.equal((await admin.get(`${url}/${created.id}`, { 'if-none-match': '"1"' })).status, 304)
  assertProblem(t, await admin.get(`${url}/00000000-0000-4000-8000-000000000000`), 404, 'not-found')
  assertProblem(t, await admin.get(`${url}/abc`), 400, 'validation-error')
})

t.test('merge patch: absent fields kept, null clears providerName and notes, If-Match', async (t) => {
  const created = await createService(admin, town.id, { providerName: '李明', notes: '口头意见' })
  const res = await admin.patch(`${url}/${created.id}`, { opinionIssued: true, notes: '出具书面法律意见书' }, { 'content-type': 'application/merge-patch+json' })
  t.equal(res.status, 200)
  t.match(res.body, { opinionIssued: true, notes: '出具书面法律意见书', providerName: '李明', subject: created.subject, quantity: 1, version: 2 })
  const cleared = await admin.patch(`${url}/${created.id}`, { providerName: null, notes: null }, { 'if-match': '"2"' })
  t.equal(cleared.status, 200)
  t.notOk('providerName' in cleared.body)
  t.notOk('notes' in cleared.body)
  assertProblem(t, await admin.patch(`${url}/${created.id}`, { quantity: 2 }, { 'if-match': '"2"' }), 412, 'precondition-failed')
  for (const body of [{ subject: null }, { quantity: null }, { opinionIssued: null }, { servedAt: null }, { kind: null }]) {
    const bad = await admin.patch(`${url}/${created.id}`, body)
    assertProblem(t, bad, 400, 'validation-error', `null for required ${Object.keys(body)[0]}`)
    t.equal(bad.body.errors[0].pointer, `/${Object.keys(body)[0]}`)
  }
  for (const body of [{ id: created.id }, { version: 3 }, { updatedAt: created.updatedAt }]) {
    const bad = await admin.patch(`${url}/${created.id}`, body)
    assertProblem(t, bad, 400, 'validation-error', `read-only ${Object.keys(body)[0]}`)
    t.equal(bad.body.errors[0].pointer, `/${Object.keys(body)[0]}`)
  }
})

t.test('bad values are 400 naming the field', async (t) => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['unknown field', { ...serviceBody(town.id), lawyer: '李明' }, '/lawyer'],
    ['read-only createdAt', { ...serviceBody(town.id), createdAt: '2025-01-01T00:00:00Z' }, '/createdAt'],
    ['unknown provider', serviceBody(town.id, { provider: 'notary' }), '/provider'],
    ['unknown recipient', serviceBody(town.id, { recipient: 'company' }), '/recipient'],
    ['unknown kind', serviceBody(town.id, { kind: 'notarization' }), '/kind'],
    ['servedAt as a date', serviceBody(town.id, { servedAt: '2025-04-11' }), '/servedAt'],
    ['servedAt without an offset', serviceBody(town.id, { servedAt: '2025-04-11T10:00:00' }), '/servedAt'],
    ['quantity 0', serviceBody(town.id, { quantity: 0 }), '/quantity'],
    ['quantity beyond the maximum', serviceBody(town.id, { quantity: 100_001 }), '/quantity'],
    ['fractional quantity', serviceBody(town.id, { quantity: 1.5 }), '/quantity'],
    ['quantity as text', serviceBody(town.id, { quantity: '3' }), '/quantity'],
    ['opinionIssued as a number', serviceBody(town.id, { opinionIssued: 1 }), '/opinionIssued'],
    ['overlong subject', serviceBody(town.id, { subject: '审'.repeat(201) }), '/subject'],
    ['overlong providerName', serviceBody(town.id, { providerName: '律'.repeat(101) }), '/providerName'],
    ['overlong notes', serviceBody(town.id, { notes: '注'.repeat(2001) }), '/notes'],
    ['a NUL in notes', serviceBody(town.id, { notes: '意见\u0000' }), '/notes'],
  ]
  for (const [label, body, pointer] of cases) {
    const res = await admin.post(url, body)
    assertProblem(t, res, 400, 'validation-error', label)
    t.ok(res.body.errors?.some((e: any) => e.pointer === pointer), `${label}: names ${pointer}`)
  }
  const missing = await admin.post(url, { gridUnitId: town.id })
  assertProblem(t, missing, 400, 'validation-error')
  for (const field of ['subject', 'provider', 'recipient', 'kind', 'servedAt']) t.ok(missing.body.errors.some((e: any) => e.pointer === `/${field}`), `missing ${field} is named`)
})

t.test('quantity limits are inclusive: 1 and 100000', async (t) => {
  for (const quantity of [1, 100_000]) t.equal((await admin.post(url, serviceBody(town.id, { quantity }))).body.quantity, quantity)
})

t.test('a grid unit that does not exist is a rule violation, on create and on patch', async (t) => {
  await checkMissingGridUnit(t, admin, url, (unitId) => serviceBody(unitId), await createService(admin, town.id))
})

t.test('delete is soft: 404 afterwards, not listed', async (t) => {
  await checkSoftDelete(t, admin, url, await createService(admin, town.id), { quantity: 2 })
})
