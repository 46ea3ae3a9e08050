import t, { type Test } from 'tap'
import { paragraphs, part, unzipDocx } from '../annual-report-document/docx-parts.js'
import { createEvent } from '../legal-education-events/fixtures/events.js'
import { assertProblem, buildTestApp, type Response } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createReport, reportsUrl } from './fixtures.js'

// GET /v1/annual-reports/{id}/document (API.md §5): Markdown or a Word file by Accept or ?format=,
// anything else 406; an attachment with a UTF-8 file name (RFC 6266, RFC 8187).

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const { app, admin, adminKey, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)
await createEvent(admin, c.village.id, { attendance: 420, materialsDistributed: 1300 })
const report = await createReport(admin, c.town.id, { status: 'submitted', submittedAt: '2026-02-20T02:00:00Z' })
const documentUrl = `${reportsUrl}/${report.id}/document`

/** The name in `filename*=UTF-8''…`, decoded. */
function fileName(res: Response | { headers: Record<string, unknown> }): string {
  const disposition = String(res.headers['content-disposition'])
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1]
  if (!encoded) throw new Error(`no filename* in ${disposition}`)
  return decodeURIComponent(encoded)
}

const isMarkdown = (t: Test, res: Response, what: string) => {
  t.equal(res.status, 200, `${what}: 200`)
  t.match(String(res.headers['content-type']), /^text\/markdown; charset=utf-8/, `${what}: Markdown`)
  t.match(res.text, /^# 团结镇2025年度法治政府建设情况报告$/m, `${what}: the title`)
}

t.test('Markdown by Accept, by ?format=markdown, for */* and with no Accept', async (t) => {
  isMarkdown(t, await admin.get(documentUrl, { accept: 'text/markdown' }), 'Accept: text/markdown')
  isMarkdown(t, await admin.get(`${documentUrl}?format=markdown`, { accept: DOCX }), '?format=markdown wins over Accept')
  isMarkdown(t, await admin.get(documentUrl, { accept: '*/*' }), '*/*')
  isMarkdown(t, await admin.get(documentUrl, { accept: 'text/*' }), 'text/*')
  isMarkdown(t, await admin.get(documentUrl), 'no Accept')
  isMarkdown(t, await admin.get(documentUrl, { accept: 'application/pdf;q=1, text/markdown;q=0.5' }), 'a quality list: the acceptable one')
  isMarkdown(t, await admin.get(documentUrl, { accept: `text/markdown;q=0.9, ${DOCX};q=0.1` }), 'the higher quality of two offered')
})

t.test('a Word file by Accept and by ?format=docx', async (t) => {
  for (const [what, url, headers] of [
    ['Accept', documentUrl, { accept: DOCX }],
    ['?format=docx', `${documentUrl}?format=docx`, {}],
    ['a quality list', documentUrl, { accept: `text/markdown;q=0.2, ${DOCX};q=0.8` }],
    ['Markdown refused, anything else welcome', documentUrl, { accept: 'text/markdown;q=0, */*' }],
    ['application/*', documentUrl, { accept: 'application/*' }],
  ] as const) {
    // The raw bytes: the client's text would mangle a zip.
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${adminKey}`, ...headers } })
    t.equal(res.statusCode, 200, `${what}: 200`)
    t.equal(res.headers['content-type'], DOCX, `${what}: the Word media type`)
    const bytes = res.rawPayload
    t.same([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], `${what}: a zip (PK\\3\\4)`)
    const text = paragraphs(part(unzipDocx(bytes), 'word/document.xml')).map((p) => p.text).join('\n')
    t.match(text, /团结镇2025年度法治政府建设情况报告/, `${what}: the title`)
    t.match(text, /深入开展“法治进乡村”活动1场，发放宣传资料1300份，受教育群众420人次/, `${what}: a sentence of the figures`)
    t.match(text, /2026年2月20日/, `${what}: the submission date`)
    t.equal(fileName({ headers: res.headers }), '团结镇2025年度法治政府建设情况报告.docx')
  }
})

t.test('anything else is 406 problem+json', async (t) => {
  for (const accept of ['application/pdf', 'application/json', 'text/html, application/xml;q=0.9', `${DOCX};q=0, text/markdown;q=0`, 'image/*']) {
    const res = await admin.get(documentUrl, { accept })
    assertProblem(t, res, 406, 'not-acceptable', accept)
  }
  assertProblem(t, await admin.get(`${documentUrl}?format=pdf`), 400, 'validation-error', 'an unknown format is a bad parameter')
  assertProblem(t, await admin.get(`${documentUrl}?fromat=docx`), 400, 'validation-error', 'an unknown parameter')
})

t.test('Content-Disposition: an attachment named by the title, UTF-8, 草稿 for a draft', async (t) => {
  const res = await admin.get(documentUrl, { accept: 'text/markdown' })
  const disposition = String(res.headers['content-disposition'])
  t.match(disposition, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/, 'attachment, an ASCII fallback, then filename*')
  t.equal(fileName(res), '团结镇2025年度法治政府建设情况报告.md')
  const draft = await createReport(admin, c.otherTown.id, { title: '陕坝镇2025年度法治政府建设情况报告（征求意见稿）', issuer: '陕坝镇人民政府' })
  const drafted = await admin.get(`${reportsUrl}/${draft.id}/document?format=docx`)
  t.equal(fileName(drafted), '陕坝镇2025年度法治政府建设情况报告（征求意见稿）（草稿）.docx', 'the given title, marked as a draft')
  t.match(String(drafted.headers['content-disposition']), /filename="annual-report-2025-draft\.docx"/)
})

t.test('404 for an unknown, a deleted or an out-of-jurisdiction report', async (t) => {
  assertProblem(t, await admin.get(`${reportsUrl}/00000000-0000-4000-8000-000000000000/document`), 404, 'not-found', 'unknown')
  const gone = await createReport(admin, c.grid.id)
  t.equal((await admin.delete(`${reportsUrl}/${gone.id}`)).status, 204)
  assertProblem(t, await admin.get(`${reportsUrl}/${gone.id}/document`), 404, 'not-found', 'deleted')
  assertProblem(t, await admin.get(`${reportsUrl}/${gone.id}/document?format=docx`), 404, 'not-found', 'deleted, as docx')
  const elsewhere = await keyWith(['annual-reports:read'], c.otherTown.id)
  assertProblem(t, await elsewhere.get(documentUrl), 404, 'not-found', 'out of jurisdiction')
  assertProblem(t, await admin.get(`${reportsUrl}/not-a-uuid/document`), 400, 'validation-error')
})
