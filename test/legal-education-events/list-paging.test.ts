import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createEvent, eventsUrl, walkAll } from './fixtures/events.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)

// Seven events, three of them starting at the same instant, so ties are broken by id.
const starts = [
  '2025-01-10T09:00:00+08:00',
  '2025-03-08T09:00:00+08:00',
  '2025-05-08T09:00:00+08:00',
  '2025-05-08T09:00:00+08:00',
  '2025-05-08T09:00:00+08:00',
  '2025-09-01T09:00:00+08:00',
  '2025-12-04T09:00:00+08:00',
]
const created: any[] = []
for (const [i, startsAt] of starts.entries()) {
  created.push(await createEvent(admin, county.village.id, { title: `普法活动 ${i + 1}`, startsAt, endsAt: undefined }))
}

const byStartThenId = (a: any, b: any) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id)
const ids = (items: any[]) => items.map((e) => e.id)

t.test('the default sort is -startsAt, ties broken by id', async (t) => {
  const res = await admin.get(eventsUrl)
  t.equal(res.status, 200)
  t.match(String(res.headers['content-type']), /^application\/json/)
  t.same(ids(res.body.items), ids([...created].sort(byStartThenId).reverse()))
  t.equal(res.body.nextCursor, null, 'one page holds them all')
})

t.test('sort=startsAt ascends', async (t) => {
  const res = await admin.get(`${eventsUrl}?sort=startsAt`)
  t.same(ids(res.body.items), ids([...created].sort(byStartThenId)))
})

t.test('walking every page with a small limit yields each event once, in order', async (t) => {
  for (const sort of ['-startsAt', 'startsAt', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt']) {
    const full = await admin.get(`${eventsUrl}?sort=${sort}&limit=100`)
    const walked = await walkAll(admin, `sort=${sort}&limit=2`)
    t.equal(walked.pages, 4, `${sort}: 7 events in pages of 2`)
    t.same(ids(walked.items), ids(full.body.items), `${sort}: same order as one big page`)
    t.equal(new Set(ids(walked.items)).size, created.length, `${sort}: no event twice`)
  }
})

t.test('createdAt sorts by creation order', async (t) => {
  const res = await admin.get(`${eventsUrl}?sort=createdAt&limit=100`)
  t.same(ids(res.body.items), ids(created))
})

t.test('inserts and deletes between pages never repeat an event', async (t) => {
  const page1 = (await admin.get(`${eventsUrl}?sort=startsAt&limit=3`)).body
  t.equal(page1.items.length, 3)
  t.type(page1.nextCursor, 'string')
  const earlier = await createEvent(admin, county.village.id, { title: '普法活动 插入', startsAt: '2025-01-01T09:00:00+08:00', endsAt: undefined })
  const nextUp = [...created].sort(byStartThenId)[3]
  t.equal((await admin.delete(`${eventsUrl}/${nextUp.id}`)).status, 204)

  const rest = await walkAll(admin, `sort=startsAt&limit=3&cursor=${encodeURIComponent(page1.nextCursor)}`)
  const seen = [...ids(page1.items), ...ids(rest.items)]
  t.equal(new Set(seen).size, seen.length, 'no event twice')
  t.notOk(seen.includes(nextUp.id), 'the deleted event is gone')
  t.notOk(seen.includes(earlier.id), 'an event inserted behind the cursor is not served late')
  t.equal(seen.length, created.length - 1)
})

t.test('a limit of 1 pages one by one', async (t) => {
  const first = await admin.get(`${eventsUrl}?limit=1`)
  t.equal(first.body.items.length, 1)
  const second = await admin.get(`${eventsUrl}?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`)
  t.equal(second.body.items.length, 1)
  t.not(second.body.items[0].id, first.body.items[0].id)
  t.ok(second.body.items[0].startsAt <= first.body.items[0].startsAt)
})

t.test('bad paging parameters are 400s', async (t) => {
  const first = await admin.get(`${eventsUrl}?sort=startsAt&limit=2`)
  const cursor = encodeURIComponent(first.body.nextCursor)
  assertProblem(t, await admin.get(`${eventsUrl}?sort=-startsAt&cursor=${cursor}`), 400, 'validation-error', 'a cursor of another sort')
  assertProblem(t, await admin.get(`${eventsUrl}?cursor=not-a-cursor`), 400, 'validation-error', 'a malformed cursor')
  const forged = Buffer.from(JSON.stringify(['-startsAt', 'yesterday', created[0].id])).toString('base64url')
  assertProblem(t, await admin.get(`${eventsUrl}?cursor=${forged}`), 400, 'validation-error', 'a cursor with a bad value')
  assertProblem(t, await admin.get(`${eventsUrl}?limit=0`), 400, 'validation-error')
  assertProblem(t, await admin.get(`${eventsUrl}?limit=101`), 400, 'validation-error')
  assertProblem(t, await admin.get(`${eventsUrl}?sort=title`), 400, 'validation-error', 'title is no sort field')
  assertProblem(t, await admin.get(`${eventsUrl}?sort=attendance`), 400, 'validation-error')
})
