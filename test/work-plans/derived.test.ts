import { sql } from 'drizzle-orm'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { adopted, chinaDay, createPlan } from './fixtures.js'

// A task is overdue when it is not done and its dueOn is before today in UTC+8.
const { admin, database } = await buildTestApp(t)
const { town, otherTown } = await createCounty(admin)
const url = '/v1/work-plans'
const task = (title: string, dueOn: string, doneAt?: string) => ({ title, owner: '镇司法所', dueOn, ...(doneAt ? { doneAt } : {}) })

t.test('overdue per task at its boundary, and the plan’s count', async (t) => {
  const plan = await createPlan(admin, town.id, {
    ...adopted,
    tasks: [
      task('昨天到期未完成', chinaDay(-1)),
      task('今天到期未完成', chinaDay(0)),
      task('明天到期未完成', chinaDay(1)),
      task('去年到期已完成', chinaDay(-365), '2025-01-01T00:00:00.000Z'),
      task('一月前到期未完成', chinaDay(-30)),
    ],
  })
  t.same(plan.tasks.map((x: any) => [x.title, x.overdue]), [
    ['昨天到期未完成', true],
    ['今天到期未完成', false],
    ['明天到期未完成', false],
    ['去年到期已完成', false],
    ['一月前到期未完成', true],
  ])
  t.equal(plan.tasksOverdue, 2)
  const read = await admin.get(`${url}/${plan.id}`)
  t.same(read.body.tasks, plan.tasks, 'get answers the same')
  t.equal(read.body.tasksOverdue, 2)
  const listed = (await admin.get(`${url}?gridUnitId=${town.id}`)).body.items.find((p: any) => p.id === plan.id)
  t.equal(listed.tasksOverdue, 2, 'the list answers it too')
  t.same(listed.tasks, plan.tasks)
})

t.test('marking a task done ends its overdue; a plan with no tasks has none', async (t) => {
  const plan = await createPlan(admin, town.id, { tasks: [task('开展执法案卷评查', chinaDay(-1)), task('开展普法宣传', chinaDay(-2))] })
  t.equal(plan.tasksOverdue, 2)
  const done = await admin.patch(`${url}/${plan.id}`, { tasks: [task('开展执法案卷评查', chinaDay(-1), new Date().toISOString()), task('开展普法宣传', chinaDay(-2))] })
  t.equal(done.status, 200)
  t.same(done.body.tasks.map((x: any) => x.overdue), [false, true])
  t.equal(done.body.tasksOverdue, 1)
  t.equal((await createPlan(admin, town.id)).tasksOverdue, 0)
})

t.test('a task turns overdue as days pass, with no write', async (t) => {
  const plan = await createPlan(admin, otherTown.id, { tasks: [task('建设法治文化广场', chinaDay(0))] })
  t.equal(plan.tasksOverdue, 0)
  // Moving the stored deadline back a day is the same as the clock moving forward one.
  await database.db.execute(sql`UPDATE work_plans SET tasks = jsonb_build_array(jsonb_set(tasks->0, '{dueOn}', to_jsonb(${chinaDay(-1)}::text))) WHERE id = ${plan.id}`)
  const later = await admin.get(`${url}/${plan.id}`)
  t.equal(later.body.tasks[0].overdue, true)
  t.equal(later.body.tasksOverdue, 1)
  t.equal(later.body.version, 1, 'nothing was written through the API')
})
