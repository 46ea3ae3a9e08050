import { defaultTitle } from './build.js'
import type { AnnualReportInput } from './model.js'

// The download's name: the report's title, as the office would save it, and a Content-Disposition
// that carries it in UTF-8 (RFC 6266 §4.3 with RFC 8187 encoding) plus an ASCII name for clients
// that read only `filename`.

export type DocumentFormat = 'markdown' | 'docx'

const extensions = { markdown: 'md', docx: 'docx' } as const satisfies Record<DocumentFormat, string>

/** Characters no file system or download dialog takes in a name (Windows' set, control characters). */
const unsafe = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g

/** `团结镇2025年度法治政府建设情况报告.docx`, `…（草稿）.md`; the ASCII fallback `annual-report-2025.docx`. */
export function annualReportFileName(input: AnnualReportInput, format: DocumentFormat): { name: string; ascii: string } {
  const title = (input.title ?? defaultTitle(input.unitName, input.year)).replace(unsafe, ' ').replace(/\s+/g, ' ').trim()
  const draft = input.status === 'draft'
  const extension = extensions[format]
  return {
    name: `${title.slice(0, 120) || defaultTitle(input.unitName, input.year)}${draft ? '（草稿）' : ''}.${extension}`,
    ascii: `annual-report-${input.year}${draft ? '-draft' : ''}.${extension}`,
  }
}

/** A lone surrogate has no UTF-8 form (encodeURIComponent would throw): it becomes U+FFFD. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** RFC 8187 §3.2.1 attr-char: everything else is percent-encoded as UTF-8 octets. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value.replace(loneSurrogate, '\uFFFD')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * `attachment; filename="annual-report-2025.docx"; filename*=UTF-8''%E5%9B%A2…`. The plain
 * `filename` comes first and is ASCII only, quoted (RFC 6266 §4.1, appendix D: senders should put
 * the `filename*` after it, and clients that understand it prefer it).
 */
export function contentDisposition(name: string, ascii?: string): string {
  const fallback =
    (ascii ?? name)
      .replace(/(?:[^\x20-\x7e]|["\\])+/g, '_')
      .trim() || 'download'
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`
}
