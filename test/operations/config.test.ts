import t from 'tap'
import { ConfigError, loadConfig } from '../../src/config.js'

t.test('defaults', async (t) => {
  const config = loadConfig({})
  t.match(config, { port: 3000, host: '127.0.0.1', dataDir: './data', logLevel: 'info', rateLimitPerMinute: 1200, corsOrigins: [] })
  t.equal(config.databaseUrl, undefined)
})

t.test('every bad variable is named, all at once', async (t) => {
  const error = t.throws(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', RATE_LIMIT_PER_MINUTE: '0', DATABASE_URL: 'mysql://x', BOOTSTRAP_API_KEY: 'short' })) as ConfigError
  t.ok(error instanceof ConfigError)
  for (const name of ['PORT', 'LOG_LEVEL', 'RATE_LIMIT_PER_MINUTE', 'DATABASE_URL', 'BOOTSTRAP_API_KEY']) {
    t.ok(error.problems.some((p) => p.startsWith(`${name}:`)), `${name} is named`)
  }
})

t.test('CORS origins are a comma-separated list', async (t) => {
  t.same(loadConfig({ CORS_ORIGINS: 'https://a.gov.cn, https://b.gov.cn' }).corsOrigins, ['https://a.gov.cn', 'https://b.gov.cn'])
})

t.test('Redis and the unknown-key budget', async (t) => {
  t.match(loadConfig({}), { redisUrl: undefined, authFailuresPerMinute: 30 })
  t.match(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2', AUTH_FAILURES_PER_MINUTE: '5' }), { redisUrl: 'redis://127.0.0.1:6379/2', authFailuresPerMinute: 5 })
  const error = t.throws(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379', AUTH_FAILURES_PER_MINUTE: '0' })) as ConfigError
  for (const name of ['REDIS_URL', 'AUTH_FAILURES_PER_MINUTE']) t.ok(error.problems.some((p) => p.startsWith(`${name}:`)), `${name} is named`)
})
