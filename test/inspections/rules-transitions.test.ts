import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { STARTED_UTC, closedFields, createInspection, finding, inspectionBody, inspectionsUrl } from './fixtures.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)
const gridId = county.grid.id
const rulesOf = (res: { body: any }) => (res.body.violations ?? []).map((v: any) => v.rule).sort()

t.test('closing-date: a closed inspection has an end', async (t) => {
  const noEnd = await admin.post(inspectionsUrl, inspectionBody(gridId, { ...closedFields, endedAt: undefined }))
  assertProblem(t, noEnd, 409, 'rule-violation')
  t.same(rulesOf(noEnd), ['closing-date'])
  t.equal((await admin.post(inspectionsUrl, inspectionBody(gridId, closedFields))).status, 201, 'with an end it is taken')

  const running = await createInspection(admin, gridId, { status: 'in_progress' })
  const closing = await admin.patch(`${inspectionsUrl}/${running.id}`, { status: 'closed' })
  assertProblem(t, closing, 409, 'rule-violation')
  t.same(rulesOf(closing), ['closing-date'])
  const closed = await admin.patch(`${inspectionsUrl}/${running.id}`, { status: 'closed', endedAt: '2025-09-20T00:00:00Z' })
  t.equal(closed.status, 200)
  const cleared = await admin.patch(`${inspectionsUrl}/${running.id}`, { endedAt: null })
  assertProblem(t, cleared, 409, 'rule-violation', 'a closed inspection keeps its end')
  t.same(rulesOf(cleared), ['closing-date'])
})

t.test('findings-rectified: nothing is closed with a finding still open', async (t) => {
  const open = await admin.post(inspectionsUrl, inspectionBody(gridId, { ...closedFields, findings: [finding('2025-09-30T08:00:00Z'), finding(), finding()] }))
  assertProblem(t, open, 409, 'rule-violation')
  t.same(rulesOf(open), ['findings-rectified'])
  t.match(open.body.violations[0].message, /1, 2/, 'the message names the open findings')
  const none = await admin.post(inspectionsUrl, inspectionBody(gridId, { ...closedFields, findings: [] }))
  t.equal(none.status, 201, 'no finding at all may close')

  const rectifying = await createInspection(admin, gridId, { status: 'rectifying', findings: [finding(), finding('2025-09-10T00:00:00Z')] })
  t.equal(rectifying.status, 'rectifying', 'open findings are fine while rectifying')
  const early = await admin.patch(`${inspectionsUrl}/${rectifying.id}`, { status: 'closed', endedAt: '2025-10-01T00:00:00Z' })
  assertProblem(t, early, 409, 'rule-violation')
  t.same(rulesOf(early), ['findings-rectified'])
  const done = await admin.patch(`${inspectionsUrl}/${rectifying.id}`, {
    status: 'closed',
    endedAt: '2025-10-01T00:00:00Z',
    findings: [finding('2025-09-28T00:00:00Z'), finding('2025-09-10T00:00:00Z')],
  })
  t.equal(done.status, 200, done.text)
  const reopened = await admin.patch(`${inspectionsUrl}/${rectifying.id}`, { findings: [finding()] })
  assertProblem(t, reopened, 409, 'rule-violation', 'a closed inspection cannot gain an open finding')
  t.same(rulesOf(reopened), ['findings-rectified'])
})

t.test('rectification-after-start: no finding put right before the inspection began, in any status', async (t) => {
  const before = new Date(Date.parse(STARTED_UTC) - 1).toISOString()
  for (const status of ['planned', 'in_progress', 'rectifying']) {
    const res = await admin.post(inspectionsUrl, inspectionBody(gridId, { status, findings: [finding(STARTED_UTC), finding(before)] }))
    assertProblem(t, res, 409, 'rule-violation', status)
    t.same(rulesOf(res), ['rectification-after-start'])
  }
  const atStart = await admin.post(inspectionsUrl, inspectionBody(gridId, { findings: [finding('2025-09-01T09:00:00+08:00')] }))
  t.equal(atStart.status, 201, 'the very instant it started is fine')

  const record = await createInspection(admin, gridId, { findings: [finding('2025-09-02T00:00:00Z')] })
  const later = await admin.patch(`${inspectionsUrl}/${record.id}`, { startedAt: '2025-09-03T00:00:00Z' })
  assertProblem(t, later, 409, 'rule-violation', 'moving the start past a rectification')
  t.same(rulesOf(later), ['rectification-after-start'])
  const both = await admin.post(inspectionsUrl, inspectionBody(gridId, { ...closedFields, endedAt: undefined, findings: [finding(before)] }))
  t.same(rulesOf(both), ['closing-date', 'rectification-after-start'], 'every broken rule is named')
})

t.test('an end before the start is a 400 on /endedAt, on create and on patch', async (t) => {
  const res = await admin.post(inspectionsUrl, inspectionBody(gridId, { endedAt: '2025-09-01T00:59:59Z' }))
  assertProblem(t, res, 400, 'validation-error')
  t.equal(res.body.errors[0].pointer, '/endedAt')
  t.equal((await admin.post(inspectionsUrl, inspectionBody(gridId, { endedAt: STARTED_UTC }))).status, 201, 'ending the instant it starts')
  const record = await createInspection(admin, gridId, { endedAt: '2025-09-05T00:00:00Z' })
  const moved = await admin.patch(`${inspectionsUrl}/${record.id}`, { startedAt: '2025-09-06T00:00:00Z' })
  assertProblem(t, moved, 400, 'validation-error')
  t.equal(moved.body.errors[0].pointer, '/endedAt')
})

t.test('transitions: planned → in_progress → rectifying → closed, and in_progress → closed', async (t) => {
  const record = await createInspection(admin, gridId)
  t.equal(record.status, 'planned', 'the first status by default')
  const steps = [{ status: 'in_progress' }, { status: 'rectifying', findings: [finding()] }, closedFields]
  let version = 1
  for (const step of steps) {
    const res = await admin.patch(`${inspectionsUrl}/${record.id}`, step)
    t.equal(res.status, 200, `to ${step.status}: ${res.text.slice(0, 200)}`)
    t.equal(res.body.status, step.status)
    t.equal(res.body.version, ++version)
  }
  const direct = await createInspection(admin, gridId, { status: 'in_progress' })
  t.equal((await admin.patch(`${inspectionsUrl}/${direct.id}`, closedFields)).status, 200, 'in_progress → closed')
})

t.test('forbidden transitions are status-transition violations', async (t) => {
  const forbidden: [Record<string, unknown>, Record<string, unknown>][] = [
    [{}, { status: 'rectifying' }],
    [{}, { ...closedFields }],
    [{ status: 'in_progress' }, { status: 'planned' }],
    [{ status: 'rectifying' }, { status: 'in_progress' }],
    [{ status: 'rectifying' }, { status: 'planned' }],
    [closedFields, { status: 'rectifying' }],
    [closedFields, { status: 'in_progress' }],
    [closedFields, { status: 'planned' }],
  ]
  for (const [from, to] of forbidden) {
    const record = await createInspection(admin, gridId, from)
    const res = await admin.patch(`${inspectionsUrl}/${record.id}`, to)
    assertProblem(t, res, 409, 'rule-violation', `${record.status} → ${to.status}`)
    t.same(rulesOf(res), ['status-transition'])
    t.equal((await admin.get(`${inspectionsUrl}/${record.id}`)).body.version, 1, 'nothing changed')
  }
  const same = await createInspection(admin, gridId, { status: 'rectifying' })
  t.equal((await admin.patch(`${inspectionsUrl}/${same.id}`, { status: 'rectifying', casesReviewed: 3 })).status, 200, 'staying is no transition')
})
