import ExcelJS from 'exceljs'
import pg from 'pg'
import { sampleMemory, type Server } from './processes.js'

// The spreadsheet scenarios: one request each, not a load. An export streams (API.md §7), so the
// server's peak memory while exporting 100 000 disputes should be about that of exporting 1 000:
// their ratio is the figure. The import of 5 000 rows (the contract's limit) is timed end to end.

export type SheetKey = 'export1k' | 'export100k' | 'import5k'

export interface SheetMeasurement {
  key: SheetKey
  title: string
  /** Rows exported or imported. */
  rows: number
  bytes: number
  seconds: number
  /** The server's resident memory before the request and its highest reading during it, in MiB. */
  rssBeforeMiB: number
  peakRssMiB: number
}

/** The `reportedTo` instant under which exactly the `n` oldest live disputes lie (fewer when the table holds fewer). */
export async function exportCutoff(url: string, n: number): Promise<{ reportedTo: string; rows: number }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ at: Date }>(
      `SELECT reported_at AS at FROM disputes WHERE deleted_at IS NULL ORDER BY reported_at OFFSET $1 LIMIT 1`, [n - 1],
    )
    const last = rows[0]?.at ?? (await client.query<{ at: Date }>(`SELECT max(reported_at) AS at FROM disputes WHERE deleted_at IS NULL`)).rows[0]!.at
    const count = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM disputes WHERE deleted_at IS NULL AND reported_at <= $1`, [last])
    return { reportedTo: last.toISOString(), rows: count.rows[0]!.n }
  } finally {
    await client.end()
  }
}

/** The codes of the grids new disputes go to. */
export async function gridCodes(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<{ code: string }>(`SELECT code FROM grid_units WHERE level = 'grid' AND code LIKE '150826%' ORDER BY code`)).rows.map((r) => r.code)
  } finally {
    await client.end()
  }
}

async function measured(server: Server, work: () => Promise<{ rows: number; bytes: number }>, key: SheetKey, title: string): Promise<SheetMeasurement> {
  // Collect what earlier scenarios left, so the reading before is the server at rest.
  await new Promise((r) => setTimeout(r, 2000))
  const rssBeforeMiB = server.memory().rss
  const stop = sampleMemory(server, 20)
  const started = performance.now()
  try {
    const { rows, bytes } = await work()
    return { key, title, rows, bytes, seconds: (performance.now() - started) / 1000, rssBeforeMiB, peakRssMiB: stop() }
  } finally {
    stop()
  }
}

/** Downloads the xlsx export of the disputes up to the cutoff, reading the stream to its end. */
export function measureExport(server: Server, headers: Record<string, string>, key: SheetKey, cutoff: { reportedTo: string; rows: number }): Promise<SheetMeasurement> {
  return measured(server, async () => {
    const res = await fetch(`${server.url}/v1/disputes/export?format=xlsx&sort=reportedAt&reportedTo=${encodeURIComponent(cutoff.reportedTo)}`, { headers })
    if (!res.ok || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`)
    let bytes = 0
    for await (const chunk of res.body) bytes += (chunk as Uint8Array).byteLength
    return { rows: cutoff.rows, bytes }
  }, key, `export ${cutoff.rows.toLocaleString('en')} disputes as .xlsx`)
}

/** A ledger of `n` disputes as a clerk fills the template: labels, a date typed as text. */
export async function importWorkbook(codes: string[], n: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('矛盾纠纷台账')
  sheet.addRow(['网格编码', '纠纷名称', '纠纷类别', '来源', '登记时间', '当事人', '纠纷情况'])
  for (let i = 0; i < n; i++) {
    sheet.addRow([codes[i % codes.length], `团结村土地流转纠纷（导入 ${i + 1}）`, '土地', '网格排查', `2024-${String((i % 12) + 1).padStart(2, '0')}-15 10:30`,
      '张福（申请人，13847815678）；杭锦后旗丰源种植专业合作社（被申请人）', '承包户与种植合作社因流转土地面积和流转费结算发生争议'])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function measureImport(server: Server, headers: Record<string, string>, file: Buffer, rows: number): Promise<SheetMeasurement> {
  return measured(server, async () => {
    const res = await fetch(`${server.url}/v1/disputes/imports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: new Uint8Array(file),
    })
    const body = (await res.json()) as { created?: number }
    if (res.status !== 201 || body.created !== rows) throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`)
    return { rows, bytes: file.byteLength }
  }, 'import5k', `import ${rows.toLocaleString('en')} disputes from .xlsx`)
}

/** The spreadsheet lines of the report. */
export function sheetMarkdown(sheets: SheetMeasurement[]): string[] {
  if (sheets.length === 0) return []
  const small = sheets.find((s) => s.key === 'export1k')
  const big = sheets.find((s) => s.key === 'export100k')
  return [
    '',
    '| spreadsheet | rows | MiB sent | seconds | RSS before MiB | peak RSS MiB |',
    '|---|---:|---:|---:|---:|---:|',
    ...sheets.map((s) => `| ${s.title} | ${s.rows.toLocaleString('en')} | ${(s.bytes / 1024 / 1024).toFixed(1)} | ${s.seconds.toFixed(1)} | ${s.rssBeforeMiB.toFixed(0)} | ${s.peakRssMiB.toFixed(0)} |`),
    ...(small && big ? ['', `Export memory: peak RSS for ${big.rows.toLocaleString('en')} rows ÷ for ${small.rows.toLocaleString('en')} rows = ${(big.peakRssMiB / small.peakRssMiB).toFixed(2)} (streamed: about 1).`] : []),
  ]
}
