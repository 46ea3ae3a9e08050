import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import type { FastifyInstance } from 'fastify'

// Shared helpers of the export tests (not a test itself): a download as bytes, and its sheet read
// back the way a clerk's Excel reads it.

export interface Download {
  status: number
  headers: Record<string, string | string[] | number | undefined>
  bytes: Buffer
  /** The body parsed, when it is a problem or other JSON. */
  body: any
}

/** A GET with this key, its body kept as bytes (the test client reads bodies as text). */
export async function download(app: FastifyInstance, key: string, url: string, headers: Record<string, string> = {}): Promise<Download> {
  const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}`, ...headers } })
  const bytes = res.rawPayload
  const json = /json/.test(String(res.headers['content-type'] ?? '')) ? JSON.parse(bytes.toString('utf8')) : undefined
  return { status: res.statusCode, headers: res.headers, bytes, body: json }
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  return workbook
}

export interface Sheet {
  headers: string[]
  /** Each data row by header; an empty cell is null. */
  rows: Record<string, unknown>[]
  worksheet: ExcelJS.Worksheet
}

/** The first sheet of an .xlsx export, rows by Chinese header. */
export async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const worksheet = (await loadWorkbook(bytes)).worksheets[0]!
  const headers = (worksheet.getRow(1).values as unknown[]).slice(1).map(String)
  const rows: Record<string, unknown>[] = []
  for (let r = 2; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r)
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value ?? null])))
  }
  return { headers, rows, worksheet }
}

/** A CSV export: the BOM taken off, rows by header. */
export function readCsv(bytes: Buffer): { headers: string[]; rows: Record<string, string>[] } {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  const records = parse(text, { relax_column_count: false }) as string[][]
  const [headers = [], ...rest] = records
  return { headers, rows: rest.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]!]))) }
}

/** The ids a list gives for this query, every page followed. */
export async function listAll(app: FastifyInstance, key: string, collection: string, query = ''): Promise<any[]> {
  const items: any[] = []
  let cursor: string | undefined
  do {
    const res = await app.inject({ method: 'GET', url: `/v1/${collection}?limit=100${query ? `&${query}` : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, headers: { authorization: `Bearer ${key}` } })
    if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode} ${res.body}`)
    const page = res.json()
    items.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return items
}

/** The file name a Content-Disposition gives in its `filename*` (RFC 8187), decoded. */
export function fileNameOf(disposition: unknown): string | undefined {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(String(disposition))
  return m ? decodeURIComponent(m[1]!) : undefined
}

/** Today's date in UTC+8 as the file names write it (`20251231`). */
export const chinaDay = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '')
