import type { Writable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * Resolves when `out` can take more (its buffer drained); rejects when it closes or fails first — a
 * client that hangs up must end the export, not leave it waiting for a drain that never comes.
 */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new Error('the output stream is closed'))
  if (!out.writableNeedDrain) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain).off('close', onClose).off('error', onError)
      if (error) reject(error)
      else resolve()
    }
    const onDrain = () => done()
    const onClose = () => done(new Error('the output stream closed before the export finished'))
    const onError = (e: Error) => done(e)
    out.on('drain', onDrain).on('close', onClose).on('error', onError)
  })
}

/** Lets the compressor and the socket run, then waits for `out` to drain. */
export async function yieldTo(out: Writable): Promise<void> {
  await nextTurn()
  await drained(out)
}
