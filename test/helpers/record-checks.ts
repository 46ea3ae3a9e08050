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
