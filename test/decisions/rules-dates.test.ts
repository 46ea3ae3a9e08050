import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { adopted, createDecision, draft, proposedAt, rulesOf } from './fixtures/decisions.js'

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)
const beforeProposal = '2025-03-03T00:59:59.999Z'

t.test('steps-after-proposal: no step is done before the decision was proposed', async (t) => {
  const steps: Record<string, Record<string, unknown>> = {
    publicParticipation: { method: 'hearing', completedAt: beforeProposal },
    expertArgumentation: { completedAt: beforeProposal },
    riskAssessment: { level: 'medium', completedAt: beforeProposal },
    legalityReview: { reviewer: '团结镇司法所', conclusion: 'lawful', completedAt: beforeProposal },
  }
  for (const [name, step] of Object.entries(steps)) {
    const res = await admin.post('/v1/decisions', draft(town.id, { [name]: step }))
    assertProblem(t, res, 409, 'rule-violation', name)
    t.same(rulesOf(res.body), ['steps-after-proposal'], name)
  }
  const discussed = await admin.post('/v1/decisions', adopted(town.id, { proposedAt: '2025-04-20T00:00:00Z' }))
  t.same(rulesOf(discussed.body), ['steps-after-proposal'], 'review and discussion both before proposal: one violation')

  const sameInstant = await admin.post('/v1/decisions', draft(town.id, { expertArgumentation: { completedAt: proposedAt } }))
  t.equal(sameInstant.status, 201, 'a step at the very instant of the proposal is allowed')

  const later = await admin.patch(`/v1/decisions/${sameInstant.body.id}`, { proposedAt: '2025-03-04T00:00:00Z' })
  assertProblem(t, later, 409, 'rule-violation', 'moving the proposal after a step is refused')
  t.same(rulesOf(later.body), ['steps-after-proposal'])
})

t.test('publication-after-adoption: only an adopted decision is published, after its discussion', async (t) => {
  for (const status of ['draft', 'under_review', 'withdrawn']) {
    const res = await admin.post('/v1/decisions', draft(town.id, { status, publishedAt: '2025-04-15T01:00:00Z' }))
    assertProblem(t, res, 409, 'rule-violation', status)
    t.same(rulesOf(res.body), ['publication-after-adoption'], status)
  }
  const early = await admin.post('/v1/decisions', adopted(town.id, { publishedAt: '2025-04-10T01:59:59Z' }))
  assertProblem(t, early, 409, 'rule-violation')
  t.same(rulesOf(early.body), ['publication-after-adoption'])

  const decision = await createDecision(admin, adopted(town.id))
  const published = await admin.patch(`/v1/decisions/${decision.id}`, { publishedAt: '2025-04-15T09:00:00+08:00' })
  t.equal(published.status, 200, 'an adopted decision accepts its publication')
  t.equal(published.body.publishedAt, '2025-04-15T01:00:00.000Z')
  const unpublished = await admin.patch(`/v1/decisions/${decision.id}`, { publishedAt: null })
  t.equal(unpublished.status, 200)
  t.notOk('publishedAt' in unpublished.body, 'null clears it')
})
