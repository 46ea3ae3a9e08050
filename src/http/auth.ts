import type { FastifyInstance } from 'fastify'
import { findActiveKey, hashSecret } from '../access/api-keys.js'
import { hasScope, type Actor } from '../access/actor.js'
import type { Db } from '../db/client.js'
import { problem } from './problems.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs; every route declares this or `public: true`. */
    scope?: string
    public?: boolean
  }
  interface FastifyRequest {
    actor: Actor
  }
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

  async resolve(secret: string): Promise<Actor | null> {
    const hash = hashSecret(secret)
    const now = Date.now()
    const hit = this.entries.get(hash)
    if (hit && hit.expires > now) return hit.actor
    const row = await findActiveKey(this.db, secret)
    const actor: Actor | null = row
      ? { keyId: row.id, name: row.name, scopes: new Set(row.scopes), gridUnitId: row.gridUnitId }
      : null
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(hash, { actor, expires: now + this.ttlMs })
    return actor
  }
}

const bearer = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/

export function registerAuth(app: FastifyInstance, keys: KeyCache): void {
  app.decorateRequest('actor', null as unknown as Actor)
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config
    if (request.routeOptions.url === undefined || config.public) return
    if (!config.scope) throw problem('forbidden', 'This route declares no scope and is closed.')
    const match = bearer.exec(request.headers.authorization ?? '')
    const challenge = { headers: { 'www-authenticate': 'Bearer realm="fazhi-api"' } }
    if (!match) throw problem('unauthorized', 'Send an API key as `Authorization: Bearer <key>`.', challenge)
    const actor = await keys.resolve(match[1]!)
    if (!actor) throw problem('unauthorized', 'The API key is unknown or revoked.', challenge)
    if (!hasScope(actor, config.scope)) throw problem('forbidden', `The API key lacks the scope ${config.scope}.`)
    request.actor = actor
  })
}
