import { and, eq, lt, sql } from 'drizzle-orm'
import { problem } from '../core/problems.js'
import type { Db, Executor, Tx } from './client.js'
import { idempotencyKeys } from './schema/index.js'

export const IDEMPOTENCY_TTL_HOURS = 24

/**
 * Claims an Idempotency-Key inside the create's own transaction. The primary key makes a second
 * request with the same key wait until the first commits (then it replays the stored answer) or
 * rolls back (then it proceeds), so two concurrent retries create one record. A claim older than
 * the retention window is taken over as new.
 * Returns the stored response body to replay, or undefined when this request owns the key.
 */
export async function claimIdempotencyKey(tx: Tx, apiKeyId: string, key: string, hash: string): Promise<unknown> {
  const claimed = await tx
    .insert(idempotencyKeys)
    // JSON null, not SQL NULL: the column is NOT NULL and the answer is stored once the create succeeds.
    .values({ apiKeyId, key, requestHash: hash, statusCode: 0, body: sql`'null'::jsonb` })
    .onConflictDoUpdate({
      target: [idempotencyKeys.apiKeyId, idempotencyKeys.key],
      set: { requestHash: hash, statusCode: 0, body: sql`'null'::jsonb`, createdAt: sql`now()` },
      setWhere: sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`,
    })
    .returning({ key: idempotencyKeys.key })
  if (claimed.length > 0) return undefined
  return storedResponse(tx, apiKeyId, key, hash)
}

export async function storeIdempotentResponse(tx: Tx, apiKeyId: string, key: string, statusCode: number, body: unknown) {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode, body })
    .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)))
}

export async function purgeExpiredIdempotencyKeys(db: Db): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`))
}

/** The answer stored under a key another request claimed (it has committed); 422 when that request was another. */
export async function storedResponse(db: Executor, apiKeyId: string, key: string, hash: string): Promise<unknown> {
  const [stored] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)))
  if (!stored) throw problem('service-unavailable', 'The idempotency record could not be read; retry.')
  if (stored.requestHash !== hash) throw problem('idempotency-key-reused', `Idempotency-Key ${JSON.stringify(key)} was used for a different request.`)
  return stored.body
}
