import { createHash, randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { connect, fileNameOf, isProblem } from '../../sdk/src/index.js'
import { createCounty } from '../helpers/factories.js'
import { dispute, liveService } from './fixtures/service.js'

// Downloads and uploads are written over any GET or POST of the contract: a file answer comes as
// a stream, a Blob or a saved file, with its name; an upload goes from memory or disk, with an
// Idempotency-Key, and is re-sent byte for byte when a retry is needed.

const svc = await liveService(t)
const sdk = svc.sdk()
const { town } = await createCounty(svc.http)
const dir = mkdtempSync(join(tmpdir(), 'fazhi-sdk-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const report = { query: { year: 2025, gridUnitId: town.id } }

t.test('a file answer as a stream, a Blob or a saved file', async (t) => {
  const streamed = await sdk.download('/v1/reports/annual', { params: report, accept: 'text/markdown' })
  t.match(streamed.contentType, /^text\/markdown/)
  let text = ''
  const decoder = new TextDecoder()
  for await (const chunk of streamed.stream()) text += decoder.decode(chunk, { stream: true })
  t.match(text, /团结镇/, 'the report of the town, in Chinese')

  const blob = await (await sdk.download('/v1/reports/annual', { params: report })).blob()
  t.equal(await blob.text(), text, 'the same bytes as a Blob')

  const file = join(dir, 'report.md')
  const written = await (await sdk.download('/v1/reports/annual', { params: report })).saveTo(file)
  t.equal(readFileSync(file, 'utf8'), text, 'the same bytes in a file')
  t.equal(written, Buffer.byteLength(text))

  const missing = await sdk.download('/v1/reports/annual', { params: { query: { year: 2025, gridUnitId: '00000000-0000-4000-8000-000000000000' } } }).catch((e: unknown) => e)
  t.ok(isProblem(missing, 'not-found'), 'an error answer is a problem, not a file')
})

t.test('the file name comes from Content-Disposition, UTF-8 form first (RFC 6266)', async (t) => {
  t.equal(fileNameOf(`attachment; filename="report.xlsx"; filename*=UTF-8''%E7%9F%9B%E7%9B%BE%E7%BA%A0%E7%BA%B7%E5%8F%B0%E8%B4%A6.xlsx`), '矛盾纠纷台账.xlsx')
  t.equal(fileNameOf('attachment; filename="a \\"quoted\\" name.docx"'), 'a "quoted" name.docx')
  t.equal(fileNameOf('attachment; filename=plain.csv'), 'plain.csv')
  t.equal(fileNameOf(`attachment; filename="fallback.docx"; filename*=UTF-8''%E0%A4%A`), 'fallback.docx', 'a malformed UTF-8 name falls back')
  t.equal(fileNameOf('inline'), undefined)
  t.equal(fileNameOf(null), undefined)
})

t.test('an upload from a file or from memory reaches the service with its media type', async (t) => {
  const file = join(dir, 'dispute.json')
  writeFileSync(file, JSON.stringify(dispute(town.id, { title: '从文件上传的纠纷' })))
  const fromFile = await sdk.upload('/v1/disputes', { file })
  t.equal(fromFile.title, '从文件上传的纠纷', 'a JSON file is sent as application/json (by its extension)')
  const fromMemory = await sdk.upload('/v1/disputes', Buffer.from(JSON.stringify(dispute(town.id, { title: '内存上传' }))), { contentType: 'application/json' })
  t.equal(fromMemory.title, '内存上传')
  const csv = await sdk.upload('/v1/disputes', '标题,类别\n测试,land\n', { contentType: 'text/csv' }).catch((e: unknown) => e)
  t.ok(isProblem(csv, 'unsupported-media-type'), 'a body the route does not take is a typed 415')
})

t.test('a retried upload is re-sent byte for byte with the same Idempotency-Key', async (t) => {
  // A stand-in import route on a real socket: 503 for the first attempt, then an echo of what came.
  const received: { key: string | undefined; type: string | undefined; sha256: string; bytes: number }[] = []
  const server = createServer(async (req, res) => {
    const hash = createHash('sha256')
    let bytes = 0
    for await (const chunk of req) {
      hash.update(chunk as Buffer)
      bytes += (chunk as Buffer).length
    }
    received.push({ key: req.headers['idempotency-key'] as string, type: req.headers['content-type'], sha256: hash.digest('hex'), bytes })
    if (received.length === 1) return res.writeHead(503, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'https://x/problems/service-unavailable', title: 'down', status: 503, detail: '', instance: '/', requestId: 'r1' }))
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ rows: 1, created: 1, ids: [] }))
  }).listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.teardown(() => void server.close())
  const client = connect({ baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`, apiKey: 'k', retry: { baseDelayMs: 5 } })

  const content = randomBytes(300_000)
  const file = join(dir, 'ledger.xlsx')
  writeFileSync(file, content)
  // `/v1/disputes` stands for an import route of the contract: any POST path is accepted.
  await client.upload('/v1/disputes', { file })
  const sha256 = createHash('sha256').update(content).digest('hex')
  t.equal(received.length, 2, 'sent twice: the 503 was retried')
  t.same(received.map((r) => [r.sha256, r.bytes]), [[sha256, content.length], [sha256, content.length]], 'the whole file both times')
  t.ok(received[0]!.key && received[0]!.key === received[1]!.key, 'one Idempotency-Key for both')
  t.same([...new Set(received.map((r) => r.type))], ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], 'the .xlsx media type')
})
