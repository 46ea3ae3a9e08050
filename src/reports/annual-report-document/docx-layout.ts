// The page of a 报告 by GB/T 9704-2012《党政机关公文格式》, in Word's units: twips (1/20 pt) for
// lengths, half-points for font sizes. Each number is derived from the standard's millimetres and
// 字号 here, once, so the writer and the tests read the same values.

const TWIPS_PER_MM = 1440 / 25.4
const mm = (millimetres: number) => Math.round(millimetres * TWIPS_PER_MM)

/** §5.2.1: A4, 210 × 297 mm. */
export const PAGE = { width: 11906, height: 16838 } as const

/** §5.2.2: 天头 37 mm, 订口 (left) 28 mm, 版心 156 × 225 mm; the outer and bottom margins follow. */
export const TYPE_AREA = { width: mm(156), height: mm(225) } as const
export const MARGIN = {
  top: mm(37),
  left: mm(28),
  right: PAGE.width - mm(28) - TYPE_AREA.width,
  bottom: PAGE.height - mm(37) - TYPE_AREA.height,
} as const

/** 字号 in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28 } as const

/** §5.2.4: 22 lines of 28 characters in the type area, the usual pitch being 28.95 pt. */
export const LINES_PER_PAGE = 22
export const CHARS_PER_LINE = 28
export const LINE_PITCH = 579

/** One character of the grid: the type area's width over 28 (15.8 pt, a shade under 3号's 16 pt). */
export const CHAR_PITCH = TYPE_AREA.width / CHARS_PER_LINE

/**
 * w:spacing on every run, in twips: 3号 characters drawn this much closer so 28 fit in the line
 * (28 × 15.75 pt ≤ 442.2 pt; −4 twips would leave 27). Word's character grid (docGrid
 * linesAndChars with a negative charSpace) would do the same in Word, but LibreOffice never puts a
 * character in a grid cell narrower than the character and gives each two cells, 14 to a line;
 * spacing the characters reads the same in Word, WPS and LibreOffice.
 */
export const CHARACTER_SPACING = Math.floor(CHAR_PITCH - 10 * SIZE.body)

/** 首行缩进 2 字符 at 3号 (GB/T 9704 §7.3.3: every paragraph starts two characters in). */
export const FIRST_LINE_INDENT = 2 * 10 * SIZE.body

/**
 * §7.5: the page number's 一字线 sits 7 mm below the type area. Word measures the footer from the
 * page's bottom edge to the bottom of its line, so that is the bottom margin less 7 mm less half of
 * the page number's line (one 4号 em high, see FOOTER_LINE).
 */
export const FOOTER_LINE = 10 * SIZE.pageNumber
export const FOOTER_DISTANCE = MARGIN.bottom - mm(7) - FOOTER_LINE / 2

/** The report has no header; Word's usual distance, should the office add one. */
export const HEADER_DISTANCE = mm(15)

/** §7.5: 单页码居右空一字，双页码居左空一字 — one 4号 character in from the edge of the type area. */
export const PAGE_NUMBER_INSET = 10 * SIZE.pageNumber

/** §7.3.1 / §7.3.3 / §7.5: the standard's typefaces, by the names Word and WPS know them. */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const

/** How many characters of the grid a text fills: 半角 digits and Latin letters count half. */
export function widthInChars(text: string): number {
  let width = 0
  for (const ch of text) width += /[\u0000-\u00ff]/.test(ch) ? 0.5 : 1
  return width
}

/**
 * §7.3.5.2 (a report without a seal): 署名 two characters in from the right; the date on the line
 * below, starting two characters right of the 署名's first character; if that would push the date
 * past two characters from the right edge, the date goes two in and the 署名 moves left with it.
 * Returns each line's right indent in characters.
 */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const issuerWidth = widthInChars(issuer)
  const dateWidth = widthInChars(date)
  const dateRight = Math.max(2, issuerWidth - dateWidth)
  return { date: dateRight, issuer: dateRight + dateWidth + 2 - issuerWidth }
}
