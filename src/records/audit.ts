import type { WriteContext } from '../core/actor.js'
import { queryRows, type Tx } from '../db/client.js'
import { tableRows } from '../db/statements.js'
import { auditEvents } from '../db/schema/index.js'

const auditRows = tableRows(auditEvents, { id: auditEvents.id })

export type AuditAction = 'created' | 'updated' | 'deleted'

/** One audit event, written in the transaction of the change it records. */
export async function recordAudit(
  tx: Tx,
  ctx: WriteContext,
  event: { action: AuditAction; resourceType: string; resourceId: string; version: number; before: unknown; after: unknown },
): Promise<void> {
  await queryRows(tx, auditRows.insert({
    actor: ctx.actor.name,
    requestId: ctx.requestId,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    version: event.version,
    before: event.before ?? null,
    after: event.after ?? null,
  }))
}
