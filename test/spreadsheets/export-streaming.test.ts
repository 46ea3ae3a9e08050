// Memory stays flat whatever the row count, shown by counting rows, not by timing or measuring:
// the writers pull a row from the source only when the rows before it have gone on — through the
// compressor and into the output. (Memory figures belong in the bench.)
import t from 'tap'
import { Writable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import zlib from 'node:zlib'
import { writeCsv, writeXlsx } from '../../src/spreadsheets/index.js'
import { disputeColumns } from './fixtures.js'

const TOTAL = 30_000

/**
 * Text that compresses about as badly as varied ledger text does (seeded, so every run is the
 * same): a compressor then needs many turns of the event loop per row, which is when exceljs's
 * missing backpressure shows.
 */
function noise(seed: number, length: number): string {
  let x = seed >>> 0 || 1
  let out = ''
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out += String.fromCharCode(0x4e00 + ((x >>> 0) % 0x5000))
  }
  return out
}

/** A source of TOTAL disputes that counts how many rows have been pulled. */
function source() {
  const state = { pulled: 0, closed: false }
  async function* rows() {
    try {
      for (let i = 0; i < TOTAL; i++) {
        state.pulled++
        if (i % 1000 === 0) await nextTurn() // a page boundary: the database round trip
        yield { gridUnitCode: 'TJ-01', title: `纠纷 ${i} ${(i * 7919).toString(36)}`, category: 'land', source: 'hotline', reportedAt: new Date(1.7e12 + i * 6e4).toISOString(), parties: [{ name: `当事人${i}`, role: 'applicant' }], description: noise(i + 1, 200) }
      }
    } finally {
      state.closed = true
    }
  }
  return { state, rows: rows() }
}

/** An output that takes `accept` bytes and then stops reading until released. */
function stallingOutput(accept: number) {
  let received = 0
  let held: (() => void) | undefined
  let onBlock: () => void = () => {}
  const blocked = new Promise<void>((resolve) => (onBlock = resolve))
  const out = new Writable({
    write(chunk: Buffer, _e, callback) {
      received += chunk.length
      if (received > accept && !held) {
        held = callback
        onBlock()
      } else callback()
    },
  })
  return { out, blocked, release: () => held?.() }
}

/** Event-loop turns until `value()` stops changing for a thousand of them (at most 50 000). */
async function settled(value: () => number): Promise<number> {
  for (let round = 0; round < 50; round++) {
    const before = value()
    for (let i = 0; i < 1000; i++) await nextTurn()
    if (value() === before) break
  }
  return value()
}

t.test('while the reader stalls, the writers stop pulling rows', { timeout: 120_000 }, async (t) => {
  for (const format of ['xlsx', 'csv'] as const) {
    const { state, rows } = source()
    const { out, blocked, release } = stallingOutput(64 * 1024)
    const done = format === 'xlsx' ? writeXlsx(out, disputeColumns, rows, { sheetName: '台账' }) : writeCsv(out, disputeColumns, rows)
    await blocked
    // Without backpressure every row would be pulled while the reader is stalled (the source
    // and the writer both only wait on turns of the event loop).
    const pulled = await settled(() => state.pulled)
    t.ok(pulled < 10_000, `${format}: ${pulled} of ${TOTAL} rows pulled while the reader stalls`)
    release()
    t.same(await done, { rows: TOTAL }, `${format}: released, every row is written`)
  }
})

/**
 * Counts the rows that have come out of the compressor: the output's bytes from the worksheet's
 * local header on are inflated as they arrive and its `</row>` tags counted.
 */
function inflatingOutput() {
  let seen = 0
  let tail = ''
  let head = Buffer.alloc(0)
  let inflater: zlib.InflateRaw | undefined
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const count = (text: string) => {
    const s = tail + text
    seen += s.split('</row>').length - 1
    tail = s.slice(-5) // a tag cut in two is completed by the next chunk; a whole one is not counted twice
  }
  const out = new Writable({
    write(chunk: Buffer, _e, callback) {
      if (inflater) {
        if (!inflater.writableEnded) inflater.write(chunk, () => callback())
        else callback()
        return
      }
      head = Buffer.concat([head, chunk])
      const at = head.indexOf(name)
      if (at >= 30) {
        const dataAt = at + name.length + head.readUInt16LE(at - 2)
        inflater = zlib.createInflateRaw()
        inflater.on('data', (d: Buffer) => count(d.toString('latin1')))
        inflater.on('error', () => {}) // the zip's central directory follows the deflate stream
        inflater.write(head.subarray(dataAt), () => callback())
      } else callback()
    },
  })
  return { out, rowsOut: () => seen }
}

t.test('rows are pulled no faster than the compressor takes them', { timeout: 120_000 }, async (t) => {
  // A fast reader: the compressor is the slow part. exceljs gives no backpressure of its own, so
  // without the writer's waits the source would run tens of thousands of rows ahead of it.
  const { out, rowsOut } = inflatingOutput()
  const { state, rows } = source()
  let furthest = 0
  async function* watched() {
    for await (const row of rows) {
      furthest = Math.max(furthest, state.pulled - rowsOut())
      yield row
    }
  }
  t.same(await writeXlsx(out, disputeColumns, watched(), { sheetName: '台账' }), { rows: TOTAL })
  t.equal(rowsOut(), TOTAL + 1, 'every row (and the header) came out of the compressor')
  // The lead stays about constant (some 4 000 rows sit in the zip pipeline's buffers and in this
  // test's own inflater); without the writer's waits it grows with the export, to 25 000 here.
  t.ok(furthest < 10_000, `the source ran at most ${furthest} rows ahead of the compressed output`)
})

t.test('a reader that goes away ends the export and closes the source', { timeout: 60_000 }, async (t) => {
  // Once while the writer waits for the output to drain, once while it waits for the compressor:
  // a fast reader hangs up after 1 MB, with the compressor 8 MiB behind. The compressor stops
  // when its reader goes, so that drain never comes; waiting for it alone hung for ever.
  const stalled = stallingOutput(64 * 1024)
  let seen = 0
  const hangingUp: Writable = new Writable({
    write(chunk: Buffer, _e, callback) {
      callback()
      if ((seen += chunk.length) > 1_000_000) hangingUp.destroy()
    },
  })
  const cases = [
    { what: 'stalled', out: stalled.out, ready: stalled.blocked, maxBacklog: undefined },
    { what: 'hanging up', out: hangingUp, ready: Promise.resolve(), maxBacklog: 8 * 1024 * 1024 },
  ]
  for (const { what, out, ready, maxBacklog } of cases) {
    const { state, rows } = source()
    const done = writeXlsx(out, disputeColumns, rows, { sheetName: '台账', ...(maxBacklog ? { maxBacklog } : {}) })
    await ready
    if (out === stalled.out) out.destroy()
    await t.rejects(done, /closed/, `${what}: the export fails`)
    t.equal(state.closed, true, `${what}: the source was closed (its pages stop)`)
    t.ok(state.pulled < TOTAL, `${what}: after ${state.pulled} rows`)
  }
})
