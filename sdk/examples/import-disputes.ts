// Imports a batch of disputes (矛盾纠纷), e.g. the ones a 12345 hotline system forwards, idempotently.
//
//   FAZHI_API_URL=https://… FAZHI_API_KEY=… npx tsx import-disputes.ts <batch.json>
//
// The batch is a JSON array of bodies as `POST /v1/disputes` takes them. Each create carries an
// Idempotency-Key derived from the record itself, so running the import again — after a crash, a
// timeout, or twice by mistake — creates nothing twice (within the service's 24 h key window).
// Prints one JSON line per row; a row the service refuses is reported with its rule violations or
// field errors and the others go on; the exit code is 1 when any row was refused.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { connect, isProblem, type CreateBody } from 'fazhi-api-client'

const [file] = process.argv.slice(2)
if (!file || !process.env.FAZHI_API_URL || !process.env.FAZHI_API_KEY) {
  console.error('usage: FAZHI_API_URL=… FAZHI_API_KEY=… import-disputes <batch.json>')
  process.exit(2)
}
const api = connect({ baseUrl: process.env.FAZHI_API_URL, apiKey: process.env.FAZHI_API_KEY, headers: { 'user-agent': 'fazhi-import-example' } })
const batch = JSON.parse(readFileSync(file, 'utf8')) as CreateBody<'/v1/disputes'>[]

let refused = 0
let next = 0
async function worker() {
  while (next < batch.length) {
    const row = next++
    const body = batch[row]!
    const idempotencyKey = `dispute-import-${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`
    try {
      const created = await api.create('/v1/disputes', body, { idempotencyKey })
      console.log(JSON.stringify({ row: row + 1, id: created.id }))
    } catch (error) {
      if (!isProblem(error)) throw error
      refused++
      console.log(JSON.stringify({ row: row + 1, refused: error.slug, violations: error.violations, errors: error.errors, requestId: error.requestId }))
    }
  }
}
// A few at a time: faster than one by one, well inside any rate limit.
await Promise.all(Array.from({ length: 4 }, worker))
process.exitCode = refused > 0 ? 1 : 0
