import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDispute, disputeBody, resolution } from './fixtures.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)
const gridId = county.grid.id

const statuses = ['reported', 'mediating', 'resolved', 'escalated', 'unresolved'] as const
const allowed: Record<string, string[]> = {
  reported: ['mediating', 'resolved', 'escalated', 'unresolved'],
  mediating: ['resolved', 'escalated', 'unresolved'],
  escalated: ['mediating', 'resolved', 'unresolved'],
  resolved: [],
  unresolved: [],
}

/** A dispute created directly in `status`, meeting that status's rules. */
const disputeIn = (status: string) => createDispute(admin, gridId, { status, ...(status === 'resolved' ? { resolution: resolution() } : {}) })

const rulesOf = (res: { body: any }) => res.body.violations.map((v: { rule: string }) => v.rule).sort()

t.test('every allowed transition succeeds and every other one is refused', async (t) => {
  for (const from of statuses) {
    for (const to of statuses) {
      if (from === to) continue
      const dispute = await disputeIn(from)
      const patch = { status: to, ...(to === 'resolved' && from !== 'resolved' ? { resolution: resolution() } : {}) }
      const res = await admin.patch(`/v1/disputes/${dispute.id}`, patch)
      if (allowed[from]!.includes(to)) {
        t.equal(res.status, 200, `${from} → ${to} is allowed`)
        t.equal(res.body.status, to)
        t.equal(res.body.version, 2)
      } else {
        assertProblem(t, res, 409, 'rule-violation', `${from} → ${to} is refused`)
        t.same(rulesOf(res), ['status-transition'])
        t.equal(res.body.violations[0].pointer, '/status')
        t.equal((await admin.get(`/v1/disputes/${dispute.id}`)).body.status, from, 'the status stays')
      }
    }
  }
})

t.test('a dispute can walk reported → mediating → escalated → mediating → resolved', async (t) => {
  const dispute = await createDispute(admin, gridId)
  for (const status of ['mediating', 'escalated', 'mediating']) {
    t.equal((await admin.patch(`/v1/disputes/${dispute.id}`, { status })).status, 200, status)
  }
  const done = await admin.patch(`/v1/disputes/${dispute.id}`, { status: 'resolved', resolution: resolution() })
  t.equal(done.status, 200)
  t.equal(done.body.version, 5)
})

t.test('a final dispute still takes changes that keep its status', async (t) => {
  for (const status of ['resolved', 'unresolved']) {
    const dispute = await disputeIn(status)
    const res = await admin.patch(`/v1/disputes/${dispute.id}`, { status, title: '更正后的纠纷名称', mediator: '王建国' })
    t.equal(res.status, 200, status)
    t.equal(res.body.title, '更正后的纠纷名称')
  }
})

t.test('resolution-required: resolved needs a resolution, on create and on change', async (t) => {
  const created = await admin.post('/v1/disputes', disputeBody(gridId, { status: 'resolved' }))
  assertProblem(t, created, 409, 'rule-violation')
  t.same(rulesOf(created), ['resolution-required'])
  t.equal(created.body.violations[0].pointer, '/resolution', 'the violation points at the missing field')

  const dispute = await createDispute(admin, gridId, { status: 'mediating' })
  const moved = await admin.patch(`/v1/disputes/${dispute.id}`, { status: 'resolved' })
  assertProblem(t, moved, 409, 'rule-violation')
  t.same(rulesOf(moved), ['resolution-required'])

  const resolved = await disputeIn('resolved')
  const cleared = await admin.patch(`/v1/disputes/${resolved.id}`, { resolution: null })
  assertProblem(t, cleared, 409, 'rule-violation')
  t.same(rulesOf(cleared), ['resolution-required'])
  t.same((await admin.get(`/v1/disputes/${resolved.id}`)).body.resolution, resolution(), 'the resolution stays')
})

t.test('a dispute created directly as unresolved, escalated or mediating needs no resolution', async (t) => {
  for (const status of ['unresolved', 'escalated', 'mediating']) {
    const res = await admin.post('/v1/disputes', disputeBody(gridId, { status }))
    t.equal(res.status, 201, status)
    t.equal(res.body.status, status)
  }
})

t.test('resolution-after-report: resolvedAt is never before reportedAt, compared as instants', async (t) => {
  const reportedAt = '2025-04-08T02:30:00.000Z'
  const early = await admin.post('/v1/disputes', disputeBody(gridId, { reportedAt, status: 'resolved', resolution: resolution('2025-04-08T10:29:59.999+08:00') }))
  assertProblem(t, early, 409, 'rule-violation')
  t.same(rulesOf(early), ['resolution-after-report'])
  t.equal(early.body.violations[0].pointer, '/resolution/resolvedAt')

  const sameInstant = await admin.post('/v1/disputes', disputeBody(gridId, { reportedAt, status: 'resolved', resolution: resolution('2025-04-08T10:30:00+08:00') }))
  t.equal(sameInstant.status, 201, 'resolved at the very instant it was reported')
  t.equal(sameInstant.body.resolution.resolvedAt, reportedAt, 'answered in UTC')

  const failedMediation = await admin.post(
    '/v1/disputes',
    disputeBody(gridId, { reportedAt, status: 'unresolved', resolution: { ...resolution('2025-04-01T00:00:00Z'), agreementReached: false } }),
  )
  assertProblem(t, failedMediation, 409, 'rule-violation', 'the order of instants holds whatever the status')
  t.same(rulesOf(failedMediation), ['resolution-after-report'])

  const resolved = await disputeIn('resolved')
  const laterReport = await admin.patch(`/v1/disputes/${resolved.id}`, { reportedAt: '2025-05-01T00:00:00Z' })
  assertProblem(t, laterReport, 409, 'rule-violation', 'moving reportedAt past resolvedAt is refused')
  t.same(rulesOf(laterReport), ['resolution-after-report'])
  const earlierResolution = await admin.patch(`/v1/disputes/${resolved.id}`, { resolution: { resolvedAt: '2025-04-01T00:00:00Z' } })
  assertProblem(t, earlierResolution, 409, 'rule-violation')
  t.same(rulesOf(earlierResolution), ['resolution-after-report'])
})

t.test('every broken rule is reported at once', async (t) => {
  const dispute = await disputeIn('unresolved')
  const res = await admin.patch(`/v1/disputes/${dispute.id}`, { status: 'resolved', resolution: resolution('2025-01-01T00:00:00Z') })
  assertProblem(t, res, 409, 'rule-violation')
  t.same(rulesOf(res), ['resolution-after-report', 'status-transition'])
  t.ok(res.body.violations.every((v: any) => typeof v.message === 'string' && v.message.length > 0))
})
