import type { FastifyRequest } from 'fastify'
import { problem } from '../core/problems.js'

/** A representation a route offers: its `format` parameter value and its media type. */
export interface Offer<F extends string> {
  format: F
  mediaType: string
}

const essence = (mediaType: string) => mediaType.split(';')[0]!.trim().toLowerCase()

/** How closely a media range names a type: exact 3, `type/*` 2, `*\/*` 1, not at all 0. */
function specificity(range: string, type: string): number {
  if (range === type) return 3
  if (range.endsWith('/*') && range !== '*/*' && type.startsWith(range.slice(0, -1))) return 2
  return range === '*/*' ? 1 : 0
}

/**
 * The representation to answer with (RFC 9110 §12.5.1): an explicit `format` wins; else each offer
 * takes the quality of the most specific range that matches it (`text/markdown;q=0, *\/*` refuses
 * Markdown), and the best offer with a quality above 0 is chosen, ties in the order offered. No
 * Accept header takes the first offer. Nothing acceptable is a 406 naming what is offered.
 */
export function negotiate<F extends string>(request: FastifyRequest, offers: readonly Offer<F>[], format?: F): Offer<F> {
  if (format) return offers.find((o) => o.format === format)!
  const header = request.headers.accept
  if (!header) return offers[0]!
  const ranges = header.split(',').map((part) => {
    const [range, ...params] = part.split(';').map((p) => p.trim())
    const q = Number(params.find((p) => /^q=/i.test(p))?.slice(2) ?? '1')
    return { range: (range ?? '').toLowerCase(), q: Number.isFinite(q) ? q : 0 }
  })
  let best: { offer: Offer<F>; q: number } | undefined
  for (const offer of offers) {
    const type = essence(offer.mediaType)
    let match: { level: number; q: number } | undefined
    for (const { range, q } of ranges) {
      const level = specificity(range, type)
      if (level > 0 && (!match || level > match.level)) match = { level, q }
    }
    if (match && match.q > 0 && (!best || match.q > best.q)) best = { offer, q: match.q }
  }
  if (best) return best.offer
  throw problem('not-acceptable', `This route answers ${offers.map((o) => o.mediaType).join(' or ')} (or ?format=${offers.map((o) => o.format).join('|')}).`)
}
