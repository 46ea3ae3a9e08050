import { sql } from 'drizzle-orm'
import t from 'tap'
import { allScopes } from '../../src/modules/index.js'
import { createApiKey, ensureBootstrapKey, revokeApiKey } from '../../src/db/api-keys.js'
import { queryRows } from '../../src/db/client.js'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'

const { app, database, admin, keyWith } = await buildTestApp(t, { keyCacheTtlMs: 300 })

t.test('no key, a malformed key and an unknown key answer 401 with a challenge', async (t) => {
  const none = await clientFor(app).get('/v1/grid-units')
  assertProblem(t, none, 401, 'unauthorized')
  t.match(String(none.headers['www-authenticate']), /^Bearer/)
  assertProblem(t, await clientFor(app).get('/v1/grid-units', { authorization: 'Basic abc' }), 401, 'unauthorized')
  assertProblem(t, await clientFor(app, 'fz_' + 'x'.repeat(43)).get('/v1/grid-units'), 401, 'unauthorized')
})

t.test('public routes need no key', async (t) => {
  for (const url of ['/healthz', '/readyz', '/openapi.json', '/openapi.yaml', '/metrics']) {
    t.equal((await clientFor(app).get(url)).status, 200, url)
  }
  t.equal((await clientFor(app).get('/docs/')).status, 200, '/docs')
})

t.test('a key without the route scope answers 403; read does not grant write', async (t) => {
  const reader = await keyWith(['grid-units:read'])
  t.equal((await reader.get('/v1/grid-units')).status, 200)
  assertProblem(t, await reader.post('/v1/grid-units', { code: 'S-1', name: '团结镇', level: 'town' }), 403, 'forbidden')
  assertProblem(t, await reader.get('/v1/audit-events'), 403, 'forbidden')
  const writer = await keyWith(['grid-units:write'])
  assertProblem(t, await writer.get('/v1/grid-units'), 403, 'forbidden')
  t.equal((await writer.post('/v1/grid-units', { code: 'S-2', name: '团结镇', level: 'town' })).status, 201)
})


t.test('keys are stored only as a hash', async (t) => {
  const { secret, key } = await createApiKey(database.db, { name: 'hash-check', scopes: ['grid-units:read'] })
  t.match(secret, /^fz_[A-Za-z0-9_-]{43}$/, '32 random bytes')
  const rows = await queryRows<Record<string, unknown>>(database.db, sql`SELECT * FROM api_keys WHERE id = ${key.id}`)
  t.notMatch(JSON.stringify(rows), secret)
  t.match(String(rows[0]!.key_hash), /^[0-9a-f]{64}$/)
})

t.test('a revoked key stops working once its cache entry expires', async (t) => {
  const client = await keyWith(['grid-units:read'], null, 'to-revoke')
  t.equal((await client.get('/v1/grid-units')).status, 200)
  t.equal((await revokeApiKey(database.db, 'to-revoke')).length, 1)
  await new Promise((resolve) => setTimeout(resolve, 400))
  assertProblem(t, await client.get('/v1/grid-units'), 401, 'unauthorized')
})

t.test('a warm key is checked without a database round trip', async (t) => {
  const client = await keyWith(['grid-units:read'], null, 'warm')
  await client.get('/v1/grid-units')
  // Revoke behind the cache's back: within the TTL the cached entry still answers.
  await revokeApiKey(database.db, 'warm')
  t.equal((await client.get('/v1/grid-units')).status, 200, 'served from the cache, not the database')
})

t.test('a fresh database gets one bootstrap admin key, and only once', async (t) => {
  const fresh = await buildTestApp(t)
  await fresh.database.db.execute(sql`DELETE FROM api_keys`)
  const printed = await ensureBootstrapKey(fresh.database, undefined)
  t.match(printed, /^fz_/)
  t.equal(await ensureBootstrapKey(fresh.database, undefined), undefined, 'not created twice')
  t.equal((await clientFor(fresh.app, printed).get('/v1/audit-events')).status, 200, 'it is an admin key')
  const configured = await buildTestApp(t)
  await configured.database.db.execute(sql`DELETE FROM api_keys`)
  const given = 'bootstrap_' + 'k'.repeat(40)
  t.equal(await ensureBootstrapKey(configured.database, given), undefined, 'a configured key is not printed')
  t.equal((await clientFor(configured.app, given).get('/v1/grid-units')).status, 200)
})

t.test('admin holds every scope', async (t) => {
  t.equal((await admin.get('/v1/audit-events')).status, 200)
})

t.test('every registered route declares a scope or public: true, and scopes are known ones', async (t) => {
  await app.ready()
  const routes = app.routeCatalog.filter((r) => r.method !== 'HEAD')
  t.ok(routes.some((r) => r.url === '/v1/grid-units' && r.method === 'POST'), `walked ${routes.length} routes`)
  t.ok(routes.some((r) => r.url === '/v1/audit-events'))
  const undeclared = routes.filter((r) => !r.public && !r.scope).map((r) => `${r.method} ${r.url}`)
  t.same(undeclared, [], 'no route without a scope or public: true')
  const unknown = routes.filter((r) => r.scope && !(allScopes as readonly string[]).includes(r.scope)).map((r) => `${r.method} ${r.url}: ${r.scope}`)
  t.same(unknown, [], 'every scope is one the contract names')
  const publicRoutes = routes.filter((r) => r.public).map((r) => r.url)
  t.ok(publicRoutes.every((u) => !u.startsWith('/v1')), 'nothing under /v1 is public')
})
