// Entity tags are the record version (RFC 9110 §8.8.3): `"3"`. Weak comparison is used for
// If-None-Match and strong for If-Match, as RFC 9110 §13.1.1–2 require; versions are never weak.

export const etagOf = (version: number) => `"${version}"`

function tags(header: string): string[] {
  return header.split(',').map((t) => t.trim()).filter(Boolean)
}

/** True when an If-None-Match header matches the version (the client's copy is current). */
export function noneMatchHits(header: string | undefined, version: number): boolean {
  if (!header) return false
  return tags(header).some((t) => t === '*' || t.replace(/^W\//, '') === etagOf(version))
}

/** The versions an If-Match header accepts; `undefined` when absent, `'any'` for `*`. */
export type IfMatch = number[] | 'any' | undefined

export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined) return undefined
  const list = tags(header)
  if (list.includes('*')) return 'any'
  // A weak or malformed tag never matches strongly: it yields no version, hence 412.
  return list.map((t) => /^"(\d{1,9})"$/.exec(t)?.[1]).filter((v): v is string => v !== undefined).map(Number)
}

export function ifMatchHolds(expected: IfMatch, version: number): boolean {
  return expected === undefined || expected === 'any' || expected.includes(version)
}
