// Behaviour every unit-owned collection gets from the engine, checked the same way in each
// collection's tests: written once here so that each test file states only what it sends.
import type { Test } from 'tap'
import { assertProblem, type Client } from './app.js'

export const MISSING_UNIT = '00000000-0000-4000-8000-000000000000'

/** A create naming a unit that does not exist, and a move of `existing` to one: 409 `grid-unit-exists`. */
export async function checkMissingGridUnit(t: Test, api: Client, url: string, bodyFor: (unitId: string) => unknown, existing: { id: string }): Promise<void> {
  const created = await api.post(url, bodyFor(MISSING_UNIT))
  assertProblem(t, created, 409, 'rule-violation')
  t.same(created.body.violations.map((v: { rule: string }) => v.rule), ['grid-unit-exists'], 'on create')
  const moved = await api.patch(`${url}/${existing.id}`, { gridUnitId: MISSING_UNIT })
  assertProblem(t, moved, 409, 'rule-violation')
  t.same(moved.body.violations.map((v: { rule: string }) => v.rule), ['grid-unit-exists'], 'on a move')
}

/** A delete is soft: 204, then 404 to a get, a patch and a second delete, and gone from the list. */
export async function checkSoftDelete(t: Test, api: Client, url: string, record: { id: string }, patch: object, listQuery = 'limit=100'): Promise<void> {
  t.equal((await api.delete(`${url}/${record.id}`)).status, 204)
  assertProblem(t, await api.get(`${url}/${record.id}`), 404, 'not-found')
  assertProblem(t, await api.patch(`${url}/${record.id}`, patch), 404, 'not-found')
  assertProblem(t, await api.delete(`${url}/${record.id}`), 404, 'not-found')
  t.notOk((await api.get(`${url}?${listQuery}`)).body.items.some((r: { id: string }) => r.id === record.id), 'gone from the list')
}

/**
 * Every sort walked in keyset pages of `limit`: `pages` pages, no record twice, none missing from
 * `all`, each page in the sort's order with ties broken by id. `list` takes a query string.
 */
export async function checkSortedPages(
  t: Test,
  list: (query: string) => Promise<{ status: number; body: any }>,
  { query, sorts, limit, pages, all }: { query: string; sorts: string[]; limit: number; pages: number; all: { id: string }[] },
): Promise<void> {
  for (const sort of sorts) {
    const seen: Record<string, unknown>[] = []
    let cursor: string | null = null
    let walked = 0
    do {
      const res = await list(`${query}&limit=${limit}&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`)
      t.equal(res.status, 200)
      seen.push(...res.body.items)
      cursor = res.body.nextCursor
      walked++
    } while (cursor && walked < pages + 5)
    t.equal(walked, pages, `${sort}: ${all.length} records in pages of ${limit}`)
    t.equal(new Set(seen.map((r) => r.id)).size, seen.length, `${sort}: no duplicates`)
    t.same(seen.map((r) => r.id).sort(), all.map((r) => r.id).sort(), `${sort}: no gaps`)
    const field = sort.replace('-', '')
    const keys = seen.map((r) => `${String(r[field])}|${String(r.id)}`)
    const sorted = [...keys].sort()
    t.same(keys, sort.startsWith('-') ? sorted.reverse() : sorted, `${sort}: ordered, ties by id`)
  }
}
