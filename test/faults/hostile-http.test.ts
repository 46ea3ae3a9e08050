import { connect } from 'node:net'
import t, { type Test } from 'tap'
import { buildTestApp } from '../helpers/app.js'

// Hostile requests on a real listening server, where Node's HTTP parser and the body reader
// matter: each answers a clean 4xx problem+json (or, for what the parser itself refuses, a 4xx with
// a problem body and a closed connection), never a 5xx, a hang or a silent change of the data.

const { app, adminKey } = await buildTestApp(t, { config: { rateLimitPerMinute: 1_000_000 } })
await app.listen({ port: 0, host: '127.0.0.1' })
const { port } = app.server.address() as { port: number }

interface Raw {
  status: number
  headers: string
  body: string
}

/** Sends bytes as they are and reads the whole answer (the server closes, or the answer is complete). */
function raw(head: string, body: Buffer | string = ''): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => (socket.destroy(), reject(new Error('no answer within 10 s'))), 10_000)
    const finish = () => {
      clearTimeout(timer)
      const text = Buffer.concat(chunks).toString('latin1')
      const [headers = '', ...rest] = text.split('\r\n\r\n')
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0), headers, body: Buffer.from(rest.join('\r\n\r\n'), 'latin1').toString('utf8') })
    }
    socket.on('data', (d) => {
      chunks.push(d)
      const text = Buffer.concat(chunks).toString('latin1')
      const length = /content-length: (\d+)/i.exec(text)?.[1]
      const split = text.indexOf('\r\n\r\n')
      if (length && split >= 0 && Buffer.byteLength(text.slice(split + 4), 'latin1') >= Number(length)) socket.end()
    })
    socket.on('close', finish)
    socket.on('error', () => {})
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8')]))
  })
}

const auth = `Authorization: Bearer ${adminKey}\r\n`
const post = (path: string, body: Buffer | string, extra = '') =>
  raw(`POST ${path} HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n${extra}\r\n`, body)
const get = (target: string, extra = '') => raw(`GET ${target} HTTP/1.1\r\nHost: x\r\n${auth}Connection: close\r\n${extra}\r\n`)

function assertClean(t: Test, res: Raw, status: number | number[], slug?: string) {
  t.ok([status].flat().includes(res.status), `status ${res.status} is ${[status].flat().join(' or ')}`)
  t.match(res.headers, /content-type: application\/problem\+json/i, 'problem+json')
  let body: { type?: string; status?: number } = {}
  t.doesNotThrow(() => (body = JSON.parse(res.body)), 'a JSON problem body')
  t.equal(body.status, res.status, 'status repeated in the body')
  if (slug) t.equal(body.type?.split('/problems/')[1], slug, slug)
}

const unit = (name: string) => JSON.stringify({ code: `H${Date.now()}${Math.random().toString(36).slice(2, 6)}`, name, level: 'town' })

t.test('oversized bodies: 413, with or without a Content-Length', async (t) => {
  const big = JSON.stringify({ code: 'BIG', name: '大', level: 'town', description: 'x'.repeat(2 * 1024 * 1024) })
  assertClean(t, await post('/v1/grid-units', big), 413, 'payload-too-large')
  const chunked = `${(Buffer.byteLength(big)).toString(16)}\r\n${big}\r\n0\r\n\r\n`
  assertClean(t, await raw(`POST /v1/grid-units HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`, chunked), 413, 'payload-too-large')
  // Refused before anything is stored.
  const res = await get('/v1/grid-units?q=BIG')
  t.equal(JSON.parse(res.body).items.length, 0)
})

t.test('deep nesting and prototype keys: 400', async (t) => {
  const depth = 200_000
  assertClean(t, await post('/v1/grid-units', `{"code":"D","name":"深","level":"town","description":${'['.repeat(depth)}${']'.repeat(depth)}}`), 400, 'validation-error')
  assertClean(t, await post('/v1/grid-units', `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`), 400, 'validation-error')
  assertClean(t, await post('/v1/grid-units', '{"code":"P","name":"原型","level":"town","__proto__":{"admin":true}}'), 400, 'validation-error')
  assertClean(t, await post('/v1/grid-units', '{"code":"P","name":"原型","level":"town","constructor":{"prototype":{"admin":true}}}'), 400, 'validation-error')
})

t.test('very long query strings and headers: 4xx, never a hang', async (t) => {
  assertClean(t, await get(`/v1/disputes?q=${'纠'.repeat(2000)}`), 400, 'validation-error')
  assertClean(t, await get(`/v1/disputes?${Array.from({ length: 500 }, (_, i) => `status=reported&x${i}=1`).join('&')}`), 400, 'validation-error')
  // Past Node's 16 KiB header limit: the parser refuses the request itself.
  assertClean(t, await get(`/v1/disputes?q=${'a'.repeat(20_000)}`), 431)
  assertClean(t, await get('/v1/disputes', `X-Long: ${'h'.repeat(20_000)}\r\n`), 431)
  assertClean(t, await get('/v1/disputes/3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60', `If-None-Match: ${'"1", '.repeat(1000)}"2"\r\n`), 400, 'validation-error')
  assertClean(t, await get(`/v1/disputes/${'a'.repeat(500)}`), [400, 414])
  assertClean(t, await raw(`GET /v1/disputes HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'k'.repeat(10_000)}\r\nConnection: close\r\n\r\n`), 401, 'unauthorized')
})

t.test('invalid UTF-8 and NUL in URLs: 400', async (t) => {
  assertClean(t, await get('/v1/grid-units/\xff\xfe'), 400)
  assertClean(t, await get('/v1/grid-units?q=\xe7\xba'), 400)
  assertClean(t, await get('/v1/grid-units/%FF%FE'), 400, 'validation-error')
  assertClean(t, await get('/v1/grid-units?q=%FF%FE'), 400, 'validation-error')
  assertClean(t, await get('/v1/grid-units?q=%C0%AF'), 400, 'validation-error')
  assertClean(t, await get('/v1/grid-units?q=%00'), 400, 'validation-error')
  assertClean(t, await get('/v1/grid-units/%00'), 400, 'validation-error')
})

t.test('invalid UTF-8 and unpaired surrogates in bodies: 400, nothing stored', async (t) => {
  const bad = [
    Buffer.concat([Buffer.from('{"code":"U1","name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","level":"town"}')]),
    Buffer.concat([Buffer.from('{"code":"U2","name":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('","level":"town"}')]),
    Buffer.concat([Buffer.from('{"code":"U3","name":"团'), Buffer.from([0xe7, 0xba]), Buffer.from('","level":"town"}')]),
    Buffer.from('{"code":"U4","name":"\\ud800","level":"town"}'),
    Buffer.from('{"code":"U5","name":"ok\\udc00ok","level":"town"}'),
  ]
  for (const body of bad) assertClean(t, await post('/v1/grid-units', body), 400, 'validation-error')
  const stored = JSON.parse((await get('/v1/grid-units?q=U')).body)
  t.same(stored.items.filter((u: { code: string }) => /^U\d$/.test(u.code)), [], 'none of them was stored')
  // A well-formed pair of surrogates is an emoji and is kept exactly.
  const fine = await post('/v1/grid-units', unit('网格\u{1F3DB}').replace('\u{1F3DB}', '\\ud83c\\udfdb'))
  t.equal(fine.status, 201)
  t.equal(JSON.parse(fine.body).name, '网格🏛')
})

t.test('dates, times and ids PostgreSQL or the drivers cannot hold faithfully: 400, not 500', async (t) => {
  const dispute = (reportedAt: string, gridUnitId = '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60') =>
    JSON.stringify({ gridUnitId, title: '边界', category: 'land', source: 'other', parties: [{ name: '甲', role: 'applicant' }], reportedAt })
  for (const at of ['2016-12-31T23:59:60Z', '0000-06-01T00:00:00Z', '0099-12-31T23:59:59Z', '9999-12-31T23:59:59-05:00']) {
    assertClean(t, await post('/v1/disputes', dispute(at)), 400, 'validation-error')
  }
  assertClean(t, await post('/v1/disputes', dispute('2025-01-01T00:00:00Z', 'urn:uuid:3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60')), 400, 'validation-error')
  assertClean(t, await get('/v1/disputes/urn:uuid:3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60'), 400, 'validation-error')
  assertClean(t, await get('/v1/disputes?gridUnitId=urn:uuid:3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60'), 400, 'validation-error')
  assertClean(t, await get('/v1/disputes?reportedFrom=0000-01-01'), 400, 'validation-error')
  assertClean(t, await get('/v1/disputes?updatedSince=0000-01-01T00:00:00Z'), 400, 'validation-error')
  t.equal((await get('/v1/disputes?reportedTo=9999-12-31')).status, 200, 'the last representable day is a valid bound')
})
