import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { adopted, createDecision, draft } from './fixtures/decisions.js'

// PATCH is a JSON Merge Patch (RFC 7396): absent fields stay, null clears, objects merge member by
// member; the merged decision is validated whole. If-Match follows RFC 9110 §13.1.1.

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)

t.test('absent fields stay, null clears an optional field, a step merges member by member', async (t) => {
  const decision = await createDecision(admin, adopted(town.id, {
    summary: '规范全镇农村土地经营权流转程序',
    riskAssessment: { level: 'low', completedAt: '2025-03-28T08:00:00Z', summary: '低风险' },
  }))
  const cleared = await admin.patch(`/v1/decisions/${decision.id}`, { summary: null, riskAssessment: null })
  t.equal(cleared.status, 200)
  t.notOk('summary' in cleared.body)
  t.notOk('riskAssessment' in cleared.body)
  t.equal(cleared.body.title, decision.title, 'absent fields keep their value')
  t.same(cleared.body.legalityReview, decision.legalityReview)

  const opinion = await admin.patch(`/v1/decisions/${decision.id}`, { legalityReview: { opinion: '建议删除第十二条', conclusion: 'lawful_with_revisions' } })
  t.equal(opinion.status, 200)
  t.same(opinion.body.legalityReview, { ...decision.legalityReview, opinion: '建议删除第十二条', conclusion: 'lawful_with_revisions' })

  const noOpinion = await admin.patch(`/v1/decisions/${decision.id}`, { legalityReview: { opinion: null } }, { 'content-type': 'application/merge-patch+json' })
  t.equal(noOpinion.status, 200)
  t.same(noOpinion.body.legalityReview, { ...decision.legalityReview, conclusion: 'lawful_with_revisions' })
  t.equal(noOpinion.body.version, 4)
})

t.test('the merged decision must be complete and well-formed', async (t) => {
  const decision = await createDecision(admin, draft(town.id))
  const partialStep = await admin.patch(`/v1/decisions/${decision.id}`, { riskAssessment: { level: 'high' } })
  assertProblem(t, partialStep, 400, 'validation-error', 'a new step needs every required member')
  t.ok(partialStep.body.errors.some((e: any) => e.pointer === '/riskAssessment/completedAt'))
  assertProblem(t, await admin.patch(`/v1/decisions/${decision.id}`, { title: null }), 400, 'validation-error', 'a required field cannot be cleared')
  assertProblem(t, await admin.patch(`/v1/decisions/${decision.id}`, { status: null }), 400, 'validation-error', 'status cannot be cleared')
  const withReview = await createDecision(admin, draft(town.id, { legalityReview: { reviewer: '团结镇司法所', conclusion: 'lawful', completedAt: '2025-04-02T07:00:00Z' } }))
  assertProblem(t, await admin.patch(`/v1/decisions/${withReview.id}`, { legalityReview: { reviewer: null } }), 400, 'validation-error', 'a required step member cannot be cleared')
  assertProblem(t, await admin.patch(`/v1/decisions/${decision.id}`, { legalityReview: { verdict: 'ok' } }), 400, 'validation-error', 'unknown step member')
  assertProblem(t, await admin.patch(`/v1/decisions/${decision.id}`, { stauts: 'under_review' }), 400, 'validation-error', 'unknown field')
  assertProblem(t, await admin.patch(`/v1/decisions/${decision.id}`, { title: '决策\u0000' }), 400, 'validation-error', 'NUL in text')
  t.equal((await admin.get(`/v1/decisions/${decision.id}`)).body.version, 1, 'nothing was written')
})

t.test('naming a read-only field is a 400', async (t) => {
  const decision = await createDecision(admin, draft(town.id))
  for (const field of [{ id: decision.id }, { version: 1 }, { createdAt: decision.createdAt }, { updatedAt: decision.updatedAt }]) {
    const res = await admin.patch(`/v1/decisions/${decision.id}`, field)
    assertProblem(t, res, 400, 'validation-error', Object.keys(field)[0])
    t.ok(res.body.errors.some((e: any) => e.pointer === `/${Object.keys(field)[0]}`))
  }
})

t.test('If-Match: the current ETag or * applies the change, a stale or weak one answers 412', async (t) => {
  const decision = await createDecision(admin, draft(town.id))
  const first = await admin.patch(`/v1/decisions/${decision.id}`, { title: '关于团结镇土地流转管理办法（修订）的决策' }, { 'if-match': '"1"' })
  t.equal(first.status, 200)
  t.equal(first.headers.etag, '"2"')
  t.equal(first.body.version, 2)
  assertProblem(t, await admin.patch(`/v1/decisions/${decision.id}`, { title: '迟到的修改' }, { 'if-match': '"1"' }), 412, 'precondition-failed')
  assertProblem(t, await admin.patch(`/v1/decisions/${decision.id}`, { title: '弱标签' }, { 'if-match': 'W/"2"' }), 412, 'precondition-failed')
  const any = await admin.patch(`/v1/decisions/${decision.id}`, { category: 'major_matter' }, { 'if-match': '*' })
  t.equal(any.status, 200)
  t.equal(any.body.version, 3)
  const read = await admin.get(`/v1/decisions/${decision.id}`)
  t.equal(read.body.title, '关于团结镇土地流转管理办法（修订）的决策', 'the stale changes were not applied')
  t.equal((await admin.get(`/v1/decisions/${decision.id}`, { 'if-none-match': '"2"' })).status, 200, 'an old ETag no longer answers 304')
})

t.test('a patch that changes nothing keeps the version', async (t) => {
  const decision = await createDecision(admin, draft(town.id))
  const res = await admin.patch(`/v1/decisions/${decision.id}`, { title: decision.title, proposedAt: '2025-03-03T09:00:00+08:00' })
  t.equal(res.status, 200)
  t.equal(res.body.version, 1)
  t.equal(res.headers.etag, '"1"')
})
