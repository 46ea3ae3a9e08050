// Column widths a clerk can read without dragging: Excel measures a width in characters of the
// default font's digit, and a CJK or full-width character is about two of those.

const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u

/** Display width of text: 2 per CJK or full-width character, 1 otherwise; the longest line counts. */
export function displayWidth(text: string): number {
  let widest = 0
  for (const line of text.split(/\r?\n/)) {
    let w = 0
    for (const ch of line) w += WIDE.test(ch) ? 2 : 1
    widest = Math.max(widest, w)
  }
  return widest
}

export const MIN_WIDTH = 6
export const MAX_WIDTH = 60

/** A column width fitting the header and the sample texts, within 6–60 and with a margin of 2. */
export function fitWidth(texts: Iterable<string>): number {
  let widest = 0
  for (const t of texts) widest = Math.max(widest, displayWidth(t))
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2))
}
