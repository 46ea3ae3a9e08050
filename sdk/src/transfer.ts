// Files in and out: the annual report's .docx, ledger exports, spreadsheet imports. Written over
// any GET or POST of the contract, so each such route works here the moment the contract has it.
import { problemOf, unwrap } from './problem.js'
import type { RawCall } from './types.js'

export interface Download {
  response: Response
  /** The media type the service answered with. */
  contentType: string
  /** From Content-Disposition (RFC 6266; the UTF-8 `filename*` form preferred), when it names one. */
  fileName: string | undefined
  /** Content-Length, when the answer had one (a streamed export has none). */
  size: number | undefined
  /** The body as it arrives, for files larger than memory. Read once: stream, blob or save. */
  stream(): ReadableStream<Uint8Array>
  blob(): Promise<Blob>
  /** Streams the body into a file (Node); resolves with the bytes written. */
  saveTo(path: string): Promise<number>
}

export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition)
  if (extended) {
    try {
      return decodeURIComponent(extended[2]!.trim())
    } catch {
      // A malformed extended value: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition)
  return plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2]!.trim()) : undefined
}

export async function download(get: RawCall, path: string, init: { params?: unknown; accept?: string; signal?: AbortSignal } = {}): Promise<Download> {
  const result = await get(path, {
    params: init.params,
    parseAs: 'stream',
    headers: init.accept ? { accept: init.accept } : {},
    signal: init.signal,
  })
  const { response } = result
  if (!response.ok) throw problemOf(response, result.error)
  const length = response.headers.get('content-length')
  return {
    response,
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    fileName: fileNameOf(response.headers.get('content-disposition')),
    size: length === null ? undefined : Number(length),
    stream: () => response.body ?? new Response('').body!,
    blob: () => response.blob(),
    async saveTo(file) {
      const [{ createWriteStream }, { Readable }, { pipeline }] = await Promise.all([import('node:fs'), import('node:stream'), import('node:stream/promises')])
      const out = createWriteStream(file)
      await pipeline(Readable.fromWeb((response.body ?? new Response('').body!) as never), out)
      return out.bytesWritten
    },
  }
}

/** What an upload sends: bytes in memory, text, a Blob, or a file read from disk when sent (and again on a retry). */
export type UploadSource = Blob | ArrayBuffer | ArrayBufferView | string | { file: string }

const typesByExtension: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  json: 'application/json',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

async function toBlob(source: UploadSource): Promise<Blob> {
  if (source instanceof Blob) return source
  if (typeof source === 'string') return new Blob([source])
  if (source instanceof ArrayBuffer) return new Blob([source])
  if (ArrayBuffer.isView(source)) return new Blob([new Uint8Array(source.buffer, source.byteOffset, source.byteLength) as Uint8Array<ArrayBuffer>])
  const { openAsBlob } = await import('node:fs')
  const extension = source.file.split('.').pop()?.toLowerCase() ?? ''
  return openAsBlob(source.file, { type: typesByExtension[extension] ?? '' })
}

export interface UploadInit {
  params?: unknown
  /** Defaults to the Blob's type, then the file's extension (.xlsx, .csv, .json, .docx). */
  contentType?: string
  /** A fresh key by default, so a retried upload is answered once; `false` sends none (and then nothing is retried). */
  idempotencyKey?: string | false
  signal?: AbortSignal
}

export async function upload(post: RawCall, path: string, source: UploadSource, init: UploadInit = {}): Promise<unknown> {
  const body = await toBlob(source)
  const contentType = init.contentType ?? (body.type || 'application/octet-stream')
  const key = init.idempotencyKey === false ? undefined : (init.idempotencyKey ?? globalThis.crypto.randomUUID())
  return unwrap(
    await post(path, {
      params: init.params,
      body,
      // The bytes go as they are; openapi-fetch would otherwise JSON-encode the body.
      bodySerializer: (b: unknown) => b,
      headers: { 'content-type': contentType, ...(key ? { 'idempotency-key': key } : {}) },
      signal: init.signal,
    }),
  )
}
