import createClient, { type Client } from 'openapi-fetch'
import type { paths } from '../schema.js'
import { follow, followBatches, type AuditEvent, type FeedBatch, type FollowOptions } from './follow.js'
import { pages } from './pages.js'
import { retryingFetch, type RetryOptions } from './retry.js'
import { download, upload, type Download, type UploadInit, type UploadSource } from './transfer.js'
import type {
  Collection,
  CreateBody,
  CreatePath,
  Created,
  ListItem,
  ListPath,
  ListQuery,
  PatchOf,
  PathWith,
  RawCall,
  RecordOf,
  RequestParams,
  SuccessJson,
  Op,
} from './types.js'
import { create, update, type CreateOptions, type UpdateOptions } from './writes.js'

export interface ConnectOptions {
  /** Where the service listens, e.g. `https://fazhi.example.gov.cn` (no `/v1`). */
  baseUrl: string
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey: string
  /** Retries of safe requests on 429, 503 and lost connections; `{ retries: 0 }` turns them off. */
  retry?: RetryOptions
  /** Headers sent with every request (a `User-Agent` naming your system helps the operators). */
  headers?: Record<string, string>
  /** The fetch under the retries (default: the global fetch). */
  fetch?: (request: Request) => Promise<Response>
}

type Patch<C extends Collection> = PatchOf<C> | ((current: RecordOf<C>) => PatchOf<C> | undefined | Promise<PatchOf<C> | undefined>)

export interface FazhiClient {
  /** The typed openapi-fetch client of the whole contract, with the retries below it. */
  api: Client<paths>
  /** Every record of a list, in order, following `nextCursor` (query as for one page, without `cursor`). */
  pages<P extends ListPath>(path: P, query?: ListQuery<P>, options?: { signal?: AbortSignal }): AsyncGenerator<ListItem<P>, void, undefined>
  /** Creates a record with a fresh Idempotency-Key (reused on retries); throws a ProblemError. */
  create<P extends CreatePath>(path: P, body: CreateBody<P>, options?: CreateOptions): Promise<Created<P>>
  /** Merge-patches one record with If-Match, re-reading and re-applying on 412 (bounded); throws a ProblemError. */
  update<C extends Collection>(collection: C, id: string, patch: NoInfer<Patch<C>>, options?: UpdateOptions): Promise<RecordOf<C>>
  /** The audit change feed from a stored position, in order; see FollowOptions. */
  follow(options?: FollowOptions): AsyncGenerator<AuditEvent, void, undefined>
  /** The same feed a call at a time, with the cursor to store once a batch is applied. */
  followBatches(options?: FollowOptions): AsyncGenerator<FeedBatch, void, undefined>
  /** A GET whose answer is a file (report, export, template), as a stream, a Blob or a saved file. */
  download<P extends PathWith<'get'>>(path: P, init?: { params?: RequestParams<P, 'get'>; accept?: string; signal?: AbortSignal }): Promise<Download>
  /** A POST whose body is a file (an import), from memory or disk, with an Idempotency-Key. */
  upload<P extends PathWith<'post'>>(path: P, source: UploadSource, init?: UploadInit & { params?: RequestParams<P, 'post'> }): Promise<SuccessJson<Op<P, 'post'>>>
}

/** A client of one service for one API key. */
export function connect(options: ConnectOptions): FazhiClient {
  const api = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { ...options.headers, authorization: `Bearer ${options.apiKey}` },
    fetch: retryingFetch(options.retry, options.fetch),
  })
  // The helpers' signatures above are exact; inside, one untyped view of the same client.
  const GET = api.GET as unknown as RawCall
  const POST = api.POST as unknown as RawCall
  const PATCH = api.PATCH as unknown as RawCall
  return {
    api,
    pages: (path, query, o) => pages(GET, path, query as Record<string, unknown>, o?.signal) as AsyncGenerator<never, void, undefined>,
    create: async (path, body, o) => (await create(POST, path, body, o)) as never,
    update: async (collection, id, patch, o) => (await update(GET, PATCH, collection, id, patch, o)) as never,
    follow: (o) => follow(GET, o),
    followBatches: (o) => followBatches(GET, o),
    download: (path, init) => download(GET, path, init),
    upload: async (path, source, init) => (await upload(POST, path, source, init)) as never,
  }
}
