import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { checkMissingGridUnit, checkSoftDelete } from '../helpers/record-checks.js'
import { createCounty } from '../helpers/factories.js'
import { adopted, createPlan, planBody } from './fixtures.js'

const { admin } = await buildTestApp(t)
const { town } = await createCounty(admin)
const url = '/v1/work-plans'
const task = { title: '落实重大行政决策合法性审查制度', owner: '镇司法所', dueOn: '2025-06-30', doneAt: '2025-06-20T08:00:00.000Z' }

t.test('create answers 201 with every field as sent, and the read-only ones computed', async (t) => {
  const tasks = [task, { title: '开展行政执法案卷评查', owner: '镇综合行政执法队', dueOn: '2099-10-31' }]
  const body = planBody(town.id, { ...adopted, adoptedAt: '2025-02-20T10:00:00+08:00', tasks })
  const res = await admin.post(url, body)
  t.equal(res.status, 201)
  t.equal(res.headers.location, `${url}/${res.body.id}`)
  t.equal(res.headers.etag, '"1"')
  t.match(res.body, { gridUnitId: town.id, year: 2025, title: body.title, status: 'adopted', adoptedAt: '2025-02-20T02:00:00.000Z', version: 1, tasksOverdue: 0 })
  t.same(res.body.tasks, tasks.map((x) => ({ ...x, overdue: false })))
})

t.test('defaults: status draft, no tasks, no adoptedAt', async (t) => {
  const res = await admin.post(url, planBody(town.id))
  t.equal(res.status, 201)
  t.match(res.body, { status: 'draft', tasks: [], tasksOverdue: 0 })
  t.notOk('adoptedAt' in res.body)
})

t.test('get, If-None-Match, malformed and unknown ids', async (t) => {
  const created = await createPlan(admin, town.id, { tasks: [task] })
  const res = await admin.get(`${url}/${created.id}`)
  t.equal(res.status, 200)
  t.same(res.body, created)
  t.equal((await admin.get(`${url}/${created.id}`, { 'if-none-match': '"1"' })).status, 304)
  assertProblem(t, await admin.get(`${url}/00000000-0000-4000-8000-000000000000`), 404, 'not-found')
  assertProblem(t, await admin.get(`${url}/2025`), 400, 'validation-error')
})

t.test('merge patch: absent fields kept, tasks replaced whole, null clears adoptedAt, If-Match', async (t) => {
  const created = await createPlan(admin, town.id, { tasks: [task, { ...task, title: '第二项' }] })
  const res = await admin.patch(`${url}/${created.id}`, { tasks: [{ ...task, title: '第三项' }] }, { 'content-type': 'application/merge-patch+json' })
  t.equal(res.status, 200)
  t.match(res.body, { title: created.title, year: 2025, status: 'draft', version: 2 })
  t.same(res.body.tasks.map((x: any) => x.title), ['第三项'])
  const dated = await admin.patch(`${url}/${created.id}`, { adoptedAt: '2025-02-01T00:00:00Z' }, { 'if-match': '"2"' })
  t.equal(dated.status, 200)
  t.equal(dated.body.adoptedAt, '2025-02-01T00:00:00.000Z')
  const cleared = await admin.patch(`${url}/${created.id}`, { adoptedAt: null })
  t.notOk('adoptedAt' in cleared.body)
  assertProblem(t, await admin.patch(`${url}/${created.id}`, { year: 2026 }, { 'if-match': '"2"' }), 412, 'precondition-failed')
  for (const body of [{ title: null }, { year: null }, { tasks: null }, { status: null }]) {
    const bad = await admin.patch(`${url}/${created.id}`, body)
    assertProblem(t, bad, 400, 'validation-error', `null for required ${Object.keys(body)[0]}`)
    t.equal(bad.body.errors[0].pointer, `/${Object.keys(body)[0]}`)
  }
})

t.test('bad values are 400 naming the field', async (t) => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['unknown field', { ...planBody(town.id), budget: 1000 }, '/budget'],
    ['read-only tasksOverdue', { ...planBody(town.id), tasksOverdue: 0 }, '/tasksOverdue'],
    ['read-only task overdue', planBody(town.id, { tasks: [{ ...task, overdue: false }] }), '/tasks/0/overdue'],
    ['read-only version', { ...planBody(town.id), version: 1 }, '/version'],
    ['year before 2000', planBody(town.id, { year: 1999 }), '/year'],
    ['year after 2100', planBody(town.id, { year: 2101 }), '/year'],
    ['year as text', planBody(town.id, { year: '2025' }), '/year'],
    ['fractional year', planBody(town.id, { year: 2025.5 }), '/year'],
    ['unknown status', planBody(town.id, { status: 'published' }), '/status'],
    ['bad adoptedAt', planBody(town.id, { adoptedAt: '2025-02-20' }), '/adoptedAt'],
    ['overlong title', planBody(town.id, { title: '方'.repeat(201) }), '/title'],
    ['task dueOn as a date-time', planBody(town.id, { tasks: [{ ...task, dueOn: '2025-06-30T00:00:00Z' }] }), '/tasks/0/dueOn'],
    ['task dueOn not a day', planBody(town.id, { tasks: [{ ...task, dueOn: '2025-02-30' }] }), '/tasks/0/dueOn'],
    ['task doneAt as a date', planBody(town.id, { tasks: [{ ...task, doneAt: '2025-06-20' }] }), '/tasks/0/doneAt'],
    ['task without owner', planBody(town.id, { tasks: [{ title: '任务', dueOn: '2025-06-30' }] }), '/tasks/0/owner'],
    ['overlong task owner', planBody(town.id, { tasks: [{ ...task, owner: '所'.repeat(101) }] }), '/tasks/0/owner'],
    ['overlong task title', planBody(town.id, { tasks: [{ ...task, title: '任'.repeat(201) }] }), '/tasks/0/title'],
    ['201 tasks', planBody(town.id, { tasks: Array.from({ length: 201 }, () => task) }), '/tasks'],
  ]
  for (const [label, body, pointer] of cases) {
    const res = await admin.post(url, body)
    assertProblem(t, res, 400, 'validation-error', label)
    t.ok(res.body.errors?.some((e: any) => e.pointer === pointer), `${label}: names ${pointer}`)
  }
  const missing = await admin.post(url, { gridUnitId: town.id })
  assertProblem(t, missing, 400, 'validation-error')
  for (const field of ['year', 'title']) t.ok(missing.body.errors.some((e: any) => e.pointer === `/${field}`), `missing ${field} is named`)
  const created = await createPlan(admin, town.id)
  for (const body of [{ tasksOverdue: 0 }, { tasks: [{ ...task, overdue: true }] }, { id: created.id }, { createdAt: created.createdAt }]) {
    const res = await admin.patch(`${url}/${created.id}`, body)
    assertProblem(t, res, 400, 'validation-error', `patching read-only ${JSON.stringify(body)}`)
  }
})

t.test('the limits are inclusive: years 2000 and 2100, 200 tasks', async (t) => {
  t.equal((await admin.post(url, planBody(town.id, { year: 2000 }))).status, 201)
  const res = await admin.post(url, planBody(town.id, { year: 2100, tasks: Array.from({ length: 200 }, (_, i) => ({ ...task, title: `任务${i}` })) }))
  t.equal(res.status, 201)
  t.equal(res.body.tasks.length, 200)
})

t.test('a grid unit that does not exist is a rule violation, on create and on patch', async (t) => {
  await checkMissingGridUnit(t, admin, url, (unitId) => planBody(unitId), await createPlan(admin, town.id))
})

t.test('delete is soft: 404 afterwards, not listed', async (t) => {
  await checkSoftDelete(t, admin, url, await createPlan(admin, town.id), { year: 2026 })
})
