import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type, type TObject } from 'typebox'
import { hasScope, type Collection, type WriteContext } from '../core/actor.js'
import type { CommonListQuery, Doc, ModuleContext, RecordService } from '../records/record-service.js'
import { requestHash } from '../records/idempotency.js'
import { etagOf, noneMatchHits, parseIfMatch } from '../core/etag.js'
import { piiMasker } from '../core/pii.js'
import { commonProblems, problemResponses } from './responses.js'
import { IdParams, idOf } from '../core/schemas.js'

export interface RecordRoutesOptions {
  collection: Collection
  tag: string
  /** `Dispute` / `Disputes`: operationIds are listDisputes, getDispute, createDispute, updateDispute, deleteDispute. */
  one: string
  many: string
  /** Chinese name for summaries: 矛盾纠纷. */
  label: string
  schemas: { record: TObject; create: TObject; update: TObject; list: TObject; query: TObject }
  service: RecordService
  /** Extra description per operation: the resource's rules, filters, sorts. */
  notes?: Partial<Record<'list' | 'create' | 'get' | 'update' | 'delete', string>>
}

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$', description: 'Retry-safe key: a repeat with the same key and body replays the first answer (kept 24 h, per API key).' }),
  ),
})
const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ maxLength: 200, description: 'ETag of the version the change is based on; a stale one answers 412.' })),
})
const IfNoneMatchHeaders = Type.Object({
  'if-none-match': Type.Optional(Type.String({ maxLength: 200, description: 'ETag the caller holds; when current, the answer is 304 with no body.' })),
})

export function writeContext(request: FastifyRequest, body?: unknown): WriteContext {
  const key = request.method === 'POST' ? (request.headers['idempotency-key'] as string | undefined) : undefined
  return {
    actor: request.actor,
    requestId: request.id,
    idempotency: key ? { key, requestHash: requestHash(request.method, request.routeOptions.url ?? '', body) } : undefined,
  }
}

/** The five routes every record collection has, wired to its service, with one way of doing each. */
export function registerRecordRoutes(app: FastifyInstance, ctx: ModuleContext, o: RecordRoutesOptions): void {
  const base = `/v1/${o.collection}`
  const mask = piiMasker(o.schemas.record, ctx.resolve)
  const present = <T>(request: FastifyRequest, record: T): T => (hasScope(request.actor, 'pii:read') ? record : mask(record))
  const ref = (schema: TObject, description: string) => ({ ...Type.Ref(idOf(schema)), description })
  const read = `${o.collection}:read`
  const write = `${o.collection}:write`
  const tags = [o.tag]
  const noun = o.one.replace(/(?!^)([A-Z])/g, ' $1').toLowerCase()
  const nouns = o.many.replace(/(?!^)([A-Z])/g, ' $1').toLowerCase()
  const note = (k: keyof NonNullable<RecordRoutesOptions['notes']>) => (o.notes?.[k] ? `\n\n${o.notes[k]}` : '')

  app.get(base, {
    config: { scope: read },
    schema: {
      operationId: `list${o.many}`,
      tags,
      summary: `List ${nouns} (${o.label}列表)`,
      description: `Keyset-paged list, newest first by default, limited to the key’s jurisdiction. Needs \`${read}\`.${note('list')}`,
      querystring: o.schemas.query,
      response: { 200: ref(o.schemas.list, 'One page and the cursor of the next.'), ...problemResponses(400, ...commonProblems) },
    },
    handler: async (request) => {
      const page = await o.service.list(request.actor, request.query as CommonListQuery)
      return { items: page.items.map((r) => present(request, r)), nextCursor: page.nextCursor }
    },
  })

  app.post(base, {
    config: { scope: write },
    schema: {
      operationId: `create${o.one}`,
      tags,
      summary: `Create a ${noun} (新建${o.label})`,
      description: `Creates the record and its audit event in one transaction. \`status\` may name a later status; the record must then meet every rule of it. Needs \`${write}\`.${note('create')}`,
      headers: IdempotencyHeaders,
      body: Type.Ref(idOf(o.schemas.create)),
      response: {
        201: {
          ...ref(o.schemas.record, 'Created (or, with `Idempotency-Replayed: true`, the first answer replayed).'),
          headers: {
            Location: { type: 'string', description: 'Path of the new record.' },
            ETag: { type: 'string', description: 'Version of the record: `"1"`.' },
            'Idempotency-Replayed': { type: 'string', enum: ['true'], description: 'Present when this is a replay of the first answer.' },
          },
        },
        ...problemResponses(400, 409, 413, 415, 422, ...commonProblems),
      },
    },
    handler: async (request, reply) => {
      const { record, replayed } = await o.service.create(writeContext(request, request.body), request.body as Doc)
      if (replayed) reply.header('idempotency-replayed', 'true')
      return reply.code(201).header('location', `${base}/${record.id}`).header('etag', etagOf(record.version)).send(present(request, record))
    },
  })

  app.get(`${base}/:id`, {
    config: { scope: read },
    schema: {
      operationId: `get${o.one}`,
      tags,
      summary: `Get one ${noun} (${o.label}详情)`,
      description: `Answers with \`ETag\`; \`If-None-Match\` with the current ETag answers 304. Needs \`${read}\`.${note('get')}`,
      params: IdParams,
      headers: IfNoneMatchHeaders,
      response: { 200: { ...ref(o.schemas.record, 'The record.'), headers: { ETag: { type: 'string', description: 'Version of the record.' } } }, 304: { description: 'Not modified: the caller’s copy is current.', type: 'null' }, ...problemResponses(400, 404, ...commonProblems) },
    },
    handler: async (request, reply) => {
      const record = await o.service.get(request.actor, (request.params as IdParams).id)
      reply.header('etag', etagOf(record.version))
      if (noneMatchHits(request.headers['if-none-match'], record.version)) return reply.code(304).send()
      return present(request, record)
    },
  })

  app.patch(`${base}/:id`, {
    config: { scope: write },
    schema: {
      operationId: `update${o.one}`,
      tags,
      summary: `Change a ${noun} (修改${o.label})`,
      description: `JSON Merge Patch (RFC 7396), as \`application/merge-patch+json\` or \`application/json\`: absent fields stay, \`null\` clears an optional field, arrays are replaced whole. Read-only fields are refused (400). Send \`If-Match\` to refuse a change to a version you have not seen (412). Needs \`${write}\`.${note('update')}`,
      params: IdParams,
      headers: IfMatchHeaders,
      body: {
        content: {
          'application/merge-patch+json': { schema: Type.Ref(idOf(o.schemas.update)) },
          'application/json': { schema: Type.Ref(idOf(o.schemas.update)) },
        },
      },
      response: { 200: { ...ref(o.schemas.record, 'The changed record.'), headers: { ETag: { type: 'string', description: 'The new version.' } } }, ...problemResponses(400, 404, 409, 412, 413, 415, ...commonProblems) },
    },
    handler: async (request, reply) => {
      const record = await o.service.update(writeContext(request), (request.params as IdParams).id, request.body as Doc, parseIfMatch(request.headers['if-match']))
      return reply.header('etag', etagOf(record.version)).send(present(request, record))
    },
  })

  app.delete(`${base}/:id`, {
    config: { scope: write },
    schema: {
      operationId: `delete${o.one}`,
      tags,
      summary: `Delete a ${noun} (删除${o.label})`,
      description: `Soft delete: the row and its audit trail stay, the record answers 404 from then on. \`If-Match\` is honoured. Needs \`${write}\`.${note('delete')}`,
      params: IdParams,
      headers: IfMatchHeaders,
      response: { 204: { description: 'Deleted.', type: 'null' }, ...problemResponses(400, 404, 409, 412, ...commonProblems) },
    },
    handler: async (request, reply) => {
      await o.service.remove(writeContext(request), (request.params as IdParams).id, parseIfMatch(request.headers['if-match']))
      return reply.code(204).send()
    },
  })
}
