// Instants and dates between the API (RFC 3339, UTC) and a clerk's sheet (China Standard Time).
//
// A spreadsheet date has no time zone: Excel stores a serial day count and shows it as it is. The
// service reckons days in UTC+8 everywhere (API.md §1), so a sheet shows the UTC+8 wall time, and a
// date typed into a sheet means that wall time in UTC+8.
//
// exceljs converts serials to JavaScript Dates as if the serial were UTC (`excelToDate`), and Dates
// to serials from their UTC fields. So the "sheet date" handed to or taken from exceljs is a Date
// whose UTC fields are the UTC+8 wall time: the instant shifted by +8 h. Nothing here reads the
// machine's time zone.

const CST_MS = 8 * 3600 * 1000
const DAY_MS = 86_400_000
/** Serial 25569 is 1970-01-01 in Excel's 1900 system; a 1904 workbook counts 1462 days fewer. */
const EPOCH_1900 = 25569
const EPOCH_1904_SHIFT = 1462
const MIN_YEAR = 1900
const MAX_YEAR = 9999

export type Parsed<T> = { value: T } | { error: string }

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** `2025-03-31 15:30` in UTC+8, the form of every instant in an export (API.md §7). */
export function formatInstant(iso: string): string {
  const wall = new Date(Date.parse(iso) + CST_MS).toISOString()
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`
}

/** The Date exceljs should write so that the cell shows the instant's UTC+8 wall time. */
export function instantToSheetDate(iso: string): Date {
  return new Date(Math.round((Date.parse(iso) + CST_MS) / 60_000) * 60_000)
}

/** A `YYYY-MM-DD` date as the Date exceljs writes as that day. */
export const dayToSheetDate = (day: string): Date => new Date(`${day}T00:00:00.000Z`)

/** The wall time of a sheet Date (its UTC fields) read in UTC+8, to the second. */
export function sheetDateToInstant(date: Date): Parsed<string> {
  const ms = Math.round(date.getTime() / 1000) * 1000
  if (!Number.isFinite(ms)) return { error: '不是有效的日期' }
  const year = new Date(ms).getUTCFullYear()
  if (year < MIN_YEAR || year > MAX_YEAR) return { error: `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间` }
  return { value: new Date(ms - CST_MS).toISOString() }
}

/** A sheet Date as a `YYYY-MM-DD` day; a time of day on it is an error, not silently dropped. */
export function sheetDateToDay(date: Date): Parsed<string> {
  const ms = Math.round(date.getTime() / 1000) * 1000
  if (!Number.isFinite(ms)) return { error: '不是有效的日期' }
  if (ms % DAY_MS !== 0) return { error: '这一列只填日期，不填时间' }
  const year = new Date(ms).getUTCFullYear()
  if (year < MIN_YEAR || year > MAX_YEAR) return { error: `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间` }
  return { value: new Date(ms).toISOString().slice(0, 10) }
}

/**
 * An Excel serial (a date cell shown as a number, or a CSV holding one) as a sheet Date. Serials
 * before 61 fall in Excel's fictitious 29 February 1900 and are refused with every year before 1900.
 */
export function serialToSheetDate(serial: number, date1904 = false): Parsed<Date> {
  const days = serial + (date1904 ? EPOCH_1904_SHIFT : 0)
  if (!Number.isFinite(days) || days < 61 || days > 2_958_465) return { error: '不是有效的日期' }
  return { value: new Date(Math.round((days - EPOCH_1900) * DAY_MS)) }
}

// 2025-03-31 · 2025/3/31 · 2025.3.31 (one separator throughout) · 2025年3月31日, optionally followed
// by a time 15:30 or 15:30:45, and — for an instant copied from the API — `T…Z` or an offset.
const DAY_FORM = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$|^(\d{4})年(\d{1,2})月(\d{1,2})日$/
const INSTANT_FORM = /^(.+?)(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/

interface Day {
  y: number
  m: number
  d: number
}

function parseDay(text: string): Parsed<Day> {
  const match = DAY_FORM.exec(text)
  if (!match) return { error: '' }
  const [y, m, d] = match[1] ? [match[1], match[3], match[4]] : [match[5], match[6], match[7]]
  const day = { y: Number(y), m: Number(m), d: Number(d) }
  if (day.y < MIN_YEAR || day.y > MAX_YEAR) return { error: `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间` }
  // Date.UTC rolls 2025-02-30 over to 2025-03-02: a day that does not exist comes back different.
  const probe = new Date(Date.UTC(day.y, day.m - 1, day.d))
  if (day.m < 1 || day.m > 12 || probe.getUTCMonth() !== day.m - 1 || probe.getUTCDate() !== day.d) {
    return { error: `日期 ${day.y}-${pad(day.m)}-${pad(day.d)} 不存在` }
  }
  return { value: day }
}

/** Typed text as normalised for reading: full-width digits and colons become ASCII (NFKC). */
export const normaliseTyped = (text: string) => text.normalize('NFKC').trim()

const INSTANT_HINT = '应为日期时间，如 2025-03-31 15:30、2025-03-31 或 2025/3/31（北京时间）'
const DAY_HINT = '应为日期，如 2025-03-31 或 2025/3/31'

/** Text typed into an instant column, read in UTC+8 unless it names its own offset → RFC 3339 (UTC). */
export function parseInstantText(raw: string): Parsed<string> {
  const text = normaliseTyped(raw)
  const match = INSTANT_FORM.exec(text)
  const day = match ? parseDay(match[1]!) : undefined
  if (!match || !day || 'error' in day) return { error: day && 'error' in day && day.error ? day.error : `“${raw}”${INSTANT_HINT}` }
  const [, , hh, mm, ss, fraction, offset] = match
  if (offset && hh === undefined) return { error: `“${raw}”${INSTANT_HINT}` }
  const h = Number(hh ?? 0)
  const min = Number(mm ?? 0)
  const s = Number(ss ?? 0)
  if (h > 23 || min > 59 || s > 59) return { error: `时间 ${hh}:${mm}${ss ? `:${ss}` : ''} 不存在` }
  const ms = Math.round(Number(fraction ?? 0) * 1000)
  let offsetMs = CST_MS
  if (offset) {
    const o = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)
    offsetMs = o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) * 60_000 : 0
  }
  const { y, m, d } = day.value
  return { value: new Date(Date.UTC(y, m - 1, d, h, min, s, ms) - offsetMs).toISOString() }
}

/** Text typed into a date column (`…On` fields) → `YYYY-MM-DD`. */
export function parseDayText(raw: string): Parsed<string> {
  const text = normaliseTyped(raw)
  const day = parseDay(text)
  if ('error' in day) return { error: day.error || `“${raw}”${DAY_HINT}` }
  return { value: `${day.value.y}-${pad(day.value.m)}-${pad(day.value.d)}` }
}
