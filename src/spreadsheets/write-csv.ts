// The CSV export: UTF-8 with a byte-order mark, which is what makes Excel on a Chinese Windows
// read it as UTF-8 rather than GBK; CRLF line ends (RFC 4180); csv-stringify quotes what needs it.
// Rows are pulled from the source only as fast as `out` takes them (stream.pipeline carries the
// backpressure), and formula-like text is defused with a leading quote (formula-text.ts).

import { stringify } from 'csv-stringify'
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { toCsvField, valueAt } from './cells.js'
import type { SheetColumn } from './columns.js'

export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8'

/** Writes `records` as CSV to `out` and ends it; a failing source destroys `out` and rejects with its error. */
export async function writeCsv(
  out: Writable,
  columns: readonly SheetColumn[],
  records: AsyncIterable<unknown> | Iterable<unknown>,
): Promise<{ rows: number }> {
  let count = 0
  async function* lines() {
    yield columns.map((c) => c.header)
    for await (const record of records) {
      count++
      yield columns.map((c) => toCsvField(c, valueAt(record, c.field)))
    }
  }
  await pipeline(Readable.from(lines(), { highWaterMark: 16 }), stringify({ bom: true, record_delimiter: 'windows' }), out)
  return { rows: count }
}
