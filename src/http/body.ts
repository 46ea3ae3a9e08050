import type { FastifyInstance } from 'fastify'
import { numberProblem } from '../core/numbers.js'
import { invalid } from '../core/problems.js'

const MAX_DEPTH = 32
const loneSurrogate = /\p{Cs}/u
/** Bytes that are not UTF-8 are refused, not replaced by U+FFFD (RFC 8259 §8.1). */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Finds what PostgreSQL cannot store or what no record needs: a NUL character anywhere (text
 * columns reject `\u0000`), a number that is not finite, is -0 or lies past ±(2^53 − 1), or nesting
 * deeper than any schema has. Returns a JSON Pointer to it.
 */
export function findUnacceptable(value: unknown, pointer = '', depth = 0): { pointer: string; message: string } | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { pointer, message: 'must not contain the NUL character (\\u0000)' }
    // An escaped half of a surrogate pair (`"\ud800"`) is no character: stored, it would become U+FFFD.
    return loneSurrogate.test(value) ? { pointer, message: 'must not contain an unpaired surrogate (\\ud800-\\udfff)' } : undefined
  }
  if (typeof value === 'number') {
    // JSON writes 1e309 (read as Infinity), -0 and integers no double holds (2^53 + 1 reads as 2^53).
    const message = numberProblem(value, 'number')
    return message ? { pointer, message } : undefined
  }
  if (value === null || typeof value !== 'object') return undefined
  if (depth >= MAX_DEPTH) return { pointer, message: `is nested deeper than ${MAX_DEPTH} levels` }
  for (const [key, child] of Object.entries(value)) {
    const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
    if (key.includes('\u0000')) return { pointer: childPointer, message: 'field name must not contain the NUL character (\\u0000)' }
    const found = findUnacceptable(child, childPointer, depth + 1)
    if (found) return found
  }
  return undefined
}

/** JSON bodies (application/json and application/merge-patch+json), parsed once, checked once. */
export function registerBodyParsers(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  const parser = (request: Parameters<typeof parseJson>[0], body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    let text: string
    try {
      text = utf8.decode(body as Buffer)
    } catch {
      return done(invalid([{ in: 'body', pointer: '', message: 'is not valid UTF-8' }], 'The body is not valid UTF-8.'))
    }
    parseJson(request, text, (error, parsed) => {
      if (error) return done(invalid([{ in: 'body', pointer: '', message: 'is not well-formed JSON' }], 'The body is not well-formed JSON.'))
      const bad = findUnacceptable(parsed)
      if (bad) return done(invalid([{ in: 'body', ...bad }]))
      done(null, parsed)
    })
  }
  // JSON only: a text/plain or form body is a 415, not a string the schema then refuses.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'buffer' }, parser)
}
