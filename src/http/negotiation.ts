import type { FastifyRequest } from 'fastify'
import { problem } from '../core/problems.js'

/** A representation a route offers: its `format` parameter value and its media type. */
export interface Offer<F extends string> {
  format: F
  mediaType: string
}

const essence = (mediaType: string) => mediaType.split(';')[0]!.trim().toLowerCase()

/**
 * The representation to answer with (RFC 9110 §12.5.1): an explicit `format` wins; else the
 * acceptable media type of highest quality that is offered; `*\/*`, `type/*` or no Accept header
 * take the first offer. Nothing acceptable is a 406 naming what is offered.
 */
export function negotiate<F extends string>(request: FastifyRequest, offers: readonly Offer<F>[], format?: F): Offer<F> {
  if (format) return offers.find((o) => o.format === format)!
  const header = request.headers.accept
  if (!header) return offers[0]!
  const ranges = header
    .split(',')
    .map((part) => {
      const [range, ...params] = part.split(';').map((p) => p.trim())
      const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? '1')
      return { range: (range ?? '').toLowerCase(), q: Number.isFinite(q) ? q : 0 }
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { range } of ranges) {
    const found = offers.find((o) => {
      const type = essence(o.mediaType)
      return range === '*/*' || range === type || (range.endsWith('/*') && type.startsWith(range.slice(0, -1)))
    })
    if (found) return found
  }
  throw problem('not-acceptable', `This route answers ${offers.map((o) => o.mediaType).join(' or ')} (or ?format=${offers.map((o) => o.format).join('|')}).`)
}
