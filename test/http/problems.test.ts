import t from 'tap'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'
import { createGridUnit } from '../helpers/factories.js'

const { app, admin } = await buildTestApp(t)
// A route that fails the way a bug would, with internals in the error, to prove none leak.
app.get('/test-only/boom', { config: { public: true } }, async () => {
  throw new Error('SELECT secret FROM api_keys WHERE key_hash = $1 -- params: 13800135678')
})

t.test('an unknown route and a wrong method answer 404 problems', async (t) => {
  assertProblem(t, await admin.get('/v1/nothing-here'), 404, 'not-found')
  assertProblem(t, await admin.request('PUT', '/v1/grid-units'), 404, 'not-found')
})

t.test('an unknown body field is named with a pointer; nothing is silently dropped', async (t) => {
  const res = await admin.post('/v1/grid-units', { code: 'A1', name: '团结镇', level: 'town', stauts: 'x' })
  assertProblem(t, res, 400, 'validation-error')
  t.same(res.body.errors, [{ in: 'body', pointer: '/stauts', message: 'is not a known field' }])
  const nested = await admin.post('/v1/grid-units', { code: 'A1', name: '团结镇', level: 'town', workers: [{ name: '王', role: 'grid_worker', age: 3 }] })
  assertProblem(t, nested, 400, 'validation-error')
  t.equal(nested.body.errors[0].pointer, '/workers/0/age')
})

t.test('types are not coerced in bodies', async (t) => {
  const res = await admin.post('/v1/grid-units', { code: 'A2', name: 1, level: 'town' })
  assertProblem(t, res, 400, 'validation-error')
  t.equal(res.body.errors[0].pointer, '/name')
})

t.test('every bad value is listed', async (t) => {
  const res = await admin.post('/v1/grid-units', { code: '', level: 'province' })
  assertProblem(t, res, 400, 'validation-error')
  const pointers = res.body.errors.map((e: any) => e.pointer).sort()
  t.same(pointers, ['/code', '/level', '/name'])
})

t.test('malformed JSON, an empty body and a wrong content type', async (t) => {
  const malformed = await admin.request('POST', '/v1/grid-units', '{"code": "A3",', { 'content-type': 'application/json' })
  assertProblem(t, malformed, 400, 'validation-error')
  const textBody = await admin.request('POST', '/v1/grid-units', 'code=A3', { 'content-type': 'text/plain' })
  assertProblem(t, textBody, 415, 'unsupported-media-type')
  const empty = await admin.request('POST', '/v1/grid-units', '', { 'content-type': 'application/json' })
  assertProblem(t, empty, 400, 'validation-error')
})

t.test('a body over 1 MiB answers 413', async (t) => {
  const big = JSON.stringify({ code: 'A4', name: '大', level: 'town', description: 'x'.repeat(1024 * 1024) })
  assertProblem(t, await admin.request('POST', '/v1/grid-units', big), 413, 'payload-too-large')
})

t.test('a text with \\u0000 is a 400 naming where it is', async (t) => {
  const res = await admin.request('POST', '/v1/grid-units', '{"code":"A5","name":"团结\\u0000镇","level":"town"}')
  assertProblem(t, res, 400, 'validation-error')
  t.equal(res.body.errors[0].pointer, '/name')
  const query = await admin.get('/v1/grid-units?q=%00abc')
  t.equal(query.status, 400)
})

t.test('deeply nested JSON is refused before validation', async (t) => {
  const deep = `{"code":"A6","name":"深","level":"town","description":${'['.repeat(5000)}${']'.repeat(5000)}}`
  assertProblem(t, await admin.request('POST', '/v1/grid-units', deep), 400, 'validation-error')
})

t.test('a malformed id in a path answers 400 in: path', async (t) => {
  const res = await admin.get('/v1/grid-units/not-a-uuid')
  assertProblem(t, res, 400, 'validation-error')
  t.same(res.body.errors[0], { in: 'path', pointer: '/id', message: 'must match format "uuid"' })
})

t.test('unknown or malformed query parameters answer 400 in: query', async (t) => {
  const unknown = await admin.get('/v1/grid-units?colour=red')
  assertProblem(t, unknown, 400, 'validation-error')
  t.same(unknown.body.errors[0], { in: 'query', pointer: '/colour', message: 'is not a known field' })
  assertProblem(t, await admin.get('/v1/grid-units?limit=0'), 400, 'validation-error')
  assertProblem(t, await admin.get('/v1/grid-units?limit=abc'), 400, 'validation-error')
  assertProblem(t, await admin.get('/v1/grid-units?sort=-password'), 400, 'validation-error')
  assertProblem(t, await admin.get('/v1/grid-units?level=province'), 400, 'validation-error')
})

t.test('a 500 carries no internals', async (t) => {
  const res = await clientFor(app).get('/test-only/boom')
  assertProblem(t, res, 500, 'internal-error')
  t.notMatch(res.text, /SELECT|api_keys|13800135678|at .*\.ts/)
})

t.test('X-Request-Id is honoured and echoed; a bad one is replaced', async (t) => {
  const given = await admin.get('/v1/grid-units', { 'x-request-id': 'county-sys-42' })
  t.equal(given.headers['x-request-id'], 'county-sys-42')
  const failed = await admin.get('/v1/grid-units/nope', { 'x-request-id': 'county-sys-43' })
  t.equal(failed.body.requestId, 'county-sys-43')
  const bad = await admin.get('/v1/grid-units', { 'x-request-id': 'bad id with spaces' })
  t.match(String(bad.headers['x-request-id']), /^[0-9a-f-]{36}$/)
})

t.test('security headers are sent and CORS is off by default', async (t) => {
  for (const res of [await admin.get('/v1/grid-units', { origin: 'https://evil.example' }), await admin.get('/v1/grid-units/nope')]) {
    t.equal(res.headers['x-content-type-options'], 'nosniff')
    t.equal(res.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'", 'a JSON answer runs nothing and is framed nowhere')
    t.equal(res.headers['x-frame-options'], 'DENY')
    t.match(res.headers['strict-transport-security'], /max-age=\d+/)
    t.equal(res.headers['referrer-policy'], 'no-referrer')
    t.equal(res.headers['x-dns-prefetch-control'], undefined, 'headers that only guard rendered HTML are left to the pages')
    t.equal(res.headers['access-control-allow-origin'], undefined)
  }
  const page = await admin.get('/docs/')
  t.equal(page.status, 200)
  t.match(page.headers['content-security-policy'], /script-src 'self'/, 'Swagger UI pages get helmet’s whole browser set')
  t.equal(page.headers['x-frame-options'], 'SAMEORIGIN')
})

t.test('the record read back equals the record written (Chinese text kept exactly)', async (t) => {
  const unit = await createGridUnit(admin, { level: 'county', name: '杭锦后旗🏛️', description: '“法治政府建设” — 示范' })
  const res = await admin.get(`/v1/grid-units/${unit.id}`)
  t.equal(res.body.name, '杭锦后旗🏛️')
  t.equal(res.body.description, '“法治政府建设” — 示范')
})
