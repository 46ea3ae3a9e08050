import type { FastifyInstance, InjectOptions } from 'fastify'
import type { Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { createApiKey } from '../../src/db/api-keys.js'
import { loadConfig, type Config } from '../../src/config.js'
import type { Database } from '../../src/db/client.js'
import { freshDatabase } from './database.js'

export interface Response {
  status: number
  headers: Record<string, string | string[] | number | undefined>
  body: any
  text: string
}

export interface Client {
  request(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  get(url: string, headers?: Record<string, string>): Promise<Response>
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<Response>
  patch(url: string, body: unknown, headers?: Record<string, string>): Promise<Response>
  delete(url: string, headers?: Record<string, string>): Promise<Response>
}

/** Requests through app.inject with an API key (or none), answers parsed when they are JSON. */
export function clientFor(app: FastifyInstance, key?: string): Client {
  const request: Client['request'] = async (method, url, body, headers = {}) => {
    const all: Record<string, string> = { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers }
    if (body !== undefined && !Object.keys(all).some((h) => h.toLowerCase() === 'content-type')) all['content-type'] = 'application/json'
    const res = await app.inject({ method, url, headers: all, ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}) })
    let parsed: unknown = undefined
    if (/json/.test(String(res.headers['content-type'] ?? '')) && res.body) parsed = JSON.parse(res.body)
    return { status: res.statusCode, headers: res.headers, body: parsed, text: res.body }
  }
  return clientFrom(request)
}

/** The method shorthands over one request function (inject here, a real socket elsewhere). */
export function clientFrom(request: Client['request']): Client {
  return {
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body, headers),
    patch: (url, body, headers) => request('PATCH', url, body, headers),
    delete: (url, headers) => request('DELETE', url, undefined, headers),
  }
}

export interface TestApp {
  app: FastifyInstance
  database: Database
  url: string | undefined
  adminKey: string
  /** A client with the admin key. */
  admin: Client
  /** A new API key with these scopes (and jurisdiction) and a client for it. */
  keyWith(scopes: string[], gridUnitId?: string | null, name?: string): Promise<Client & { secret: string }>
}

/** A service on a fresh database of this test file's own; closed and dropped at teardown. */
export async function buildTestApp(t: Test, options: { config?: Partial<Config>; keyCacheTtlMs?: number; poolSize?: number; statementTimeoutMs?: number; logStream?: NodeJS.WritableStream } = {}): Promise<TestApp> {
  const fresh = await freshDatabase(options)
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), ...options.config }
  const app = await buildApp(config, { database: fresh.database, keyCacheTtlMs: options.keyCacheTtlMs, logStream: options.logStream })
  t.teardown(async () => {
    await app.close()
    await fresh.drop()
  })
  const { secret: adminKey } = await createApiKey(fresh.database.db, { name: 'test-admin', scopes: ['admin'] })
  let n = 0
  return {
    app,
    database: fresh.database,
    url: fresh.url,
    adminKey,
    admin: clientFor(app, adminKey),
    async keyWith(scopes, gridUnitId = null, name = `test-key-${++n}`) {
      const { secret } = await createApiKey(fresh.database.db, { name, scopes, gridUnitId })
      return Object.assign(clientFor(app, secret), { secret })
    },
  }
}

/** Asserts an RFC 9457 answer: status, media type and the problem slug. */
export function assertProblem(t: Test, res: Response, status: number, slug: string, message?: string): void {
  t.equal(res.status, status, message ?? `status ${status} ${slug}`)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/, 'problem+json media type')
  t.equal(res.body?.type?.split('/problems/')[1], slug, `problem slug ${slug}`)
  t.equal(res.body?.status, status, 'status repeated in the body')
  t.type(res.body?.requestId, 'string', 'requestId in the body')
}
