// Text that a spreadsheet could run as a formula ("CSV injection", OWASP): a value beginning with
// `=`, `+`, `-`, `@`, a tab or a carriage return.
//
// - CSV has no cell types, so Excel, WPS and LibreOffice parse such a field as a formula. OWASP's
//   remedy is to prefix the field with a single quote, which every one of them shows as text; the
//   quote stays visible in the cell, an honest sign that the text was defused.
// - xlsx cells have types: a string cell (`t="str"`, `t="inlineStr"`, `t="s"`) is never evaluated,
//   and exceljs writes every JavaScript string as one (a formula only from `{ formula }` objects —
//   test/spreadsheets/formula-injection.test.ts checks the XML). So xlsx text is written as it is,
//   and the clerk sees exactly the recorded text.
//
// Reading back, one leading quote before a trigger character is taken off, in both formats, so an
// exported CSV (or that CSV opened and saved as xlsx) imports as the original text. To keep that
// a bijection, text that already begins with quotes before a trigger gets one more on writing.

const TRIGGER = /^[=+\-@\t\r]/
const QUOTED_TRIGGER = /^'+[=+\-@\t\r]/

/** Whether a spreadsheet would read this text as the start of a formula. */
export const isFormulaLike = (text: string) => TRIGGER.test(text)

/** A CSV field: formula-like text gets a leading single quote. */
export function csvSafeText(text: string): string {
  return TRIGGER.test(text) || QUOTED_TRIGGER.test(text) ? `'${text}` : text
}

/**
 * An xlsx string cell: left as it is, except the quote escape that keeps reading exact, and
 * carriage returns written as the line feeds every XML reader turns them into (XML 1.0 §2.11), so
 * what is written is what a clerk's Excel and the import read.
 */
export function xlsxSafeText(text: string): string {
  const t = text.replace(/\r\n?/g, '\n')
  return QUOTED_TRIGGER.test(t) ? `'${t}` : t
}

/** Text read from either format: one defusing quote removed. */
export function unquoteText(text: string): string {
  return QUOTED_TRIGGER.test(text) ? text.slice(1) : text
}
