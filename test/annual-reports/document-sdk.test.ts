import t from 'tap'
import { connect, isProblem } from '../../sdk/src/index.js'
import { paragraphs, part, unzipDocx } from '../annual-report-document/docx-parts.js'
import { sdkClient } from '../contract/sdk-flows.js'
import { startLiveServer } from '../contract/live-server.js'
import { createEvent } from '../legal-education-events/fixtures/events.js'
import { clientFrom } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport } from './fixtures.js'

// Other systems fetch the filed report through clients generated from the committed document
// (sdk/schema.d.ts): the SDK's `download` helper and a bare openapi-fetch client, over a real socket.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const { baseUrl, adminKey } = await startLiveServer(t)
const http = clientFrom(async (method, url, body, headers = {}) => {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${adminKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  return { status: res.status, headers: Object.fromEntries(res.headers), body: /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : undefined, text }
})
const c = await createCounty(http)
await createEvent(http, c.village.id, { attendance: 4200, materialsDistributed: 2150 })
const report = await createReport(http, c.town.id, { status: 'submitted', submittedAt: '2026-02-20T02:00:00Z' })

/** The text of the Word file's body, paragraph by paragraph. */
const bodyText = (bytes: Uint8Array) => paragraphs(part(unzipDocx(Buffer.from(bytes)), 'word/document.xml')).map((p) => p.text).join('\n')

t.test('the SDK’s download helper fetches the .docx with its name', async (t) => {
  const sdk = connect({ baseUrl, apiKey: adminKey })
  const file = await sdk.download('/v1/annual-reports/{id}/document', { params: { path: { id: report.id } }, accept: DOCX })
  t.equal(file.contentType, DOCX)
  t.equal(file.fileName, '团结镇2025年度法治政府建设情况报告.docx', 'the UTF-8 file name')
  const bytes = new Uint8Array(await (await file.blob()).arrayBuffer())
  t.same([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip')
  const text = bodyText(bytes)
  t.match(text, /发放宣传资料2150份，受教育群众4200人次/, 'a figure of the report, in word/document.xml')
  t.match(text, /2026年2月20日/)

  const byFormat = await sdk.download('/v1/annual-reports/{id}/document', { params: { path: { id: report.id }, query: { format: 'docx' } } })
  t.equal(byFormat.contentType, DOCX, '?format=docx through the typed query')
  const markdown = await sdk.download('/v1/annual-reports/{id}/document', { params: { path: { id: report.id } }, accept: 'text/markdown' })
  t.match(await (await markdown.blob()).text(), /^# 团结镇2025年度法治政府建设情况报告$/m)

  const refused = await sdk.download('/v1/annual-reports/{id}/document', { params: { path: { id: report.id } }, accept: 'application/pdf' }).catch((e: unknown) => e)
  t.ok(isProblem(refused, 'not-acceptable'), 'a 406 is a typed problem')
  const missing = await sdk.download('/v1/annual-reports/{id}/document', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } }).catch((e: unknown) => e)
  t.ok(isProblem(missing, 'not-found'), 'a 404 is a typed problem')
})

t.test('a bare generated client gets the same bytes', async (t) => {
  const api = sdkClient(baseUrl, adminKey)
  const { data, response } = await api.GET('/v1/annual-reports/{id}/document', {
    params: { path: { id: report.id }, query: { format: 'docx' } },
    parseAs: 'arrayBuffer',
  })
  t.equal(response.status, 200)
  t.equal(response.headers.get('content-type'), DOCX)
  const bytes = new Uint8Array(data as ArrayBuffer)
  t.same([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04])
  t.match(bodyText(bytes), /受教育群众4200人次/)
})
