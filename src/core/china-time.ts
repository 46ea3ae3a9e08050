// Days and years are reckoned in China Standard Time (UTC+8) everywhere in the service (API.md §1).

export const CHINA_OFFSET = '+08:00'

export const isPlainDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value)

/** The day after a `YYYY-MM-DD` date, in the same form. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  // The day after 9999-12-31 is written `+010000-…` by toISOString; PostgreSQL reads `10000-01-01`.
  return d.toISOString().replace(/^\+0*/, '').slice(0, -'T00:00:00.000Z'.length)
}

/** The first instant of a day in UTC+8, as RFC 3339. */
export const startOfChinaDay = (date: string) => `${date}T00:00:00${CHINA_OFFSET}`

/** Year Y is [Y-01-01 00:00, Y+1-01-01 00:00) in UTC+8. */
export function yearBounds(year: number): { from: string; to: string } {
  const start = (y: number) => startOfChinaDay(`${String(y).padStart(4, '0')}-01-01`)
  return { from: start(year), to: start(year + 1) }
}

/** Today's date in UTC+8 (`YYYY-MM-DD`). */
export const chinaToday = (now = Date.now()) => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)
