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
 * a revoked key stops working on every instance once its entry expires.
 */
export class KeyCache {
  private readonly entries = new Map<string, { actor: Actor | null; expires: number }>()
  constructor(
    private readonly db: Db,
    readonly ttlMs = 5000,
    private readonly maxEntries = 10_000,
  ) {}

  async resolve({ hash }: PresentedKey): Promise<Actor | null> {
    const now = Date.now()
    const hit = this.entries.get(hash)
    if (hit && hit.expires > now) return hit.actor
    const row = await findActiveKey(this.db, hash)
    const actor: Actor | null = row
      ? { keyId: row.id, name: row.name, scopes: new Set(row.scopes), gridUnitId: row.gridUnitId }
      : null
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(hash, { actor, expires: now + this.ttlMs })
    return actor
  }
}

export function registerAuth(app: FastifyInstance, keys: KeyCache): void {
  app.decorateRequest('actor', null as unknown as Actor)
  app.decorateRequest('presented', undefined)
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config
    if (request.routeOptions.url === undefined || config.public) return
    if (!config.scope) throw problem('forbidden', 'This route declares no scope and is closed.')
    const key = presentedKey(request)
    const challenge = { headers: { 'www-authenticate': 'Bearer realm="fazhi-api"' } }
    if (!key) throw problem('unauthorized', 'Send an API key as `Authorization: Bearer <key>`.', challenge)
    const actor = await keys.resolve(key)
    if (!actor) throw problem('unauthorized', 'The API key is unknown or revoked.', challenge)
    if (!hasScope(actor, config.scope)) throw problem('forbidden', `The API key lacks the scope ${config.scope}.`)
    request.actor = actor
  })
}
