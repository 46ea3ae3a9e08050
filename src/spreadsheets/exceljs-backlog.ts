// How far exceljs's streaming writer has fallen behind, in bytes of sheet XML not yet compressed.
//
// exceljs 4.4.0 (pinned; its last release) writes a worksheet into a StreamBuf that ignores
// backpressure: what archiver has not taken yet waits in the StreamBuf's own buffers, and once
// archiver has started the entry, in the PassThrough it wraps the StreamBuf in, in front of the
// deflate stream. When rows come faster than deflate compresses them — the common case, since
// the database pages faster than zlib deflates — that backlog, not the output, is what grows: an
// export of 300 000 rows held ~160 MB of uncompressed XML there. These are exceljs internals, so
// every shape is checked; when it is not found the backlog reads 0 and the writer falls back to
// the output's own backpressure (export-streaming.test.ts fails if that ever happens).

import { setImmediate as nextTurn } from 'node:timers/promises'
import { drained } from './backpressure.js'
import type { Writable } from 'node:stream'

interface StateLike {
  length?: number
  needDrain?: boolean
}
interface PipeLike {
  _writableState?: StateLike
  on(event: string, f: (...a: unknown[]) => void): unknown
  off(event: string, f: (...a: unknown[]) => void): unknown
  destroyed?: boolean
}
interface SheetInternals {
  stream?: { buffers?: { length?: number }[]; pipes?: PipeLike[] }
}

const pipeOf = (sheet: unknown) => (sheet as SheetInternals).stream?.pipes?.[0]

export function backlogBytes(sheet: unknown): number {
  const stream = (sheet as SheetInternals).stream
  if (!stream) return 0
  const own = Array.isArray(stream.buffers) ? stream.buffers.reduce((n, b) => n + (typeof b.length === 'number' ? b.length : 0), 0) : 0
  const pipe = pipeOf(sheet)?._writableState?.length
  return own + (typeof pipe === 'number' ? pipe : 0)
}

/** Waits until the worksheet's backlog is at most `limit` bytes and `out` has drained. */
export async function caughtUp(sheet: unknown, out: Writable, limit: number): Promise<void> {
  await nextTurn()
  await drained(out)
  while (backlogBytes(sheet) > limit) {
    const pipe = pipeOf(sheet)
    // The PassThrough emits 'drain' once its buffer empties, having refused a write (which
    // exceljs ignored); before archiver takes the entry there is nothing to listen to, so the
    // writer gives it a turn.
    if (pipe && (pipe._writableState?.length ?? 0) > 0 && pipe._writableState?.needDrain) await pipeDrained(pipe, out)
    else await nextTurn()
    await drained(out)
  }
}

/**
 * The PassThrough's 'drain' — or the end of waiting when the output goes away first: a reader
 * that hangs up stops the compressor, and that drain would never come.
 */
function pipeDrained(pipe: PipeLike, out: Writable): Promise<void> {
  if (pipe.destroyed || out.destroyed) return Promise.reject(new Error('the output stream closed before the export finished'))
  return new Promise((resolve, reject) => {
    const done = (error?: unknown) => {
      pipe.off('drain', onDrain)
      pipe.off('close', onClose)
      pipe.off('error', done)
      out.off('close', onClose)
      out.off('error', done)
      if (error) reject(error instanceof Error ? error : new Error(String(error)))
      else resolve()
    }
    const onDrain = () => done()
    const onClose = () => done(new Error('the output stream closed before the export finished'))
    pipe.on('drain', onDrain)
    pipe.on('close', onClose)
    pipe.on('error', done)
    out.on('close', onClose)
    out.on('error', done)
  })
}
