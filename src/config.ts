import { Ajv } from 'ajv'
import { Type, type Static } from 'typebox'

// The only reader of process.env: every setting is named, typed and checked here, once, at start.
const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1200 }),
  AUTH_FAILURES_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 30 }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  CORS_ORIGINS: Type.Optional(Type.String()),
  BOOTSTRAP_API_KEY: Type.Optional(Type.String({ minLength: 32, maxLength: 256, pattern: '^[A-Za-z0-9_-]+$' })),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  DB_CONNECT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 2000 }),
  DB_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 10_000 }),
})

export type RawConfig = Static<typeof ConfigSchema>

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  logLevel: RawConfig['LOG_LEVEL']
  rateLimitPerMinute: number
  /** Unknown API keys one client address may present per minute before it is answered 429. */
  authFailuresPerMinute: number
  /** Where rate-limit counts are shared by every instance; per instance without it. */
  redisUrl: string | undefined
  corsOrigins: string[]
  bootstrapApiKey: string | undefined
  dbPoolSize: number
  dbConnectTimeoutMs: number
  dbStatementTimeoutMs: number
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`)
    this.name = 'ConfigError'
  }
}

// Checked with ajv, the service's validator, which fills the defaults in place: TypeBox's own
// compiler would load its value library (about 5 MiB resident) for this one check at start.
const check = new Ajv({ useDefaults: true, allErrors: true, strict: true }).compile(ConfigSchema)
const integerKeys = new Set(['PORT', 'RATE_LIMIT_PER_MINUTE', 'AUTH_FAILURES_PER_MINUTE', 'DB_POOL_SIZE', 'DB_CONNECT_TIMEOUT_MS', 'DB_STATEMENT_TIMEOUT_MS'])

/** Reads and validates the environment; throws ConfigError listing every bad variable by name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {}
  const problems: string[] = []
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key]
    if (value === undefined || value === '') continue
    if (integerKeys.has(key)) {
      if (!/^-?\d+$/.test(value.trim())) {
        problems.push(`${key}: must be an integer, got ${JSON.stringify(value)}`)
        continue
      }
      raw[key] = Number(value)
    } else raw[key] = value
  }
  const withDefaults = { ...raw }
  check(withDefaults)
  for (const error of check.errors ?? []) {
    const name = error.instancePath.replace(/^\//, '') || String(error.params.missingProperty ?? '')
    const allowed = error.keyword === 'enum' ? ` (${(error.params.allowedValues as string[]).join(', ')})` : ''
    const message = `${name}: ${error.message}${allowed}`
    if (!problems.includes(message)) problems.push(message)
  }
  if (problems.length > 0) throw new ConfigError(problems)
  const c = withDefaults as RawConfig
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    logLevel: c.LOG_LEVEL,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: c.AUTH_FAILURES_PER_MINUTE,
    redisUrl: c.REDIS_URL,
    corsOrigins: (c.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    bootstrapApiKey: c.BOOTSTRAP_API_KEY,
    dbPoolSize: c.DB_POOL_SIZE,
    dbConnectTimeoutMs: c.DB_CONNECT_TIMEOUT_MS,
    dbStatementTimeoutMs: c.DB_STATEMENT_TIMEOUT_MS,
  }
}
