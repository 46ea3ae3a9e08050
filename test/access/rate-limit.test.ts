import t from 'tap'
import { assertProblem, buildTestApp, clientFor } from '../helpers/app.js'

const { app, admin, keyWith } = await buildTestApp(t, { config: { rateLimitPerMinute: 3 } })

t.test('each API key has its own budget; past it, 429 with Retry-After', async (t) => {
  for (let i = 0; i < 3; i++) t.equal((await admin.get('/v1/grid-units')).status, 200)
  const limited = await admin.get('/v1/grid-units')
  assertProblem(t, limited, 429, 'rate-limited')
  t.match(String(limited.headers['retry-after']), /^\d+$/)
  const other = await keyWith(['grid-units:read'])
  t.equal((await other.get('/v1/grid-units')).status, 200, 'another key is not affected')
  t.equal((await clientFor(app).get('/healthz')).status, 200, 'health checks are not limited')
})
