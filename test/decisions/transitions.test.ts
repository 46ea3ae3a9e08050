import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDecision, discussion, draft, review, rulesOf } from './fixtures/decisions.js'

// draft → under_review | withdrawn; under_review → draft | adopted | rejected | withdrawn;
// adopted, rejected and withdrawn are final.
const allowed: Record<string, string[]> = {
  draft: ['under_review', 'withdrawn'],
  under_review: ['draft', 'adopted', 'rejected', 'withdrawn'],
  adopted: [],
  rejected: [],
  withdrawn: [],
}
const statuses = Object.keys(allowed)

// What a decision must carry to sit in a status, so that a refusal can only be the transition itself.
const stepsFor = (status: string): Record<string, unknown> =>
  status === 'adopted'
    ? { legalityReview: review(), collectiveDiscussion: discussion({ outcome: 'adopted' }) }
    : status === 'rejected'
      ? { legalityReview: review(), collectiveDiscussion: discussion({ outcome: 'rejected' }) }
      : {}

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)

t.test('a decision can be created directly in every status whose rules it meets', async (t) => {
  for (const status of statuses) {
    const res = await admin.post('/v1/decisions', draft(town.id, { status, ...stepsFor(status) }))
    t.equal(res.status, 201, status)
    t.equal(res.body.status, status)
  }
})

for (const from of statuses) {
  for (const to of statuses.filter((s) => s !== from)) {
    const permitted = allowed[from]!.includes(to)
    t.test(`${from} → ${to} is ${permitted ? 'allowed' : 'refused'}`, async (t) => {
      const decision = await createDecision(admin, draft(town.id, { status: from, ...stepsFor(from) }))
      const res = await admin.patch(`/v1/decisions/${decision.id}`, { status: to, ...stepsFor(to) })
      if (permitted) {
        t.equal(res.status, 200, res.text)
        t.equal(res.body.status, to)
        t.equal(res.body.version, 2)
        t.equal(res.headers.etag, '"2"')
      } else {
        assertProblem(t, res, 409, 'rule-violation')
        t.same(rulesOf(res.body), ['status-transition'])
        const kept = await admin.get(`/v1/decisions/${decision.id}`)
        t.equal(kept.body.status, from, 'the status stays')
        t.equal(kept.body.version, 1, 'nothing was written')
      }
    })
  }
}

t.test('a final decision still accepts changes that keep its status', async (t) => {
  const decision = await createDecision(admin, draft(town.id, { status: 'adopted', ...stepsFor('adopted') }))
  const res = await admin.patch(`/v1/decisions/${decision.id}`, { publishedAt: '2025-04-15T01:00:00Z', summary: '全文已在镇政府网站公布' })
  t.equal(res.status, 200)
  t.equal(res.body.status, 'adopted')
})
