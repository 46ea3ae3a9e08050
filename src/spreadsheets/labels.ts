// Chinese labels of an enum, read back from its description. The API writes each enum's labels
// into its JSON Schema description as "`value` 标签 · `value` 标签" (enumLegend in
// src/http/schemas.ts), so the OpenAPI document and the spreadsheets show the same words from one
// source. An enum value the legend leaves unlabelled reads as its own value, except `other` → 其他.

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function labelsFromDescription(values: readonly string[], description: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const value of values) {
    const pattern = new RegExp('`' + escapeRegExp(value) + '`(?: ([^`·]+?))?(?= · |$)', 'g')
    let label: string | undefined
    for (const match of (description ?? '').matchAll(pattern)) label = match[1]?.trim() || label
    labels[value] = label ?? (value === 'other' ? '其他' : value)
  }
  return labels
}

/**
 * Cell text → enum value: the Chinese label or the value itself, so a ledger typed by hand and a
 * sheet filled from another system both read. Labels are unique per enum (checked when the column
 * is defined), so the answer is never ambiguous.
 */
export function enumFromText(text: string, labels: Readonly<Record<string, string>>): string | undefined {
  const t = text.normalize('NFKC').trim()
  if (Object.hasOwn(labels, t)) return t
  for (const [value, label] of Object.entries(labels)) if (label.normalize('NFKC') === t) return value
  return undefined
}

export function assertDistinctLabels(field: string, labels: Readonly<Record<string, string>>): void {
  const seen = new Map<string, string>()
  for (const [value, label] of Object.entries(labels)) {
    const other = seen.get(label) ?? (Object.hasOwn(labels, label) && label !== value ? label : undefined)
    if (other) throw new Error(`column ${field}: label “${label}” of ${value} is also ${other}`)
    seen.set(label, value)
  }
}
