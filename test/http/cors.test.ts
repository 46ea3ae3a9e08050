import t from 'tap'
import { buildTestApp } from '../helpers/app.js'

const { admin } = await buildTestApp(t, { config: { corsOrigins: ['https://zhengwu.example.gov.cn'] } })

t.test('CORS answers only the listed origins', async (t) => {
  const listed = await admin.get('/v1/grid-units', { origin: 'https://zhengwu.example.gov.cn' })
  t.equal(listed.headers['access-control-allow-origin'], 'https://zhengwu.example.gov.cn')
  const other = await admin.get('/v1/grid-units', { origin: 'https://evil.example' })
  t.not(other.headers['access-control-allow-origin'], 'https://evil.example')
})
