import { createHash, randomBytes } from 'node:crypto'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Database, Db } from './client.js'
import { SETUP_LOCK } from './migrate.js'
import { apiKeys } from './schema/index.js'

export type ApiKeyRow = typeof apiKeys.$inferSelect

/** 32 random bytes, base64url: the secret is shown once and only its SHA-256 is stored. */
export const generateSecret = () => `fz_${randomBytes(32).toString('base64url')}`
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex')

export async function createApiKey(
  db: Db,
  input: { name: string; scopes: string[]; gridUnitId?: string | null; secret?: string },
): Promise<{ key: ApiKeyRow; secret: string }> {
  const secret = input.secret ?? generateSecret()
  const [key] = await db
    .insert(apiKeys)
    .values({ name: input.name, scopes: input.scopes, gridUnitId: input.gridUnitId ?? null, keyHash: hashSecret(secret) })
    .returning()
  return { key: key!, secret }
}

export const listApiKeys = (db: Db) => db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt))

export async function revokeApiKey(db: Db, idOrName: string): Promise<ApiKeyRow[]> {
  const byId = /^[0-9a-f-]{36}$/i.test(idOrName) ? eq(apiKeys.id, idOrName) : eq(apiKeys.name, idOrName)
  return db.update(apiKeys).set({ revokedAt: new Date() }).where(and(byId, isNull(apiKeys.revokedAt))).returning()
}

/** Removes a key altogether (a key made for one run of a command, never handed out). */
export async function deleteApiKey(db: Db, id: string): Promise<void> {
  await db.delete(apiKeys).where(eq(apiKeys.id, id))
}

/** The live key whose secret hashes to `keyHash` (see `hashSecret`). */
export async function findActiveKey(db: Db, keyHash: string): Promise<ApiKeyRow | undefined> {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
  return key
}

/**
 * A database with no key at all gets one admin key: BOOTSTRAP_API_KEY when given, else a random
 * one that is returned (to be printed once). Serialised with migrations, so two instances starting
 * together create one key.
 */
export async function ensureBootstrapKey(database: Database, configured: string | undefined): Promise<string | undefined> {
  return database.withSession(async (session) => {
    await session.execute(sql`SELECT pg_advisory_lock(${SETUP_LOCK})`)
    try {
      const [existing] = await session.select({ id: apiKeys.id }).from(apiKeys).limit(1)
      if (existing) return undefined
      const { secret } = await createApiKey(session, { name: 'bootstrap-admin', scopes: ['admin'], secret: configured })
      return configured ? undefined : secret
    } finally {
      await session.execute(sql`SELECT pg_advisory_unlock(${SETUP_LOCK})`)
    }
  })
}
