import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createMeeting, meetingBody, rulesOf } from './fixtures.js'

// issue-resolution: an issue studied at a meeting can only have been resolved at or after it.
const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)
const url = '/v1/rule-of-law-meetings'
const heldAt = '2025-03-18T01:30:00.000Z'
const create = (issues: unknown[]) => admin.post(url, meetingBody(town.id, { heldAt, issues }))

t.test('issue-resolution on create: each way of breaking it, and the passing sides', async (t) => {
  const broken: [string, unknown[]][] = [
    ['an open issue with a resolvedAt', [{ title: '问题', status: 'open', resolvedAt: '2025-04-01T00:00:00Z' }]],
    ['a resolved issue without resolvedAt', [{ title: '问题', status: 'resolved' }]],
    ['resolved a millisecond before the meeting', [{ title: '问题', status: 'resolved', resolvedAt: '2025-03-18T01:29:59.999Z' }]],
    ['one good issue and one bad', [{ title: '问题一', status: 'open' }, { title: '问题二', status: 'resolved', resolvedAt: '2025-01-01T00:00:00Z' }]],
  ]
  for (const [label, issues] of broken) {
    const res = await create(issues)
    assertProblem(t, res, 409, 'rule-violation', label)
    t.same(rulesOf(res), ['issue-resolution'], `${label}: only issue-resolution`)
  }
  const two = await create([{ title: '问题一', status: 'resolved' }, { title: '问题二', status: 'open', resolvedAt: heldAt }])
  t.same(rulesOf(two), ['issue-resolution'], 'two bad issues are one rule')
  t.equal(two.body.violations.length, 1)
  t.match(two.body.violations[0].message, /issues\/0.*issues\/1/, 'the message names each bad issue')

  const passing: [string, unknown[]][] = [
    ['no issues', []],
    ['an open issue', [{ title: '问题', status: 'open' }]],
    ['resolved at the very instant of the meeting', [{ title: '问题', status: 'resolved', resolvedAt: heldAt }]],
    ['resolved the same instant written in UTC+8', [{ title: '问题', status: 'resolved', resolvedAt: '2025-03-18T09:30:00+08:00' }]],
    ['resolved later', [{ title: '问题', status: 'resolved', resolvedAt: '2025-06-30T08:00:00Z' }]],
  ]
  for (const [label, issues] of passing) t.equal((await create(issues)).status, 201, label)
})

t.test('issue-resolution on patch: issues, and heldAt moved after a resolution', async (t) => {
  const meeting = await createMeeting(admin, town.id, { heldAt, issues: [{ title: '土地流转纠纷', status: 'open' }] })
  const noDate = await admin.patch(`${url}/${meeting.id}`, { issues: [{ title: '土地流转纠纷', status: 'resolved' }] })
  assertProblem(t, noDate, 409, 'rule-violation', 'resolving without a date')
  t.same(rulesOf(noDate), ['issue-resolution'])
  const resolved = await admin.patch(`${url}/${meeting.id}`, { issues: [{ title: '土地流转纠纷', status: 'resolved', resolvedAt: '2025-05-20T08:00:00Z' }] })
  t.equal(resolved.status, 200)
  t.equal(resolved.body.issues[0].resolvedAt, '2025-05-20T08:00:00.000Z')

  const later = await admin.patch(`${url}/${meeting.id}`, { heldAt: '2025-05-20T08:00:00.001Z' })
  assertProblem(t, later, 409, 'rule-violation', 'the meeting cannot move after a resolution it recorded')
  t.same(rulesOf(later), ['issue-resolution'])
  t.equal((await admin.patch(`${url}/${meeting.id}`, { heldAt: '2025-05-20T08:00:00Z' })).status, 200, 'up to the resolution itself')

  const reopen = await admin.patch(`${url}/${meeting.id}`, { issues: [{ title: '土地流转纠纷', status: 'open', resolvedAt: '2025-05-20T08:00:00Z' }] })
  assertProblem(t, reopen, 409, 'rule-violation', 'reopened but still dated')
  t.same(rulesOf(reopen), ['issue-resolution'])
  const reopened = await admin.patch(`${url}/${meeting.id}`, { issues: [{ title: '土地流转纠纷', status: 'open' }] })
  t.equal(reopened.status, 200)
  t.notOk('resolvedAt' in reopened.body.issues[0])

  const unchanged = await admin.get(`${url}/${meeting.id}`)
  t.equal(unchanged.body.version, 4, 'refused patches wrote nothing')
})
