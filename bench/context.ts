import { isDeepStrictEqual } from 'node:util'
import pg from 'pg'
import type { Server } from './processes.js'
import { listPath, type ScenarioContext } from './scenarios.js'

// What the scenarios need from the loaded data, and the check that the floor does the service's
// work: the same requests must get the same answers from both before either is measured.

export async function findContext(url: string, year: number): Promise<Omit<ScenarioContext, 'deepCursor'>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const ids = await client.query<{ id: string; version: number }>(
      `SELECT id, version FROM disputes WHERE deleted_at IS NULL ORDER BY random() LIMIT 12000`,
    )
    const town = await client.query<{ id: string }>(`SELECT id FROM grid_units WHERE name = '团结镇' AND level = 'town'`)
    const grids = await client.query<{ id: string }>(`SELECT id FROM grid_units WHERE level = 'grid' AND code LIKE '150826%'`)
    return {
      readIds: ids.rows.slice(0, 10_000).map((r) => r.id),
      patchable: ids.rows.slice(10_000).map((r) => ({ id: r.id, version: r.version })),
      townId: town.rows[0]!.id,
      gridIds: grids.rows.map((r) => r.id),
      year,
    }
  } finally {
    await client.end()
  }
}

async function getJson(server: Server, path: string, headers: Record<string, string>): Promise<unknown> {
  const res = await fetch(`${server.url}${path}`, { headers })
  if (!res.ok) throw new Error(`${server.name} answered ${res.status} to GET ${path}: ${await res.text()}`)
  return res.json()
}

/** Walks the filtered list 100 rows at a time to the cursor 10 000 rows in (or as deep as it goes). */
export async function findDeepCursor(service: Server, headers: Record<string, string>, ctx: Omit<ScenarioContext, 'deepCursor'>) {
  let cursor: string | null = null
  let depth = 0
  for (let page = 0; page < 100; page++) {
    const path = `${listPath({ ...ctx, deepCursor: '' })}&limit=100${cursor ? `&cursor=${cursor}` : ''}`
    const body = (await getJson(service, path, headers)) as { items: unknown[]; nextCursor: string | null }
    if (!body.nextCursor || body.items.length < 100) break
    cursor = body.nextCursor
    depth += 100
  }
  if (!cursor) throw new Error('the filtered list has fewer than 100 rows: the data set is too small')
  return { cursor, depth }
}

/**
 * Reads, the service against the floor: the same bodies. Statistics, the big table against the
 * small twin: the same figures (the twin differs only in disputes outside the town-year).
 */
export async function checkSameAnswers(
  servers: { service: Server; floor: Server; small: Server },
  headers: Record<string, string>,
  ctx: ScenarioContext,
): Promise<string[]> {
  const paths = [
    `/v1/disputes/${ctx.readIds[0]}`,
    listPath(ctx),
    `${listPath(ctx)}&cursor=${ctx.deepCursor}`,
    `/v1/disputes?q=${encodeURIComponent('土地')}`,
  ]
  for (const path of paths) {
    const [a, b] = await Promise.all([getJson(servers.service, path, headers), getJson(servers.floor, path, headers)])
    if (!isDeepStrictEqual(a, b)) throw new Error(`the floor answers GET ${path} differently from the service: it does not do the same work`)
  }
  const statistics = `/v1/statistics?year=${ctx.year}&gridUnitId=${ctx.townId}`
  const [big, small] = await Promise.all([getJson(servers.service, statistics, headers), getJson(servers.small, statistics, headers)])
  // The floor runs the service's statement; a failing one would measure errors, not work.
  await getJson(servers.floor, statistics, headers)
  const notes: string[] = []
  // Petition backlogs resolved in the year count whenever they were reported (statistics-schema.ts),
  // so that one figure reads the years outside the town-year too, which the twin holds fewer of.
  const backlog = (s: unknown) => (s as { disputes: { petitionBacklogResolved: number } }).disputes.petitionBacklogResolved
  const withoutBacklog = (s: unknown) => ({ ...(s as object), disputes: { ...(s as { disputes: object }).disputes, petitionBacklogResolved: 0 } })
  if (!isDeepStrictEqual(withoutBacklog(big), withoutBacklog(small))) notes.push('The statistics of the big table and the small twin differ: the comparison is not of the same figures.')
  else if (backlog(big) !== backlog(small)) {
    notes.push(`The two tables give the same figures but for petition backlogs resolved in the year (big ${backlog(big)}, twin ${backlog(small)}), which count disputes of every year.`)
  }
  const disputes = (big as { disputes: { total: number } }).disputes.total
  notes.push(`The statistics scenarios count ${disputes.toLocaleString('en')} disputes in the town-year, in both tables.`)
  return notes
}

/** Resolves once no statement runs on the bench databases (at most a minute), so runs start alike. */
export function settler(adminUrl: string, databases: string[]): { settle(): Promise<void>; checkpoint(): Promise<void>; close(): Promise<void> } {
  const client = new pg.Client({ connectionString: adminUrl })
  const connected = client.connect()
  return {
    async settle() {
      await connected
      const deadline = Date.now() + 60_000
      while (Date.now() < deadline) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = ANY($1) AND state = 'active' AND pid <> pg_backend_pid()`,
          [databases],
        )
        if (rows[0]!.n === 0) return
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    /**
     * A checkpoint before a scenario's rounds: no timed checkpoint (every 5 minutes) then falls in
     * one of its runs, which would pay five times the WAL per write of the others (a full-page image
     * of each page it first touches). The first run pays that debt; the best of two rounds skips it.
     */
    async checkpoint() {
      await connected
      await client.query('CHECKPOINT')
    },
    close: () => connected.then(() => client.end()),
  }
}
