import { once } from 'node:events'
import { createRequire } from 'node:module'
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import type { Redis } from 'ioredis'
import { Counter, Gauge, type Registry } from 'prom-client'
import type { Config } from '../config.js'
import { presentedKey, type LookupGuard } from './auth.js'
import { problem } from '../core/problems.js'

// Request budgets, counted by @fastify/rate-limit: per instance in its own memory, or with
// REDIS_URL in Redis through the plugin's own Redis store, so one key's budget holds across every
// instance. An unreachable Redis never refuses a request (skipOnError): the limiter is a guard
// against floods, not a dependency of every answer; the fault is logged once per incident and
// shown on /metrics (docs/security.md says why).

const WINDOW_MS = 60_000
const NAMESPACE = 'fazhi-api:rate-limit:'
/** A Redis that answers slower than this is treated as down for that request. */
const REDIS_COMMAND_TIMEOUT_MS = 500
const REDIS_CONNECT_TIMEOUT_MS = 2000

// The plugin's Redis store is not in its typed exports; it is the one the `redis` option builds.
type StoreInner = FastifyRateLimitStore & { read?: FastifyRateLimitStore['incr'] }
const RedisStore = createRequire(import.meta.url)('@fastify/rate-limit/store/RedisStore.js') as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: Redis,
  key: string,
) => StoreInner

/** Whether the shared store answers: one log line when it stops and one when it is back. */
class StoreHealth {
  private up = true
  readonly uncounted: Counter
  private readonly gauge: Gauge

  constructor(
    private readonly log: FastifyInstance['log'],
    registry: Registry,
  ) {
    this.gauge = new Gauge({ name: 'rate_limit_store_up', help: 'Whether the shared rate-limit store (Redis) answers: 1 yes, 0 no', registers: [registry] })
    this.gauge.set(1)
    this.uncounted = new Counter({
      name: 'rate_limit_store_errors_total',
      help: 'Requests served without being counted because the shared rate-limit store (Redis) did not answer',
      registers: [registry],
    })
  }

  down(error: Error): void {
    if (!this.up) return
    this.up = false
    this.gauge.set(0)
    this.log.error({ err: error }, 'rate-limit store (Redis) unreachable: requests are served without being counted until it is back')
  }

  back(): void {
    if (this.up) return
    this.up = true
    this.gauge.set(1)
    this.log.warn('rate-limit store (Redis) reachable again: requests are counted again')
  }
}

/** The plugin's Redis store, with each answer (or its absence) reported to `health`. */
function observedRedisStore(redis: Redis, health: StoreHealth): FastifyRateLimitStoreCtor {
  const observe = (inner: StoreInner): FastifyRateLimitStore & { read: FastifyRateLimitStore['incr'] } => {
    const report = (callback: Parameters<FastifyRateLimitStore['incr']>[1]): typeof callback => (error, result) => {
      if (error) {
        health.uncounted.inc()
        health.down(error)
      } else health.back()
      callback(error, result)
    }
    return {
      incr: (key, callback, timeWindow, max) => inner.incr(key, report(callback), timeWindow, max),
      read: (key, callback, timeWindow, max) => inner.read!(key, report(callback), timeWindow, max),
      // A limiter made by createRateLimit has no route: its keys then start with the namespace alone.
      child: (routeOptions) => {
        const routeInfo = (routeOptions as { routeInfo?: { method?: string; url?: string } }).routeInfo ?? {}
        return observe(inner.child({ ...routeOptions, routeInfo: { method: routeInfo.method ?? '', url: routeInfo.url ?? '' } } as never) as StoreInner)
      },
    }
  }
  return class {
    constructor(params: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      return observe(new RedisStore(params.continueExceeding ?? false, params.exponentialBackoff ?? false, redis, NAMESPACE))
    }
  } as unknown as FastifyRateLimitStoreCtor
}

async function connectRedis(url: string, health: StoreHealth): Promise<Redis> {
  // Loaded only when a Redis is configured: an instance counting in its own memory never needs it.
  const { Redis: RedisClient } = await import('ioredis')
  const redis = new RedisClient(url, {
    // Fail at once while disconnected, instead of queueing a request's count until Redis is back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    // Reconnect for as long as the service runs, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  })
  // ioredis reports every failed reconnection; the incident is logged once, by `health`.
  redis.on('error', (error: Error) => health.down(error))
  redis.on('ready', () => health.back())
  // With Redis up, counting starts with the first request; with it down, the start goes on (its
  // 'error' has said so once) and the client keeps connecting in the background.
  const ready = once(redis, 'ready').catch(() => {})
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, REDIS_CONNECT_TIMEOUT_MS).unref())])
  return redis
}

/** Registers the request budgets; answers the guard that bounds unknown-key lookups per client address. */
export async function registerRateLimits(app: FastifyInstance, config: Config, registry: Registry): Promise<LookupGuard> {
  let store: FastifyRateLimitStoreCtor | undefined
  if (config.redisUrl) {
    const health = new StoreHealth(app.log, registry)
    const redis = await connectRedis(config.redisUrl, health)
    store = observedRedisStore(redis, health)
    app.addHook('onClose', async () => redis.disconnect())
  }
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: WINDOW_MS,
    ...(store ? { store } : {}),
    skipOnError: true,
    // Per API key (its hash, never the key itself); callers without one are counted by address.
    keyGenerator: (request) => {
      const key = presentedKey(request)
      return key ? `key:${key.hash}` : `ip:${request.ip}`
    },
    allowList: (request) => request.routeOptions.config.public === true,
    errorResponseBuilder: (_request, context) => problem('rate-limited', `More than ${context.max} requests in a minute; retry after ${context.after}.`),
  })
  // Unknown keys are counted per address, not per key: each random key would otherwise have a
  // budget of its own and cost one database lookup.
  const failures = app.createRateLimit({ max: config.authFailuresPerMinute, timeWindow: WINDOW_MS, keyGenerator: (request) => `auth-failures:${request.ip}` })
  return {
    async beforeLookup(request) {
      const state = await failures(request, { increment: false })
      if (!state.isAllowed && state.remaining === 0) {
        throw problem('rate-limited', `More than ${state.max} unknown API keys from this address in a minute; retry after ${state.ttlInSeconds} s.`, {
          headers: { 'retry-after': String(Math.max(1, state.ttlInSeconds)) },
        })
      }
    },
    async failed(request) {
      await failures(request)
    },
  }
}
