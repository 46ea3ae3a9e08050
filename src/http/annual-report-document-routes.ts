import type { FastifyInstance, FastifyReply } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { chinaToday } from '../core/china-time.js'
import { IdParams } from '../core/schemas.js'
import {
  DOCUMENT_MEDIA_TYPES,
  annualReportFileName,
  chinaDate,
  contentDisposition,
  renderAnnualReportDocx,
  renderAnnualReportMarkdown,
  type AnnualReportInput,
} from '../reports/annual-report-document/index.js'
import { annualReportDocumentExample } from '../reports/annual-report-document-example.js'
import type { Statistics } from '../reports/statistics-schema.js'
import type { RecordService } from '../records/record-service.js'
import type { annualReportsResource } from '../modules/annual-reports/annual-reports.js'
import { negotiate } from './negotiation.js'
import { commonProblems, problemResponses } from './responses.js'

const offers = [
  { format: 'markdown', mediaType: DOCUMENT_MEDIA_TYPES.markdown },
  { format: 'docx', mediaType: DOCUMENT_MEDIA_TYPES.docx },
] as const

const DocumentQuery = Type.Object(
  { format: Type.Optional(Type.Unsafe<'markdown' | 'docx'>({ type: 'string', enum: ['markdown', 'docx'], description: 'Instead of `Accept`: `markdown` Markdown 文本 · `docx` Word 文档 (.docx).' })) },
  { additionalProperties: false },
)

type Report = Awaited<ReturnType<RecordService<typeof annualReportsResource>['get']>>

/** What the document is written from: the record's words, its figures, its date (a draft's is today's). */
function documentInput(report: Report, now = Date.now()): AnnualReportInput {
  const figures = report.figures as Statistics
  return {
    unitName: figures.gridUnit.name,
    year: report.year,
    ...(report.title ? { title: report.title } : {}),
    addressee: report.addressee,
    issuer: report.issuer,
    narrative: report.narrative,
    status: report.status,
    // A draft is dated today even when it carries a submittedAt another system sent: it is not filed.
    date: report.status !== 'draft' && report.submittedAt ? chinaDate(new Date(report.submittedAt)) : chinaToday(now),
    figures,
  }
}

/** GET /v1/annual-reports/{id}/document: the report as the office files it, Markdown or Word. */
export async function annualReportDocumentRoutes(fastify: FastifyInstance, service: RecordService<typeof annualReportsResource>) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.get('/v1/annual-reports/:id/document', {
    config: { scope: 'annual-reports:read' },
    schema: {
      operationId: 'getAnnualReportDocument',
      tags: ['Annual reports'],
      summary: 'The report as a document (年度报告文本)',
      description:
        'The whole report in the example’s order — title, 主送 line, opening, 一、强化政治引领 … 五、坚持法治为民 written from `figures`, ' +
        '六、存在问题及下一步工作方向 from the narrative, 其他需要报告的情况 when given, then the issuer and the date (the submission date; a draft says 草稿 and today’s date). ' +
        '`Accept: text/markdown` gives Markdown; `Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document` (or `?format=docx`) a Word file laid out ' +
        'per GB/T 9704-2012 (A4, 小标宋 title, 仿宋 3号 body on a 22 × 28 grid, 黑体 and 楷体 headings, page numbers `— 1 —`). Another `Accept` answers 406. Needs `annual-reports:read`.',
      params: IdParams,
      querystring: DocumentQuery,
      produces: offers.map((o) => o.mediaType),
      response: {
        200: {
          description: 'The document, as an attachment with a UTF-8 file name.',
          headers: { 'Content-Disposition': { type: 'string', description: 'attachment; filename*=UTF-8\'\'团结镇2025年度法治政府建设情况报告.docx' } },
          content: {
            'text/markdown': { schema: Type.String({ description: 'Markdown (UTF-8)' }), example: annualReportDocumentExample },
            [DOCUMENT_MEDIA_TYPES.docx]: { schema: Type.String({ format: 'binary', description: 'A Word (.docx) file' }) },
          },
        },
        ...problemResponses(400, 404, 406, ...commonProblems),
      },
    },
    handler: async (request, reply) => {
      const offer = negotiate(request, offers, request.query.format)
      const report = await service.get(request.actor, request.params.id)
      const input = documentInput(report)
      const body = offer.format === 'docx' ? await renderAnnualReportDocx(input) : renderAnnualReportMarkdown(input)
      const file = annualReportFileName(input, offer.format)
      return (reply as FastifyReply).type(offer.mediaType).header('content-disposition', contentDisposition(file.name, file.ascii)).send(body)
    },
  })
}
