import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { adopted, createDecision, discussion, draft, review, rulesOf } from './fixtures/decisions.js'

// 重大行政决策程序暂行条例: no collective discussion without a prior lawful legality review, and the
// outcome of a decision follows from its discussion (or, for a rejection, from an unlawful review).

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)
const underReview = (fields: Record<string, unknown>) => draft(town.id, { status: 'under_review', ...fields })

t.test('legality-review-before-discussion on create', async (t) => {
  const cases: [string, Record<string, unknown>][] = [
    ['no legality review', { collectiveDiscussion: discussion({ outcome: 'deferred' }) }],
    ['an unlawful review', { legalityReview: review({ conclusion: 'unlawful' }), collectiveDiscussion: discussion({ outcome: 'deferred' }) }],
    ['a review completed when the discussion was held', { legalityReview: review({ completedAt: '2025-04-10T02:00:00Z' }), collectiveDiscussion: discussion({ outcome: 'deferred' }) }],
    ['a review completed after the discussion', { legalityReview: review({ completedAt: '2025-04-11T02:00:00Z' }), collectiveDiscussion: discussion({ outcome: 'deferred' }) }],
  ]
  for (const [name, fields] of cases) {
    const res = await admin.post('/v1/decisions', underReview(fields))
    assertProblem(t, res, 409, 'rule-violation', name)
    t.same(rulesOf(res.body), ['legality-review-before-discussion'], name)
  }
  for (const conclusion of ['lawful', 'lawful_with_revisions']) {
    const res = await admin.post('/v1/decisions', underReview({
      legalityReview: review({ conclusion, completedAt: '2025-04-10T01:59:59.999Z' }),
      collectiveDiscussion: discussion({ outcome: 'deferred' }),
    }))
    t.equal(res.status, 201, `a ${conclusion} review a millisecond before the discussion suffices`)
  }
  const reviewOnly = await admin.post('/v1/decisions', underReview({ legalityReview: review({ conclusion: 'unlawful' }) }))
  t.equal(reviewOnly.status, 201, 'an unlawful review alone breaks no rule')
})

t.test('legality-review-before-discussion on change', async (t) => {
  const decision = await createDecision(admin, adopted(town.id))
  const cleared = await admin.patch(`/v1/decisions/${decision.id}`, { legalityReview: null })
  assertProblem(t, cleared, 409, 'rule-violation')
  t.same(rulesOf(cleared.body), ['legality-review-before-discussion'])
  const unlawful = await admin.patch(`/v1/decisions/${decision.id}`, { legalityReview: { conclusion: 'unlawful' } })
  t.same(rulesOf(unlawful.body), ['legality-review-before-discussion'])
  const early = await admin.patch(`/v1/decisions/${decision.id}`, { collectiveDiscussion: { heldAt: '2025-04-01T02:00:00Z' } })
  t.same(rulesOf(early.body), ['legality-review-before-discussion'])
  t.equal((await admin.get(`/v1/decisions/${decision.id}`)).body.version, 1, 'nothing was written')

  const pending = await createDecision(admin, underReview({}))
  const discussed = await admin.patch(`/v1/decisions/${pending.id}`, { collectiveDiscussion: discussion({ outcome: 'deferred' }) })
  assertProblem(t, discussed, 409, 'rule-violation')
  t.same(rulesOf(discussed.body), ['legality-review-before-discussion'])
  const both = await admin.patch(`/v1/decisions/${pending.id}`, { legalityReview: review(), collectiveDiscussion: discussion({ outcome: 'deferred' }) })
  t.equal(both.status, 200, 'review and discussion recorded together')
})

t.test('adoption-needs-discussion', async (t) => {
  const cases: [string, Record<string, unknown>][] = [
    ['no discussion', { legalityReview: review(), collectiveDiscussion: undefined }],
    ['a deferred discussion', { collectiveDiscussion: discussion({ outcome: 'deferred' }) }],
    ['a rejecting discussion', { collectiveDiscussion: discussion({ outcome: 'rejected' }) }],
  ]
  for (const [name, fields] of cases) {
    const res = await admin.post('/v1/decisions', adopted(town.id, fields))
    assertProblem(t, res, 409, 'rule-violation', name)
    t.same(rulesOf(res.body), ['adoption-needs-discussion'], name)
  }
  const everything = await admin.post('/v1/decisions', adopted(town.id, { legalityReview: undefined, collectiveDiscussion: discussion({ outcome: 'deferred' }) }))
  t.same(rulesOf(everything.body), ['adoption-needs-discussion', 'legality-review-before-discussion'], 'every broken rule is named')

  const pending = await createDecision(admin, underReview({ legalityReview: review() }))
  const bare = await admin.patch(`/v1/decisions/${pending.id}`, { status: 'adopted' })
  assertProblem(t, bare, 409, 'rule-violation')
  t.same(rulesOf(bare.body), ['adoption-needs-discussion'])
  const withDiscussion = await admin.patch(`/v1/decisions/${pending.id}`, { status: 'adopted', collectiveDiscussion: discussion() })
  t.equal(withDiscussion.status, 200)
  t.equal(withDiscussion.body.status, 'adopted')

  const reversed = await admin.patch(`/v1/decisions/${pending.id}`, { collectiveDiscussion: { outcome: 'deferred' } })
  assertProblem(t, reversed, 409, 'rule-violation', 'an adopted decision keeps the discussion that adopted it')
  t.same(rulesOf(reversed.body), ['adoption-needs-discussion'])
})

t.test('rejection-needs-grounds: a rejecting discussion or an unlawful review', async (t) => {
  const refused: [string, Record<string, unknown>][] = [
    ['nothing', {}],
    ['a lawful review only', { legalityReview: review() }],
    ['a deferred discussion', { legalityReview: review(), collectiveDiscussion: discussion({ outcome: 'deferred' }) }],
    ['an adopting discussion', { legalityReview: review(), collectiveDiscussion: discussion({ outcome: 'adopted' }) }],
  ]
  for (const [name, fields] of refused) {
    const res = await admin.post('/v1/decisions', draft(town.id, { status: 'rejected', ...fields }))
    assertProblem(t, res, 409, 'rule-violation', name)
    t.same(rulesOf(res.body), ['rejection-needs-grounds'], name)
  }
  const byDiscussion = await admin.post('/v1/decisions', draft(town.id, { status: 'rejected', legalityReview: review(), collectiveDiscussion: discussion({ outcome: 'rejected' }) }))
  t.equal(byDiscussion.status, 201, 'rejected at the collective discussion')
  const byReview = await admin.post('/v1/decisions', draft(town.id, { status: 'rejected', legalityReview: review({ conclusion: 'unlawful' }) }))
  t.equal(byReview.status, 201, 'refused after an unlawful review, without a discussion')

  const pending = await createDecision(admin, underReview({}))
  assertProblem(t, await admin.patch(`/v1/decisions/${pending.id}`, { status: 'rejected' }), 409, 'rule-violation')
  const rejected = await admin.patch(`/v1/decisions/${pending.id}`, { status: 'rejected', legalityReview: review({ conclusion: 'unlawful', opinion: '超越镇政府法定权限' }) })
  t.equal(rejected.status, 200)
  t.equal(rejected.body.status, 'rejected')
})
