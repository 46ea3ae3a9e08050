import type { FastifyInstance, FastifyRequest } from 'fastify'
import { findActiveKey, hashSecret } from '../db/api-keys.js'
import { hasScope, type Actor } from '../core/actor.js'
import type { Db } from '../db/client.js'
import { problem } from '../core/problems.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs; every route declares this or `public: true`. */
    scope?: string
    public?: boolean
  }
  interface FastifyRequest {
    actor: Actor
    /** Memo of `presentedKey`: undefined until first asked. */
    presented: PresentedKey | null | undefined
  }
}

export interface PresentedKey {
  secret: string
  /** What the key is stored and cached under; never the secret itself. */
  hash: string
}

const bearer = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/

/** The API key a request presents, hashed once however many hooks ask (rate limit, authentication). */
export function presentedKey(request: FastifyRequest): PresentedKey | null {
  if (request.presented === undefined) {
    const secret = bearer.exec(request.headers.authorization ?? '')?.[1]
    request.presented = secret ? { secret, hash: hashSecret(secret) } : null
  }
  return request.presented
}

/**
 * Looked-up keys are remembered for a few seconds: a warm key costs no database round trip, and
 * a revoked key stops working on every instance once its entry expires. Unknown keys are
 * remembered apart, in a smaller map of their own, so a flood of random keys never pushes a real
 * key out (it would then cost a lookup on every request).
 */
export class KeyCache {
  private readonly known = new Map<string, { actor: Actor; expires: number }>()
  private readonly unknown = new Map<string, number>()
  constructor(
    private readonly db: Db,
    readonly ttlMs = 5000,
    private readonly maxEntries = 10_000,
    private readonly maxUnknown = 1000,
  ) {}

  /** The remembered answer for a key: an actor, null (unknown or revoked), or undefined (not remembered). */
  cached({ hash }: PresentedKey): Actor | null | undefined {
    const now = Date.now()
    const hit = this.known.get(hash)
    if (hit && hit.expires > now) return hit.actor
    const miss = this.unknown.get(hash)
    return miss !== undefined && miss > now ? null : undefined
  }

  /** Asks the database, and remembers the answer. */
  async lookup({ hash }: PresentedKey): Promise<Actor | null> {
    const row = await findActiveKey(this.db, hash)
    const expires = Date.now() + this.ttlMs
    if (!row) {
      this.known.delete(hash)
      remember(this.unknown, hash, expires, this.maxUnknown)
      return null
    }
    const actor: Actor = { keyId: row.id, name: row.name, scopes: new Set(row.scopes), gridUnitId: row.gridUnitId }
    remember(this.known, hash, { actor, expires }, this.maxEntries)
    return actor
  }

  async resolve(key: PresentedKey): Promise<Actor | null> {
    const cached = this.cached(key)
    return cached !== undefined ? cached : this.lookup(key)
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key)
  if (map.size >= max) map.delete(map.keys().next().value!)
  map.set(key, value)
}

/** Bounds the database lookups of keys that turn out unknown (per client address; `rate-limit.ts`). */
export interface LookupGuard {
  beforeLookup(request: FastifyRequest): Promise<void>
  failed(request: FastifyRequest): Promise<void>
}

export function registerAuth(app: FastifyInstance, keys: KeyCache, guard?: LookupGuard): void {
  app.decorateRequest('actor', null as unknown as Actor)
  app.decorateRequest('presented', undefined)
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config
    if (request.routeOptions.url === undefined || config.public) return
    if (!config.scope) throw problem('forbidden', 'This route declares no scope and is closed.')
    const key = presentedKey(request)
    const challenge = { headers: { 'www-authenticate': 'Bearer realm="fazhi-api"' } }
    if (!key) throw problem('unauthorized', 'Send an API key as `Authorization: Bearer <key>`.', challenge)
    let actor = keys.cached(key)
    if (actor === undefined) {
      await guard?.beforeLookup(request)
      actor = await keys.lookup(key)
      if (!actor) await guard?.failed(request)
    }
    if (!actor) throw problem('unauthorized', 'The API key is unknown or revoked.', challenge)
    if (!hasScope(actor, config.scope)) throw problem('forbidden', `The API key lacks the scope ${config.scope}.`)
    request.actor = actor
  })
}
