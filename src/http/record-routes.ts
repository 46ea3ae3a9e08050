import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static, type TSchema } from 'typebox'
import { hasScope, type WriteContext } from '../core/actor.js'
import { requestHash, type SchemaResolver } from '../core/documents.js'
import { etagOf, noneMatchHits, parseIfMatch } from '../core/etag.js'
import { piiMasker } from '../core/pii.js'
import { IdParams, Ref } from '../core/schemas.js'
import type { AnyResource } from '../records/define-resource.js'
import type { RecordService } from '../records/record-service.js'
import { recordOperationDocs } from './record-docs.js'
import { commonProblems, problemResponses } from './responses.js'

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

const described = <T extends TSchema>(schema: T, description: string) => ({ ...Ref(schema), description }) as unknown as ReturnType<typeof Ref<T>>

/** What each of a collection's routes is built from. */
interface RouteKit<D extends AnyResource> {
  app: FastifyTypeBox
  def: D
  service: RecordService<D>
  base: string
  tags: string[]
  read: string
  write: string
  docs: ReturnType<typeof recordOperationDocs>
  /** The answer as the caller may see it: personal data masked without `pii:read`. */
  present<T>(request: FastifyRequest, answer: T): T
}

/** A Fastify instance whose route types come from their TypeBox schemas. */
type FastifyTypeBox = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>

function listRoute<D extends AnyResource>({ app, def, service, base, tags, read, docs, present }: RouteKit<D>) {
  app.get(base, {
    config: { scope: read },
    schema: {
      operationId: def.operationIds?.list ?? `list${def.names.many}`,
      tags,
      ...docs.list,
      querystring: def.schemas.query as D['schemas']['query'],
      response: { 200: described(def.schemas.list, 'One page and the cursor of the next.'), ...problemResponses(400, ...commonProblems) },
    },
    handler: async (request) => {
      const page = await service.list(request.actor, request.query as Static<D['schemas']['query']>)
      return { items: page.items.map((r) => present(request, r)), nextCursor: page.nextCursor }
    },
  })
}

function createRoute<D extends AnyResource>({ app, def, service, base, tags, write, docs, present }: RouteKit<D>) {
  app.post(base, {
    config: { scope: write },
    schema: {
      operationId: def.operationIds?.create ?? `create${def.names.one}`,
      tags,
      ...docs.create,
      headers: IdempotencyHeaders,
      body: Ref(def.schemas.create as D['schemas']['create']),
      response: {
        201: {
          ...described(def.schemas.record, 'Created (or, with `Idempotency-Replayed: true`, the first answer replayed).'),
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
      const { record, replayed } = await service.create(writeContext(request, request.body), request.body as Static<D['schemas']['create']>)
      if (replayed) reply.header('idempotency-replayed', 'true')
      return reply.code(201).header('location', `${base}/${record.id}`).header('etag', etagOf(record.version)).send(present(request, record))
    },
  })
}

function getRoute<D extends AnyResource>({ app, def, service, base, tags, read, docs, present }: RouteKit<D>) {
  app.get(`${base}/:id`, {
    config: { scope: read },
    schema: {
      operationId: def.operationIds?.get ?? `get${def.names.one}`,
      tags,
      ...docs.get,
      params: IdParams,
      headers: IfNoneMatchHeaders,
      response: {
        200: { ...described(def.schemas.record, 'The record.'), headers: { ETag: { type: 'string', description: 'Version of the record.' } } },
        304: { description: 'Not modified: the caller’s copy is current.', type: 'null' },
        ...problemResponses(400, 404, ...commonProblems),
      },
    },
    handler: async (request, reply) => {
      const found = await service.get(request.actor, request.params.id)
      reply.header('etag', etagOf(found.version))
      // A live snapshot (a draft's figures) changes with other records while the version stays: the
      // version cannot vouch that the caller's copy is current (RFC 9110 §13.1.2), so no 304.
      const live = def.snapshot !== undefined && !def.snapshot.frozenWhen(found)
      if (!live && noneMatchHits(request.headers['if-none-match'], found.version)) return (reply as FastifyReply).code(304).send()
      return present(request, found)
    },
  })
}

function updateRoute<D extends AnyResource>({ app, def, service, base, tags, write, docs, present }: RouteKit<D>) {
  const patch = Ref(def.schemas.update)
  app.patch(`${base}/:id`, {
    config: { scope: write },
    schema: {
      operationId: def.operationIds?.update ?? `update${def.names.one}`,
      tags,
      ...docs.update,
      params: IdParams,
      headers: IfMatchHeaders,
      body: { content: { 'application/merge-patch+json': { schema: patch }, 'application/json': { schema: patch } } },
      response: {
        200: { ...described(def.schemas.record, 'The changed record.'), headers: { ETag: { type: 'string', description: 'The new version.' } } },
        ...problemResponses(400, 404, 409, 412, 413, 415, ...commonProblems),
      },
    },
    handler: async (request, reply) => {
      const body = request.body as Static<D['schemas']['update']>
      const changed = await service.update(writeContext(request), request.params.id, body, parseIfMatch(request.headers['if-match']))
      return reply.header('etag', etagOf(changed.version)).send(present(request, changed))
    },
  })
}

function deleteRoute<D extends AnyResource>({ app, def, service, base, tags, write, docs }: RouteKit<D>) {
  app.delete(`${base}/:id`, {
    config: { scope: write },
    schema: {
      operationId: def.operationIds?.delete ?? `delete${def.names.one}`,
      tags,
      ...docs.delete,
      params: IdParams,
      headers: IfMatchHeaders,
      response: { 204: { description: 'Deleted.', type: 'null' }, ...problemResponses(400, 404, 409, 412, ...commonProblems) },
    },
    handler: async (request, reply) => {
      await service.remove(writeContext(request), request.params.id, parseIfMatch(request.headers['if-match']))
      return (reply as FastifyReply).code(204).send()
    },
  })
}

/** The five routes of a collection, generated from its definition and wired to its service. */
export function registerRecordRoutes<D extends AnyResource>(fastify: FastifyInstance, def: D, service: RecordService<D>, resolve: SchemaResolver): void {
  const mask = piiMasker(def.schemas.record, resolve)
  const kit: RouteKit<D> = {
    app: fastify.withTypeProvider<TypeBoxTypeProvider>(),
    def,
    service,
    base: `/v1/${def.collection}`,
    tags: [def.tag.name],
    read: `${def.collection}:read`,
    write: `${def.collection}:write`,
    docs: recordOperationDocs(def),
    present: (request, answer) => (hasScope(request.actor, 'pii:read') ? answer : mask(answer)),
  }
  for (const route of [listRoute, createRoute, getRoute, updateRoute, deleteRoute]) route(kit)
}
