/** Who is calling: the API key behind the request. */
export interface Actor {
  keyId: string
  name: string
  scopes: ReadonlySet<string>
  /** The root of the key's jurisdiction; null for a key that sees every unit. */
  gridUnitId: string | null
}

export const hasScope = (actor: Actor, scope: string) => actor.scopes.has('admin') || actor.scopes.has(scope)

/** What a write needs to know besides its input: who, which request, and its idempotency key. */
export interface WriteContext {
  actor: Actor
  requestId: string
  idempotency?: { key: string; requestHash: string } | undefined
}
