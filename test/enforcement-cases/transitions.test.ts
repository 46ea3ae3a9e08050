import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { approvedReview, closedFields, createCase, fine, recording, rulesOf, twoOfficers } from './fixtures.js'

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)

const statuses = ['registered', 'investigating', 'legal_review', 'decided', 'closed', 'dismissed'] as const
const allowed: Record<string, string[]> = {
  registered: ['investigating', 'dismissed'],
  investigating: ['legal_review', 'decided', 'dismissed'],
  legal_review: ['investigating', 'decided'],
  decided: ['closed'],
  closed: [],
  dismissed: [],
}
// Everything every status needs, so that only the transition itself can be refused.
const complete = { officers: twoOfficers, decision: fine, legalReview: approvedReview, recordings: [recording] }

t.test('every allowed transition succeeds and every other one is a status-transition violation', async (t) => {
  for (const from of statuses) {
    for (const to of statuses) {
      if (from === to) continue
      const record = await createCase(admin, town.id, { ...complete, status: from })
      const res = await admin.patch(`/v1/enforcement-cases/${record.id}`, { status: to })
      if (allowed[from]!.includes(to)) {
        t.equal(res.status, 200, `${from} → ${to} is allowed`)
        t.equal(res.body.status, to)
        t.equal(res.body.version, 2)
      } else {
        assertProblem(t, res, 409, 'rule-violation', `${from} → ${to} is refused`)
        t.same(rulesOf(res), ['status-transition'], `${from} → ${to}: only the transition is wrong`)
      }
    }
  }
})

t.test('a full walk: registered → investigating → legal_review → decided → closed', async (t) => {
  const record = await createCase(admin, town.id, { isMajor: true })
  const steps: Record<string, unknown>[] = [
    { status: 'investigating', officers: twoOfficers },
    { status: 'legal_review', recordings: [recording] },
    { status: 'decided', legalReview: approvedReview, decision: fine },
    { status: 'closed', publishedAt: '2025-04-30T01:00:00Z' },
  ]
  let version = 1
  for (const step of steps) {
    const res = await admin.patch(`/v1/enforcement-cases/${record.id}`, step, { 'if-match': `"${version}"` })
    t.equal(res.status, 200, `to ${String(step.status)}`)
    t.equal(res.headers.etag, `"${++version}"`)
  }
  const feed = await admin.get(`/v1/audit-events?resourceId=${record.id}`)
  t.same(feed.body.items.map((e: any) => e.after.status), ['registered', 'investigating', 'legal_review', 'decided', 'closed'])
})

t.test('a closed case accepts reviews and publishedAt, and nothing else', async (t) => {
  const closed = await createCase(admin, town.id, closedFields)
  const review = { kind: 'reconsideration', filedAt: '2025-05-20T02:00:00.000Z', result: 'pending' }
  const withReview = await admin.patch(`/v1/enforcement-cases/${closed.id}`, { reviews: [review], publishedAt: '2025-05-01T00:00:00Z' })
  t.equal(withReview.status, 200)
  t.same(withReview.body.reviews, [review])
  t.equal(withReview.body.publishedAt, '2025-05-01T00:00:00.000Z')
  t.equal((await admin.patch(`/v1/enforcement-cases/${closed.id}`, { publishedAt: null })).status, 200, 'publicity may be withdrawn')

  const frozen: Record<string, unknown>[] = [
    { title: '改名' },
    { caseNumber: '杭后团综执立字〔2025〕第999号' },
    { isMajor: true, legalReview: approvedReview },
    { decision: { fineAmountFen: 100_000 } },
    { party: { phone: null } },
    { officers: [...twoOfficers, { name: '赵立', certificateNumber: '15082619010' }] },
    { recordings: [recording, { ...recording, kind: 'photo' }] },
    { registeredAt: '2025-03-01T00:00:00Z' },
    { domain: 'land_resources' },
  ]
  for (const body of frozen) {
    const res = await admin.patch(`/v1/enforcement-cases/${closed.id}`, body)
    assertProblem(t, res, 409, 'rule-violation', `closed case refuses ${Object.keys(body).join(', ')}`)
    t.same(rulesOf(res), ['closed-case-frozen'])
  }
  const reopen = await admin.patch(`/v1/enforcement-cases/${closed.id}`, { status: 'decided' })
  assertProblem(t, reopen, 409, 'rule-violation')
  t.same(rulesOf(reopen), ['status-transition'], 'leaving closed is the transition rule')
  const same = await admin.patch(`/v1/enforcement-cases/${closed.id}`, { title: closed.title, officers: [...twoOfficers].map((o) => ({ certificateNumber: o.certificateNumber, name: o.name })) })
  t.equal(same.status, 200, 'restating unchanged values is no change')
})

t.test('a decided case may still change its decision; a dismissed one is final', async (t) => {
  const decided = await createCase(admin, town.id, { status: 'decided', officers: twoOfficers, decision: fine })
  const amended = await admin.patch(`/v1/enforcement-cases/${decided.id}`, { decision: { fineAmountFen: 150_000 } })
  t.equal(amended.status, 200)
  t.same(amended.body.decision, { ...fine, fineAmountFen: 150_000 })
  const dismissed = await createCase(admin, town.id, { status: 'dismissed', officers: twoOfficers })
  const revive = await admin.patch(`/v1/enforcement-cases/${dismissed.id}`, { status: 'investigating' })
  assertProblem(t, revive, 409, 'rule-violation')
  t.same(rulesOf(revive), ['status-transition'])
})
