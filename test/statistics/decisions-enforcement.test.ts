import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { discussion, insertCase, insertDecision, recording, review } from './fixtures/records.js'

const { admin, database } = await buildTestApp(t)
const db = database.db

async function figures(unitId: string, year: number) {
  const res = await admin.get(`/v1/statistics?year=${year}&gridUnitId=${unitId}`)
  if (res.status !== 200) throw new Error(`statistics answered ${res.status}: ${res.text}`)
  return res.body
}

t.test('decisions: total by proposedAt, reviews by completedAt (every conclusion), adoptions by heldAt', async (t) => {
  const { town } = await createCounty(admin)
  await insertDecision(db, town.id, '2025-02-01T09:00:00+08:00', {
    status: 'adopted',
    legalityReview: review('lawful', '2025-02-10T02:00:00.000Z'),
    collectiveDiscussion: discussion('2025-02-20T02:00:00.000Z'),
  })
  await insertDecision(db, town.id, '2025-03-01T09:00:00+08:00', { status: 'under_review', legalityReview: review('lawful_with_revisions', '2025-03-05T02:00:00.000Z') })
  await insertDecision(db, town.id, '2025-04-01T09:00:00+08:00', {
    status: 'rejected',
    legalityReview: review('unlawful', '2025-04-05T02:00:00.000Z'),
    collectiveDiscussion: discussion('2025-04-09T02:00:00.000Z', 'rejected'),
  })
  await insertDecision(db, town.id, '2025-05-01T09:00:00+08:00')
  // Proposed in 2024, reviewed in 2025: a review in the year, not a decision of the year.
  await insertDecision(db, town.id, '2024-11-01T09:00:00+08:00', { status: 'under_review', legalityReview: review('lawful', '2025-01-08T02:00:00.000Z') })
  // Discussed with outcome adopted, but not (yet) moved to status adopted: not an adoption.
  await insertDecision(db, town.id, '2024-06-01T09:00:00+08:00', {
    status: 'under_review',
    legalityReview: review('lawful', '2024-06-08T02:00:00.000Z'),
    collectiveDiscussion: discussion('2025-01-09T02:00:00.000Z'),
  })

  const s = await figures(town.id, 2025)
  t.same(s.decisions, { total: 4, legalityReviewed: 4, byConclusion: { lawful: 2, lawful_with_revisions: 1, unlawful: 1 }, adopted: 1, published: 0 })
  const before = await figures(town.id, 2024)
  t.same(before.decisions, { total: 2, legalityReviewed: 1, byConclusion: { lawful: 1, lawful_with_revisions: 0, unlawful: 0 }, adopted: 0, published: 0 })
})

t.test('enforcement: registered, decided, legal review of major cases, recordings, overdue', async (t) => {
  const { town } = await createCounty(admin)
  await insertCase(db, town.id, '2025-03-01T09:00:00+08:00') // registered, long past 90 days: overdue
  await insertCase(db, town.id, '2025-03-02T09:00:00+08:00', {
    status: 'decided',
    isMajor: true,
    legalReview: { reviewer: '司法所', conclusion: 'approved', completedAt: '2025-03-20T02:00:00.000Z' },
    recordings: [recording],
  })
  await insertCase(db, town.id, '2025-03-03T09:00:00+08:00', {
    status: 'closed',
    legalReview: { reviewer: '司法所', conclusion: 'approved', completedAt: '2025-03-20T02:00:00.000Z' },
    recordings: [recording, recording],
  })
  await insertCase(db, town.id, '2025-03-04T09:00:00+08:00', { status: 'dismissed' })
  await insertCase(db, town.id, '2025-03-05T09:00:00+08:00', { status: 'decided' })
  await insertCase(db, town.id, '2025-03-06T09:00:00+08:00', {
    status: 'legal_review',
    isMajor: true,
    legalReview: { reviewer: '司法所', conclusion: 'returned', completedAt: '2025-03-20T02:00:00.000Z' },
  })

  const s = await figures(town.id, 2025)
  t.same(s.enforcement, { registered: 6, decided: 3, majorLegallyReviewed: 1, withRecordings: 2, published: 0, overdue: 2, reconsiderations: 0, litigations: 0, lost: 0 })
})

t.test('enforcement: an open case is overdue only 90 days after registration', async (t) => {
  const { town } = await createCounty(admin)
  const recent = new Date(Date.now() - 10 * 86_400_000)
  await insertCase(db, town.id, recent.toISOString(), { status: 'investigating' })
  const year = Number(new Date(recent.getTime() + 8 * 3_600_000).toISOString().slice(0, 4))
  const s = await figures(town.id, year)
  t.equal(s.enforcement.registered, 1)
  t.equal(s.enforcement.overdue, 0)
})

t.test('enforcement: reviews count by filedAt whatever the case’s year; lost by closedAt and result', async (t) => {
  const { town } = await createCounty(admin)
  await insertCase(db, town.id, '2024-05-01T09:00:00+08:00', {
    status: 'closed',
    reviews: [
      { kind: 'reconsideration', filedAt: '2025-02-01T02:00:00.000Z', result: 'upheld', closedAt: '2025-04-01T02:00:00.000Z' },
      { kind: 'reconsideration', filedAt: '2025-02-02T02:00:00.000Z', result: 'confirmed_unlawful', closedAt: '2025-04-02T02:00:00.000Z' },
      { kind: 'reconsideration', filedAt: '2025-02-03T02:00:00.000Z', result: 'revoked' },
      { kind: 'litigation', filedAt: '2025-03-01T02:00:00.000Z', result: 'pending' },
      { kind: 'litigation', filedAt: '2024-09-01T02:00:00.000Z', result: 'modified', closedAt: '2025-05-01T02:00:00.000Z' },
      { kind: 'litigation', filedAt: '2025-03-02T02:00:00.000Z', result: 'withdrawn', closedAt: '2025-05-02T02:00:00.000Z' },
    ],
  })
  const s = await figures(town.id, 2025)
  t.same(s.enforcement, { registered: 0, decided: 0, majorLegallyReviewed: 0, withRecordings: 0, published: 0, overdue: 0, reconsiderations: 3, litigations: 2, lost: 2 })
  const before = await figures(town.id, 2024)
  t.match(before.enforcement, { registered: 1, decided: 1, reconsiderations: 0, litigations: 1, lost: 0 })
})
