import { invalid } from './problems.js'

// Keyset cursors: base64url of [sort, last sort value, last id]. Opaque to callers, checked on
// the way back in, and tied to the sort they were made for.

export interface Cursor {
  sort: string
  value: string | number | boolean
  id: string
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url')
}

export function decodeCursor(text: string, sort: string): Cursor {
  const bad = (message: string) => invalid([{ in: 'query', pointer: '/cursor', message }])
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw bad('is not a cursor this service issued')
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw bad('is not a cursor this service issued')
  const [cursorSort, value, id] = parsed as unknown[]
  if (typeof cursorSort !== 'string' || typeof id !== 'string' || !uuidPattern.test(id)) throw bad('is not a cursor this service issued')
  if (!['string', 'number', 'boolean'].includes(typeof value) || (typeof value === 'string' && value.length > 300)) {
    throw bad('is not a cursor this service issued')
  }
  if (cursorSort !== sort) throw bad(`was issued for sort=${cursorSort}, not sort=${sort}`)
  return { sort, value: value as Cursor['value'], id }
}
