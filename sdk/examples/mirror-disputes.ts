// Mirrors one town's disputes (矛盾纠纷) into a local JSON file by following the change feed.
//
//   FAZHI_API_URL=https://… FAZHI_API_KEY=… npx tsx mirror-disputes.ts <town grid-unit id> <file.json> [--once]
//
// The key needs `audit:read` and `disputes:read` and no jurisdiction (the feed spans every unit).
// The file holds the disputes and the feed cursor together, replaced atomically after each batch:
// kill the program at any moment and the next run goes on exactly where the file says, with no
// change applied twice or missed. `--once` stops when caught up (for a scheduled job).
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { connect, type AuditEvent, type components } from 'fazhi-api-client'

type Dispute = components['schemas']['Dispute']

interface Mirror {
  town: string
  /** Feed position of the last batch applied. */
  cursor: string
  /** Every grid unit's parent, from the feed: which units lie in the town can change. */
  parents: Record<string, string | null>
  disputes: Record<string, Dispute>
}

const [town, file] = process.argv.slice(2)
if (!town || !file || !process.env.FAZHI_API_URL || !process.env.FAZHI_API_KEY) {
  console.error('usage: FAZHI_API_URL=… FAZHI_API_KEY=… mirror-disputes <town grid-unit id> <file.json> [--once]')
  process.exit(2)
}
const api = connect({ baseUrl: process.env.FAZHI_API_URL, apiKey: process.env.FAZHI_API_KEY, headers: { 'user-agent': 'fazhi-mirror-example' } })

function load(): Mirror {
  try {
    return JSON.parse(readFileSync(file!, 'utf8')) as Mirror
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    return { town: town!, cursor: '0', parents: {}, disputes: {} }
  }
}

function save(mirror: Mirror) {
  writeFileSync(`${file}.tmp`, JSON.stringify(mirror, null, 1))
  renameSync(`${file}.tmp`, file!)
}

function inTown(mirror: Mirror, unit: string | null | undefined): boolean {
  for (let hops = 0; unit && hops < 16; hops++, unit = mirror.parents[unit]) if (unit === mirror.town) return true
  return false
}

/** Keeps a dispute if it lies in the town and is newer than the copy held. */
function keep(mirror: Mirror, dispute: Dispute) {
  if (!inTown(mirror, dispute.gridUnitId)) delete mirror.disputes[dispute.id]
  else if ((mirror.disputes[dispute.id]?.version ?? 0) < dispute.version) mirror.disputes[dispute.id] = dispute
}

async function apply(mirror: Mirror, event: AuditEvent) {
  if (event.resourceType === 'disputes') {
    if (event.action === 'deleted') delete mirror.disputes[event.resourceId]
    else keep(mirror, event.after as unknown as Dispute)
    return
  }
  if (event.resourceType !== 'grid-units' || event.action === 'deleted') return
  const wasIn = inTown(mirror, event.resourceId)
  mirror.parents[event.resourceId] = (event.after as { parentId: string | null }).parentId
  const isIn = inTown(mirror, event.resourceId)
  // A unit moved out takes its disputes along; one moved in brings disputes this mirror never kept.
  if (wasIn && !isIn) for (const d of Object.values(mirror.disputes)) keep(mirror, d)
  if (!wasIn && isIn && event.action === 'updated') {
    for await (const d of api.pages('/v1/disputes', { gridUnitId: event.resourceId, limit: 100 })) keep(mirror, d)
  }
}

const mirror = load()
for await (const batch of api.followBatches({ after: mirror.cursor, stopWhenCaughtUp: process.argv.includes('--once') })) {
  for (const event of batch.events) await apply(mirror, event)
  mirror.cursor = batch.cursor
  save(mirror)
  console.log(JSON.stringify({ cursor: mirror.cursor, events: batch.events.length, disputes: Object.keys(mirror.disputes).length }))
}
