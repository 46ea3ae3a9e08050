// How a township report puts a count into words. The rules are the ones such reports follow: a
// count is an Arabic numeral with its measure word (4次, 300条); equal counts share it
// (法治专题会议、党委中心组法治学习各2次); a count of zero is never printed as 0 but said in words
// ("全年无…"); a rate is a percentage.

export type Count = { label: string; n: number }

/**
 * `法治专题会议、党委中心组法治学习各2次` when the counts are equal, `执法专项检查2次、案卷评查1次`
 * when they differ; zero counts are left out, and nothing at all gives null so the caller says
 * "全年无…" instead.
 */
export function listCounts(items: readonly Count[], unit: string): string | null {
  const present = items.filter((item) => item.n > 0)
  const [first] = present
  if (first === undefined) return null
  if (present.length > 1 && present.every((item) => item.n === first.n)) {
    return `${present.map((item) => item.label).join('、')}各${first.n}${unit}`
  }
  return present.map((item) => `${item.label}${item.n}${unit}`).join('、')
}

/** The counts of a map in the order of its labels (the order of the API's enum). */
export function countsOf<K extends string>(labels: Record<K, string>, counts: Record<NoInfer<K>, number>): Count[] {
  return (Object.keys(labels) as K[]).map((key) => ({ label: labels[key], n: counts[key] }))
}

/** `1` → `100%`, `0.6667` → `66.7%`: at most one decimal, as such reports print rates. */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`
}

/**
 * 成文日期 in Arabic numerals without leading zeros (GB/T 9704-2012 §7.3.5.1):
 * `2026-02-20` → `2026年2月20日`.
 */
export function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  const [, year, month, day] = match
  return `${Number(year)}年${Number(month)}月${Number(day)}日`
}

/** The calendar date of an instant in China Standard Time (API.md §1: days are reckoned in UTC+8). */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

/**
 * How the report names its own territory: 全镇 for 团结镇, 全乡, 全苏木, 全旗 …; 辖区 when the
 * name ends in nothing it knows.
 */
export function wholeUnit(unitName: string): string {
  const suffix = /(苏木|街道|镇|乡|旗|县|区|市|盟|州)(人民政府|办事处)?$/.exec(unitName.trim())
  return suffix ? `全${suffix[1]}` : '辖区'
}
