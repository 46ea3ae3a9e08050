import type { RuleViolation } from './problems.js'

/** A status graph: each status and the statuses it may move to; a status with none is final. */
export type Transitions<S extends string = string> = Readonly<Record<S, readonly S[]>>

/** `a, b and c`: a list as English prose. */
export function prose(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/**
 * The graph as the contract writes it: `draft → under_review | withdrawn; …; adopted and withdrawn
 * are final`. Descriptions are generated from the graph the service enforces, so they cannot drift.
 */
export function describeTransitions(transitions: Transitions): string {
  const entries = Object.entries(transitions) as [string, readonly string[]][]
  const moves = entries.filter(([, to]) => to.length > 0).map(([from, to]) => `${from} → ${to.join(' | ')}`)
  const finals = entries.filter(([, to]) => to.length === 0).map(([from]) => from)
  const last = finals.length === 0 ? [] : [`${prose(finals)} ${finals.length === 1 ? 'is' : 'are'} final`]
  return [...moves, ...last].join('; ')
}

/** `status-transition`: the move from `from` to `to` is not an edge of the graph. */
export function transitionViolation(transitions: Transitions, noun: string, from: string, to: string): RuleViolation | undefined {
  if (from === to) return undefined
  const allowed = transitions[from] ?? []
  if (allowed.includes(to)) return undefined
  return {
    rule: 'status-transition',
    pointer: '/status',
    message: `a ${noun} cannot move from ${from} to ${to}` + (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ` (${from} is final)`),
  }
}
