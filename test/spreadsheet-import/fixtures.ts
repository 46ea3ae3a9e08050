import { sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { queryRows, type Db } from '../../src/db/client.js'
import type { Response } from '../helpers/app.js'

// Shared helpers of the import tests (not a test itself): a file as the body, and sheets of rows.

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const CSV = 'text/csv'

/** POSTs a file as the body; the answer parsed when it is JSON. */
export async function upload(app: FastifyInstance, key: string, url: string, file: Buffer, contentType: string, headers: Record<string, string> = {}): Promise<Response> {
  const res = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}`, 'content-type': contentType, ...headers }, payload: file })
  const body = /json/.test(String(res.headers['content-type'] ?? '')) && res.body ? JSON.parse(res.body) : undefined
  return { status: res.statusCode, headers: res.headers, body, text: res.body }
}

/** A workbook of one sheet: the header row, then the rows. */
export async function xlsxOf(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('矛盾纠纷')
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The same rows as CSV text, UTF-8 with a BOM as Excel saves it. */
export function csvOf(rows: unknown[][]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8')
}

export const DISPUTE_HEADER = ['网格编码', '纠纷名称', '纠纷类别', '来源', '登记时间', '当事人', '状态', '化解方式', '化解情况', '达成协议', '化解时间']

/** A good dispute row for the unit of this code: the i-th of a batch. */
export const disputeRow = (code: string, i: number): (string | null)[] => [code, `土地流转纠纷 第${i}号`, '土地', '网格排查', '2025-04-08 10:30', `张福${i}（申请人，13812345678）；合作社（被申请人）`, null, null, null, null, null]

/** Rows of the disputes table (deleted ones too) and of the audit log: an import that creates nothing leaves both alone. */
export async function tableCounts(db: Db): Promise<{ disputes: number; audit: number }> {
  const [row] = await queryRows<{ disputes: number; audit: number }>(db, sql`SELECT (SELECT count(*)::int FROM disputes) AS disputes, (SELECT count(*)::int FROM audit_events) AS audit`)
  return row!
}
