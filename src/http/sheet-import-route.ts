import type { FastifyInstance, FastifyReply } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ProblemError, problem, type RowError } from '../core/problems.js'
import { Ref } from '../core/schemas.js'
import type { RecordService } from '../records/record-service.js'
import { SpreadsheetError, XLSX_MEDIA_TYPE, defaultLimits, readSpreadsheet } from '../spreadsheets/index.js'
import { writeContext } from './record-routes.js'
import { commonProblems, problemResponses } from './responses.js'
import { ImportReport, ImportResult } from './sheet-schemas.js'

const ImportQuery = Type.Object(
  { dryRun: Type.Optional(Type.Boolean({ default: false, description: 'Check every row and report, writing nothing (200).' })) },
  { additionalProperties: false },
)
const ImportHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$', description: 'A retry with the same key and file replays the first answer.' })),
})

/** A file the reader refuses as a whole: 400 (not a spreadsheet, a formula, a bad header) or 413 (too large). */
function sheetProblem(error: SpreadsheetError): ProblemError {
  const errors: RowError[] = error.cells.map((c) => ({ row: c.row, column: c.column, field: c.field, message: c.message }))
  return problem(error.problemSlug, error.message, errors.length > 0 ? { errors } : {})
}

/** POST /v1/{collection}/imports: a filled-in ledger (.xlsx or CSV) as the body, all rows or none. */
export async function registerImportRoute(fastify: FastifyInstance, service: RecordService, ledger: string): Promise<void> {
  const def = service.definition
  const base = `/v1/${def.collection}`
  await fastify.register(async (scope) => {
    // The file is the body, read whole (it is bounded) and then by the defended reader.
    scope.addContentTypeParser([XLSX_MEDIA_TYPE, 'text/csv'], { parseAs: 'buffer', bodyLimit: defaultLimits.maxBytes }, (_request, body, done) => done(null, body))
    const app = scope.withTypeProvider<TypeBoxTypeProvider>()
    app.post(`${base}/imports`, {
      config: { scope: `${def.collection}:write` },
      bodyLimit: defaultLimits.maxBytes,
      schema: {
        operationId: `import${def.names.many}`,
        tags: [def.tag.name],
        summary: `Import a filled-in ledger (导入${ledger})`,
        description:
          `The file is the body: the import template filled in, or any sheet with its header row (columns matched by Chinese header or field name; an unknown or doubled column is a 400 naming it). ` +
          `A row names its grid unit by \`gridUnitCode\` (网格编码); enum cells take the Chinese label or the value; dates a spreadsheet date or \`2025-03-31\`, \`2025/3/31\`, \`2025-03-31 15:30\` in UTC+8; blank rows are skipped. ` +
          `Each row is checked exactly as \`POST ${base}\` checks a body (schema, rules, jurisdiction). All rows are created in one transaction, each with its audit event (201); ` +
          'if any row is bad nothing is created (422 `import-rejected`, `errors` naming each row and column). `?dryRun=true` reports the same and writes nothing (200). ' +
          `At most ${defaultLimits.maxBytes / 1024 / 1024} MiB and ${defaultLimits.maxRows} rows (413); a file that is not a spreadsheet, holds formulas, merged or extra sheets with data is a 400. ` +
          `\`Idempotency-Key\` works as for any POST. Needs \`${def.collection}:write\`.`,
        querystring: ImportQuery,
        headers: ImportHeaders,
        body: {
          content: {
            [XLSX_MEDIA_TYPE]: { schema: Type.String({ format: 'binary', description: 'The .xlsx workbook' }) },
            'text/csv': { schema: Type.String({ format: 'binary', description: 'CSV, UTF-8 (a BOM is fine)' }) },
          },
        },
        response: {
          200: { ...Ref(ImportReport), description: 'The dry run’s report: nothing was written.' },
          201: { ...Ref(ImportResult), description: 'Every row created.' },
          ...problemResponses(400, 409, 413, 415, 422, ...commonProblems),
        },
      },
      handler: async (request, reply) => {
        // The service's JSON parser also answers here; a JSON body is not a file, whatever it holds.
        const body = request.body as unknown
        if (!Buffer.isBuffer(body)) throw problem('unsupported-media-type', `Send the file as ${XLSX_MEDIA_TYPE} or text/csv.`)
        let sheet
        try {
          sheet = await readSpreadsheet(body, service.sheet.import!)
        } catch (error) {
          throw error instanceof SpreadsheetError ? sheetProblem(error) : error
        }
        const dryRun = request.query.dryRun === true
        const outcome = await service.importSheet(writeContext(request, body), sheet, dryRun)
        return (reply as FastifyReply).code(dryRun ? 200 : 201).send(outcome)
      },
    })
  })
}
