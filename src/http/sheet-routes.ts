import { PassThrough } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type TObject } from 'typebox'
import { hasScope, type Actor } from '../core/actor.js'
import { chinaToday } from '../core/china-time.js'
import { piiMasker } from '../core/pii.js'
import { type SchemaResolver } from '../core/documents.js'
import type { Db } from '../db/client.js'
import { unitNames, unitsWithin } from '../db/grid-units.js'
import { levelLabels } from '../modules/grid-units/schema.js'
import type { AnyResource } from '../records/define-resource.js'
import type { RecordService } from '../records/record-service.js'
import { GRID_UNIT_CODE, GRID_UNIT_NAME } from '../records/sheets.js'
import { contentDisposition } from '../reports/annual-report-document/index.js'
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, writeCsv, writeTemplate, writeXlsx } from '../spreadsheets/index.js'
import { negotiate } from './negotiation.js'
import { commonProblems, problemResponses } from './responses.js'
import { registerImportRoute } from './sheet-import-route.js'

export const EXPORT_PAGE = 100
/** The template lists the units a key may write to; a county has a few hundred, this bounds a province-wide key. */
const TEMPLATE_UNITS = 5000

const offers = [
  { format: 'xlsx', mediaType: XLSX_MEDIA_TYPE },
  { format: 'csv', mediaType: CSV_MEDIA_TYPE },
] as const

/** A list whose own filter is named `format` (an event's 讲座/宣讲…) keeps it: its file format comes from `Accept` alone. */
const formatIsFilter = (list: TObject) => 'format' in list.properties

/** The list's query without its paging: every filter and sort, and the file format. */
function exportQuery(list: TObject): TObject {
  const { cursor: _cursor, limit: _limit, ...filters } = list.properties
  const fileFormat = Type.Unsafe<'xlsx' | 'csv'>({ type: 'string', enum: ['xlsx', 'csv'], description: 'Instead of `Accept`: `xlsx` Excel 台账 (default) · `csv` CSV 文本 (UTF-8 with a BOM).' })
  return Type.Object(formatIsFilter(list) ? filters : { ...filters, format: Type.Optional(fileFormat) }, { additionalProperties: false })
}

const ownerField = (def: AnyResource) => (def.owner.kind === 'unit' ? def.owner.field : def.owner.parentField)

/** Every matching record, page after page of the keyset list, masked as the list masks them, with its unit's code and name. */
async function* exportRecords(db: Db, service: RecordService, actor: Actor, query: Record<string, unknown>, mask: <T>(record: T) => T) {
  const owner = ownerField(service.definition)
  let cursor: string | undefined
  do {
    const page = await service.list(actor, { ...query, limit: EXPORT_PAGE, ...(cursor ? { cursor } : {}) } as never)
    const units = await unitNames(db, page.items.map((r) => (r as Record<string, unknown>)[owner]).filter((id): id is string => typeof id === 'string'))
    for (const record of page.items) {
      const unit = units.get(String((record as Record<string, unknown>)[owner]))
      yield { ...(mask(record) as object), [GRID_UNIT_CODE]: unit?.code, [GRID_UNIT_NAME]: unit?.name }
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
}

const binary = (description: string) => Type.String({ format: 'binary', description })

/** GET /v1/{collection}/export, and for a collection entered in bulk its template and its import. */
export async function registerSheetRoutes(fastify: FastifyInstance, db: Db, service: RecordService, resolve: SchemaResolver): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const def = service.definition
  const base = `/v1/${def.collection}`
  const read = `${def.collection}:read`
  const mask = piiMasker(def.schemas.record, resolve)
  const ledger = `${def.label}台账`
  const listQuery = def.schemas.query as TObject
  const byAccept = formatIsFilter(listQuery)
  const csvChoice = byAccept ? '`Accept: text/csv`; `format` is this list’s own filter here' : '`?format=csv` or `Accept: text/csv`'
  app.get(`${base}/export`, {
    config: { scope: read },
    schema: {
      operationId: `export${def.names.many}`,
      tags: [def.tag.name],
      summary: `Export ${def.names.many.replace(/(?!^)([A-Z])/g, ' $1').toLowerCase()} as a spreadsheet (导出${ledger})`,
      description:
        `Every record the list would give for these filters (all pages), streamed as an .xlsx workbook (default, or \`Accept: ${XLSX_MEDIA_TYPE}\`) or CSV (${csvChoice}; UTF-8 with a BOM). ` +
        'Chinese column headers in a fixed order, enum values as their Chinese labels, instants as `YYYY-MM-DD HH:mm` in UTC+8 (date cells in .xlsx), lists as readable text, the owning unit by code and name; ' +
        'personal data masked without `pii:read`; a text that would start a formula (`=`, `+`, `-`, `@`, tab, CR) is written as text. ' +
        `Needs \`${read}\`; the key’s jurisdiction bounds the records as for the list.`,
      querystring: exportQuery(listQuery),
      produces: offers.map((o) => o.mediaType),
      response: {
        200: {
          description: `The ledger as an attachment (\`${ledger}-20251231.xlsx\`).`,
          headers: { 'Content-Disposition': { type: 'string', description: `attachment; filename*=UTF-8''${ledger}-20251231.xlsx` } },
          content: { [XLSX_MEDIA_TYPE]: { schema: binary('An .xlsx workbook') }, 'text/csv': { schema: binary('CSV, UTF-8 with a BOM') } },
        },
        ...problemResponses(400, 406, ...commonProblems),
      },
    },
    handler: async (request, reply) => {
      const { format, ...rest } = request.query as Record<string, unknown> & { format?: 'xlsx' | 'csv' }
      const query = byAccept ? (request.query as Record<string, unknown>) : rest
      const offer = negotiate(request, offers, byAccept ? undefined : format)
      const present = hasScope(request.actor, 'pii:read') ? <T>(r: T) => r : mask
      const rows = exportRecords(db, service, request.actor, query, present)
      const out = new PassThrough()
      const written = offer.format === 'csv' ? writeCsv(out, service.sheet.export, rows) : writeXlsx(out, service.sheet.export, rows, { sheetName: ledger })
      written.catch((error: unknown) => out.destroy(error as Error))
      const day = chinaToday().replace(/-/g, '')
      return (reply as FastifyReply)
        .type(offer.mediaType)
        .header('content-disposition', contentDisposition(`${ledger}-${day}.${offer.format}`, `${def.collection}-${day}.${offer.format}`))
        .send(out)
    },
  })
  if (!service.sheet.import) return
  const columns = service.sheet.import
  app.get(`${base}/import-template`, {
    config: { scope: `${def.collection}:write` },
    schema: {
      operationId: `get${def.names.one}ImportTemplate`,
      tags: [def.tag.name],
      summary: `The import template (${ledger}导入模板)`,
      description:
        'An .xlsx with the input sheet (Chinese headers; a drop-down of Chinese labels on every enum and yes/no column), a sheet explaining each column ' +
        '(its header, field name, required or not, format, allowed values with their labels, an example) and a sheet of the grid units the key may write to (code, name, level). ' +
        `Fill it in and send it to \`POST ${base}/imports\`. Needs \`${def.collection}:write\`.`,
      response: {
        200: { description: 'The template.', content: { [XLSX_MEDIA_TYPE]: { schema: binary('An .xlsx workbook') } } },
        ...problemResponses(...commonProblems),
      },
    },
    handler: async (request, reply) => {
      const units = await unitsWithin(db, request.actor.gridUnitId, TEMPLATE_UNITS)
      const out = new PassThrough()
      writeTemplate(out, { sheetName: ledger, columns, gridUnits: units, levelLabels }).catch((error: unknown) => out.destroy(error as Error))
      return (reply as FastifyReply)
        .type(XLSX_MEDIA_TYPE)
        .header('content-disposition', contentDisposition(`${ledger}导入模板.xlsx`, `${def.collection}-template.xlsx`))
        .send(out)
    },
  })
  await registerImportRoute(fastify, service, ledger)
}

