import type { FastifyInstance } from 'fastify'
import { invalid } from './problems.js'

const MAX_DEPTH = 32

/**
 * Finds what PostgreSQL cannot store or what no record needs: a NUL character anywhere (text
 * columns reject `\u0000`) or nesting deeper than any schema has. Returns a JSON Pointer to it.
 */
export function findUnacceptable(value: unknown, pointer = '', depth = 0): { pointer: string; message: string } | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? { pointer, message: 'must not contain the NUL character (\\u0000)' } : undefined
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
    parseJson(request, body as string, (error, parsed) => {
      if (error) return done(invalid([{ in: 'body', pointer: '', message: 'is not well-formed JSON' }], 'The body is not well-formed JSON.'))
      const bad = findUnacceptable(parsed)
      if (bad) return done(invalid([{ in: 'body', ...bad }]))
      done(null, parsed)
    })
  }
  // JSON only: a text/plain or form body is a 415, not a string the schema then refuses.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'string' }, parser)
}
