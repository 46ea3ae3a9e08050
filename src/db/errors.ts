/** The PostgreSQL error behind a driver or Drizzle error (Drizzle wraps it as `cause`). */
export interface PgErrorFields {
  code?: string
  constraint?: string
}

export function pgErrorOf(error: unknown): PgErrorFields | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const fields = current as PgErrorFields & { cause?: unknown }
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields
    current = fields.cause
  }
  return undefined
}

const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'])

/** True when the database could not be reached or answered in time: the caller should get 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const e = current as { code?: string; message?: string; cause?: unknown }
    if (e.code && unavailableCodes.has(e.code)) return true
    // 08: connection exceptions, 57P0x: server shutting down, 57014: statement timeout, 53300: too many connections
    if (e.code && (/^08/.test(e.code) || /^57P0/.test(e.code) || e.code === '57014' || e.code === '53300')) return true
    if (e.message && /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message)) return true
    current = e.cause
  }
  return false
}
