import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDispute } from './fixtures.js'

const { admin } = await buildTestApp(t)
const c = await createCounty(admin)

const DAY = 86_400_000
const start = Date.UTC(2025, 0, 1)
/** Instants spread over 2025 (and repeating, so some tie), landing before and after any cursor. */
const instantFor = (i: number) => new Date(start + ((i * 7919) % 120) * 3 * DAY).toISOString()

const stable: string[] = []
for (let i = 0; i < 40; i++) stable.push((await createDispute(admin, i % 2 ? c.grid.id : c.community.id, { title: `稳定纠纷${i}`, reportedAt: instantFor(i) })).id)

/**
 * Walks every page of `sort` with a small limit while a second loop inserts and deletes disputes.
 * The walker waits for at least one insert or delete between two pages, so the pages really are
 * read while the list changes under them.
 */
async function walkWhileChanging(sort: string, label: string) {
  const doomed: string[] = []
  for (let i = 0; i < 12; i++) doomed.push((await createDispute(admin, c.grid.id, { title: `${label}待删${i}`, reportedAt: instantFor(1000 + i) })).id)
  const inserted = new Set<string>()
  let changes = 0
  let walking = true

  const churn = (async () => {
    for (let i = 0; walking; i++) {
      const created = await createDispute(admin, i % 3 ? c.grid.id : c.otherGrid.id, { title: `${label}并发${i}`, reportedAt: instantFor(2000 + i) })
      inserted.add(created.id)
      const victim = i % 2 === 0 ? doomed.shift() : [...inserted][i % inserted.size]
      if (victim) {
        const res = await admin.delete(`/v1/disputes/${victim}`)
        if (res.status !== 204 && res.status !== 404) throw new Error(`delete failed: ${res.status}`)
      }
      changes++
    }
  })()

  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  try {
    do {
      const res = await admin.get(`/v1/disputes?limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`)
      if (res.status !== 200) throw new Error(`page failed: ${res.status} ${res.text}`)
      seen.push(...res.body.items.map((r: { id: string }) => r.id))
      cursor = res.body.nextCursor
      pages++
      while (changes < pages) await new Promise((resolve) => setImmediate(resolve))
    } while (cursor && pages < 500)
  } finally {
    walking = false
    await churn
  }
  return { seen, pages, changes }
}

for (const sort of ['-reportedAt', 'reportedAt', 'createdAt', '-updatedAt']) {
  t.test(`walking sort=${sort} while others insert and delete: nothing twice, nothing stable missed`, async (t) => {
    const { seen, pages, changes } = await walkWhileChanging(sort, sort)
    t.ok(pages >= 14, `walked ${pages} pages`)
    t.ok(changes >= pages, `${changes} inserts and deletes happened during the walk`)
    t.equal(new Set(seen).size, seen.length, 'no record seen twice')
    const missing = stable.filter((id) => !seen.includes(id))
    t.same(missing, [], 'every record that existed for the whole walk was seen')
  })
}
