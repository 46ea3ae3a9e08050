import { sql } from 'drizzle-orm'
import t from 'tap'
import { queryRows } from '../../src/db/client.js'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport, patchReport, reportBody, reportsUrl } from './fixtures.js'

// Every write of a report leaves its audit event (API.md §5, audit); a create with an
// Idempotency-Key is safe to retry (API.md §3).

const { admin, database } = await buildTestApp(t)
const c = await createCounty(admin)
const feedOf = async (id: string) => (await admin.get(`/v1/audit-events?resourceId=${id}`)).body.items as any[]
const reportsOf = async (unitId: string) =>
  (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM annual_reports WHERE grid_unit_id = ${unitId}`))[0]!.n

t.test('create, submission, return, publication and delete each write one event', async (t) => {
  const report = await createReport(admin, c.town.id)
  const submitted = await patchReport(admin, report.id, { status: 'submitted' })
  const returned = await patchReport(admin, report.id, { status: 'draft' })
  const again = await patchReport(admin, report.id, { status: 'submitted' })
  const published = await patchReport(admin, report.id, { status: 'published', publishedAt: '2026-03-20T02:00:00Z' })
  t.equal((await admin.delete(`${reportsUrl}/${report.id}`)).status, 204)

  const feed = await feedOf(report.id)
  t.same(feed.map((e) => e.action), ['created', 'updated', 'updated', 'updated', 'updated', 'deleted'])
  t.same(feed.map((e) => e.version), [1, 2, 3, 4, 5, 6])
  t.ok(feed.every((e) => e.resourceType === 'annual-reports' && e.actor === 'test-admin'))
  t.equal(feed[0].before, null)
  t.same(feed[0].after, report)
  t.same(feed[1].after, submitted, 'the submission, with its stamped date and filed figures')
  t.equal(feed[1].before.status, 'draft')
  t.same(feed[2].after, returned)
  t.equal(feed[2].after.submittedAt, undefined)
  t.same(feed[3].after, again)
  t.same(feed[4].after, published)
  t.same(feed[5].before, published)
  t.equal(feed[5].after, null)
  t.ok((await admin.get('/v1/audit-events?resourceType=annual-reports&limit=100')).body.items.every((e: any) => e.resourceType === 'annual-reports'))
})

t.test('a refused write leaves no event', async (t) => {
  const report = await createReport(admin, c.otherTown.id, { status: 'submitted' })
  assertProblem(t, await admin.patch(`${reportsUrl}/${report.id}`, { issuer: '别的' }), 409, 'rule-violation')
  assertProblem(t, await admin.patch(`${reportsUrl}/${report.id}`, { status: 'published' }), 409, 'rule-violation')
  t.same((await feedOf(report.id)).map((e) => e.action), ['created'])
})

t.test('a retried create replays the first answer and creates nothing', async (t) => {
  const body = reportBody(c.village.id, { status: 'submitted' })
  const first = await admin.post(reportsUrl, body, { 'idempotency-key': 'report-2025-village' })
  t.equal(first.status, 201)
  const again = await admin.post(reportsUrl, body, { 'idempotency-key': 'report-2025-village' })
  t.equal(again.status, 201, 'not a conflict: the same request')
  t.equal(again.headers['idempotency-replayed'], 'true')
  t.same(again.body, first.body, 'the first answer, its submittedAt and figures included')
  t.equal(await reportsOf(c.village.id), 1)
  assertProblem(t, await admin.post(reportsUrl, { ...body, issuer: '别的' }, { 'idempotency-key': 'report-2025-village' }), 422, 'idempotency-key-reused')
  assertProblem(t, await admin.post(reportsUrl, body, { 'idempotency-key': 'another-key' }), 409, 'conflict', 'a new key is a new request: the unit and year are taken')
  t.same((await feedOf(first.body.id)).map((e) => e.action), ['created'], 'one event for the one report')
})
