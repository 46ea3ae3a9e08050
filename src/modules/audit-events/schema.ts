import { Type, type Static } from 'typebox'
import { DateTime, StringEnum, Uuid, UuidFilter } from '../../core/schemas.js'
import { collectionLabels, collections } from '../index.js'

// A position is exact in a double (seq is answered as a JSON integer), so the text form stops at 2^53 − 1.
const Seq = Type.String({
  pattern: '^(0|[1-9][0-9]{0,15})$',
  format: 'safe-integer',
  description: 'Feed position: a decimal integer 0..9007199254740991 as text, no sign or leading zeros.',
  examples: ['1024'],
})

const auditEventExample = {
  seq: 1024,
  occurredAt: '2025-06-03T02:15:00.000Z',
  actor: '团结镇综治中心',
  requestId: 'b7e4c2a0-1f3d-4c5e-8a9b-0c1d2e3f4a5b',
  action: 'updated',
  resourceType: 'disputes',
  resourceId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  version: 2,
  before: { status: 'reported' },
  after: { status: 'mediating' },
}

export const AuditEvent = Type.Object(
  {
    seq: Type.Integer({ minimum: 1, description: 'Position in the feed; increasing, never reused.' }),
    occurredAt: DateTime(),
    actor: Type.String({ description: 'Name of the API key that made the change.' }),
    requestId: Type.String(),
    action: StringEnum(['created', 'updated', 'deleted'], { created: '新建', updated: '修改', deleted: '删除' }),
    resourceType: StringEnum(collections, collectionLabels, { description: 'The collection of the record' }),
    resourceId: Uuid(),
    version: Type.Integer({ minimum: 1, description: 'The record version this change produced.' }),
    before: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], { description: 'The record before the change (personal data as stored); null on create.' }),
    after: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], { description: 'The record after the change; null on delete.' }),
  },
  {
    $id: 'AuditEvent',
    additionalProperties: false,
    description: '审计事件 one create, change or delete of a record, with the record before and after it.',
    examples: [auditEventExample],
  },
)

export const AuditEventList = Type.Object(
  {
    items: Type.Array(Type.Ref('AuditEvent')),
    nextCursor: { ...Seq, description: 'Never null: pass it as `after` to get only later events (an empty page keeps the cursor).' },
  },
  {
    $id: 'AuditEventList',
    additionalProperties: false,
    description: 'A page of the feed and the position to continue from.',
    examples: [{ items: [auditEventExample], nextCursor: '1024' }],
  },
)

export const AuditEventQuery = Type.Object(
  {
    after: Type.Optional({ ...Seq, description: 'Only events after this feed position (`nextCursor` of the previous call); default 0.' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100, description: 'Events per call, 1..1000.' })),
    resourceType: Type.Optional(StringEnum(collections, collectionLabels, { description: 'Only events of this collection' })),
    resourceId: Type.Optional(UuidFilter('Only events of this record.')),
  },
  { additionalProperties: false },
)
export type AuditEventQuery = Static<typeof AuditEventQuery>

export const auditSchemas = [AuditEvent, AuditEventList]
