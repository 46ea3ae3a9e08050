import t from 'tap'
import { buildTestApp } from '../helpers/app.js'

const { admin } = await buildTestApp(t, { config: { corsOrigins: ['https://zhengwu.example.gov.cn'] } })

t.test('CORS answers only the listed origins', async (t) => {
  const listed = await admin.get('/v1/grid-units', { origin: 'https://zhengwu.example.gov.cn' })
  t.equal(listed.headers['access-control-allow-origin'], 'https://zhengwu.example.gov.cn')
  t.match(String(listed.headers.vary), /Origin/i, 'answers vary by origin, so a cache never serves one origin’s answer to another')
  const other = await admin.get('/v1/grid-units', { origin: 'https://evil.example' })
  t.equal(other.headers['access-control-allow-origin'], undefined, 'no allow-origin at all for another origin, not even `*`')
  const preflight = await admin.request('OPTIONS', '/v1/grid-units', undefined, { origin: 'https://evil.example', 'access-control-request-method': 'POST' })
  t.equal(preflight.headers['access-control-allow-origin'], undefined, 'a preflight from another origin is not allowed either')
})

t.test('without CORS_ORIGINS no cross-origin answer is allowed', async (t) => {
  const { admin: closed } = await buildTestApp(t)
  const res = await closed.get('/v1/grid-units', { origin: 'https://zhengwu.example.gov.cn' })
  t.equal(res.status, 200)
  t.equal(res.headers['access-control-allow-origin'], undefined)
})
