import { unwrap } from './problem.js'
import type { RawCall } from './types.js'

interface Page {
  items: unknown[]
  nextCursor: string | null
}

/**
 * Every record of a list, page by page, following `nextCursor` until it is null. Paging is keyset
 * (API.md §1), so a walk while others insert and delete never yields one record twice; a page
 * that meets a 429 or 503 is asked again (the client's retries) from the same cursor.
 */
export async function* pages(get: RawCall, path: string, query: Record<string, unknown> = {}, signal?: AbortSignal): AsyncGenerator<unknown, void, undefined> {
  let cursor: string | undefined
  for (;;) {
    const page = unwrap(await get(path, { params: { query: cursor === undefined ? query : { ...query, cursor } }, signal })) as Page
    yield* page.items
    if (page.nextCursor === null || page.nextCursor === undefined) return
    // A cursor that does not move would loop for ever; the contract never answers one.
    if (page.nextCursor === cursor) throw new Error(`${path}: the service answered the same cursor twice`)
    cursor = page.nextCursor
  }
}
