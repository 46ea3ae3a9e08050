import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { approvedReview, caseBody, closedFields, createCase, fine, recording, rulesOf, twoOfficers } from './fixtures.js'

// Each rule is an invariant of a status (行政处罚法), so it holds for a case created straight into
// that status as well as for one moved there.
const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)
const create = (fields: Record<string, unknown>) => admin.post('/v1/enforcement-cases', caseBody(town.id, fields))
const patch = (id: string, body: Record<string, unknown>) => admin.patch(`/v1/enforcement-cases/${id}`, body)

t.test('min-two-certified-officers: every status after registered needs two distinct certified officers', async (t) => {
  t.equal((await create({ officers: [] })).status, 201, 'a registered case may have no officers yet')
  for (const status of ['investigating', 'legal_review', 'dismissed', 'decided', 'closed']) {
    const res = await create({ ...closedFields, status, officers: [twoOfficers[0]] })
    assertProblem(t, res, 409, 'rule-violation', `${status} with one officer`)
    t.same(rulesOf(res), ['min-two-certified-officers'], `${status}: only the officer rule is broken`)
  }
  const sameCertificate = await create({ status: 'investigating', officers: [twoOfficers[0], { name: '王海军（重复）', certificateNumber: twoOfficers[0]!.certificateNumber }] })
  assertProblem(t, sameCertificate, 409, 'rule-violation', 'two entries with one certificate are one officer')
  t.same(rulesOf(sameCertificate), ['min-two-certified-officers'])
  t.equal((await create({ status: 'investigating', officers: twoOfficers })).status, 201)

  const registered = await createCase(admin, town.id, { officers: [twoOfficers[0]] })
  const move = await patch(registered.id, { status: 'investigating' })
  assertProblem(t, move, 409, 'rule-violation', 'leaving registered with one officer')
  t.same(rulesOf(move), ['min-two-certified-officers'])
  t.equal((await patch(registered.id, { status: 'investigating', officers: twoOfficers })).status, 200)
  const dropOfficer = await patch(registered.id, { officers: [twoOfficers[1]] })
  assertProblem(t, dropOfficer, 409, 'rule-violation', 'an investigating case cannot fall below two officers')
  t.same(rulesOf(dropOfficer), ['min-two-certified-officers'])
})

t.test('decision-required: decided and closed need a decision', async (t) => {
  for (const status of ['decided', 'closed']) {
    const res = await create({ ...closedFields, status, decision: undefined })
    assertProblem(t, res, 409, 'rule-violation', `${status} without a decision`)
    t.same(rulesOf(res), ['decision-required'])
  }
  t.equal((await create({ status: 'decided', officers: twoOfficers, decision: fine })).status, 201)

  const investigating = await createCase(admin, town.id, { status: 'investigating', officers: twoOfficers })
  const res = await patch(investigating.id, { status: 'decided' })
  assertProblem(t, res, 409, 'rule-violation')
  t.same(rulesOf(res), ['decision-required'])
  const decided = await patch(investigating.id, { status: 'decided', decision: fine })
  t.equal(decided.status, 200)
  const clear = await patch(investigating.id, { decision: null })
  assertProblem(t, clear, 409, 'rule-violation', 'a decided case cannot lose its decision')
  t.same(rulesOf(clear), ['decision-required'])
})

t.test('decision-after-registration: decidedAt is not before registeredAt', async (t) => {
  const early = { ...fine, decidedAt: '2025-03-10T01:29:59.999Z' }
  const res = await create({ status: 'decided', officers: twoOfficers, decision: early })
  assertProblem(t, res, 409, 'rule-violation')
  t.same(rulesOf(res), ['decision-after-registration'])
  const sameInstant = await create({ status: 'decided', officers: twoOfficers, decision: { ...fine, decidedAt: '2025-03-10T09:30:00+08:00' } })
  t.equal(sameInstant.status, 201, 'the same instant in another offset is not earlier')

  const decided = await createCase(admin, town.id, { status: 'decided', officers: twoOfficers, decision: fine })
  const later = await patch(decided.id, { registeredAt: '2025-05-01T00:00:00Z' })
  assertProblem(t, later, 409, 'rule-violation', 'moving registeredAt past the decision')
  t.same(rulesOf(later), ['decision-after-registration'])
})

t.test('major-case-legal-review: a major case is decided only after an approved legal review', async (t) => {
  const major = { isMajor: true, officers: twoOfficers, decision: fine }
  for (const status of ['decided', 'closed']) {
    const none = await create({ ...major, status, recordings: [recording] })
    assertProblem(t, none, 409, 'rule-violation', `${status} without a legal review`)
    t.same(rulesOf(none), ['major-case-legal-review'])
  }
  const returned = await create({ ...major, status: 'decided', legalReview: { ...approvedReview, conclusion: 'returned' } })
  assertProblem(t, returned, 409, 'rule-violation', 'a returned review does not approve')
  t.same(rulesOf(returned), ['major-case-legal-review'])
  const afterDecision = await create({ ...major, status: 'decided', legalReview: { ...approvedReview, completedAt: '2025-04-25T02:00:00.001Z' } })
  assertProblem(t, afterDecision, 409, 'rule-violation', 'a review completed after the decision')
  t.same(rulesOf(afterDecision), ['major-case-legal-review'])
  t.equal((await create({ ...major, status: 'decided', legalReview: approvedReview })).status, 201)
  t.equal((await create({ ...major, isMajor: false, status: 'decided' })).status, 201, 'an ordinary case needs no legal review')
  t.equal((await create({ ...major, status: 'legal_review', legalReview: { ...approvedReview, conclusion: 'returned' } })).status, 201, 'a major case may be under review')

  const inReview = await createCase(admin, town.id, { ...major, status: 'legal_review' })
  const res = await patch(inReview.id, { status: 'decided' })
  assertProblem(t, res, 409, 'rule-violation')
  t.same(rulesOf(res), ['major-case-legal-review'])
  t.equal((await patch(inReview.id, { status: 'decided', legalReview: approvedReview })).status, 200)
  const promote = await createCase(admin, town.id, { status: 'decided', officers: twoOfficers, decision: fine })
  const becomeMajor = await patch(promote.id, { isMajor: true })
  assertProblem(t, becomeMajor, 409, 'rule-violation', 'a decided case cannot turn major without a review')
  t.same(rulesOf(becomeMajor), ['major-case-legal-review'])
})

t.test('full-process-recording: closed needs at least one recording', async (t) => {
  const res = await create({ ...closedFields, recordings: [] })
  assertProblem(t, res, 409, 'rule-violation')
  t.same(rulesOf(res), ['full-process-recording'])
  t.equal((await create(closedFields)).status, 201)

  const decided = await createCase(admin, town.id, { status: 'decided', officers: twoOfficers, decision: fine })
  const close = await patch(decided.id, { status: 'closed' })
  assertProblem(t, close, 409, 'rule-violation')
  t.same(rulesOf(close), ['full-process-recording'])
  t.equal((await patch(decided.id, { status: 'closed', recordings: [recording] })).status, 200)
})

t.test('every broken rule is named at once', async (t) => {
  const res = await create({ status: 'closed', isMajor: true, officers: [], recordings: [] })
  assertProblem(t, res, 409, 'rule-violation')
  t.same(rulesOf(res), ['decision-required', 'full-process-recording', 'major-case-legal-review', 'min-two-certified-officers'])
})

t.test('a refused change leaves the case as it was', async (t) => {
  const registered = await createCase(admin, town.id)
  assertProblem(t, await patch(registered.id, { status: 'investigating', title: '改名' }), 409, 'rule-violation')
  const after = await admin.get(`/v1/enforcement-cases/${registered.id}`)
  t.same(after.body, registered)
  const feed = await admin.get(`/v1/audit-events?resourceId=${registered.id}`)
  t.same(feed.body.items.map((e: any) => e.action), ['created'], 'no audit event for a refused change')
})
