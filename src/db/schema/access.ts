import { sql } from 'drizzle-orm'
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { instant } from './columns.js'
import { gridUnits } from './grid-units.js'

/** API keys: only the SHA-256 of the secret is kept; the secret is shown once at creation. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    name: text().notNull(),
    keyHash: text().notNull(),
    scopes: text().array().notNull(),
    gridUnitId: uuid().references(() => gridUnits.id),
    createdAt: instant().notNull().defaultNow(),
    revokedAt: instant(),
  },
  (t) => [uniqueIndex('api_keys_key_hash_key').on(t.keyHash)],
)

/** Idempotency-Key records, per API key; the claim row is written in the create's own transaction. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    apiKeyId: uuid().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    statusCode: integer().notNull(),
    body: jsonb().notNull(),
    createdAt: instant().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
)

/**
 * The audit trail and change feed. `seq` stays null until the event's transaction has committed
 * and a reader numbers it (see sequencePendingEvents), so the feed never skips one.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    seq: bigint({ mode: 'number' }),
    occurredAt: instant().notNull().defaultNow(),
    actor: text().notNull(),
    requestId: text().notNull(),
    action: text().notNull(),
    resourceType: text().notNull(),
    resourceId: uuid().notNull(),
    version: integer().notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    uniqueIndex('audit_events_seq_key').on(t.seq),
    index('audit_events_unsequenced_idx').on(t.id).where(sql`seq IS NULL`),
    index('audit_events_resource_idx').on(t.resourceId, t.seq),
    index('audit_events_type_idx').on(t.resourceType, t.seq),
  ],
)
