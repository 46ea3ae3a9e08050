import t from 'tap'
import { isProblem, ProblemError } from '../../sdk/src/index.js'
import { createGridUnit } from '../helpers/factories.js'
import { liveService } from './fixtures/service.js'

// `update` sends its merge patch with If-Match; on 412 it reads the record again and re-applies
// the patch (a function of the record is run again on the fresh one), a bounded number of times,
// or surfaces the conflict when asked to. Several clients changing one record lose nothing.

const svc = await liveService(t)
const sdk = svc.sdk()
const other = svc.sdk()
const unit = async () => (await createGridUnit(svc.http, { name: '更新测试网格' })) as { id: string }

/** Counts the PATCHes a client sends and the If-Match and media type of the last one. */
function watchPatches(client: ReturnType<typeof svc.sdk>) {
  const seen = { patches: 0, ifMatch: [] as (string | null)[], type: '' }
  client.api.use({
    onRequest: ({ request }) => {
      if (request.method !== 'PATCH') return
      seen.patches++
      seen.ifMatch.push(request.headers.get('if-match'))
      seen.type = request.headers.get('content-type') ?? ''
    },
  })
  return seen
}

t.test('a patch goes with the ETag it was based on, as a merge patch', async (t) => {
  const { id } = await unit()
  const client = svc.sdk()
  const seen = watchPatches(client)
  const changed = await client.update('/v1/grid-units', id, { description: '第一次修改' })
  t.equal(changed.version, 2)
  t.equal(changed.description, '第一次修改')
  t.same(seen.ifMatch, ['"1"'], 'If-Match of the version read')
  t.equal(seen.type, 'application/merge-patch+json')
  const same = await client.update('/v1/grid-units', id, (current) => (current.description === '第一次修改' ? undefined : { description: 'x' }))
  t.equal(same.version, 2, 'a function answering undefined changes nothing')
  t.equal(seen.patches, 1, 'and sends no PATCH')
})

t.test('on 412 the record is read again and the patch function re-applied to it', async (t) => {
  const { id } = await unit()
  const client = svc.sdk()
  const seen = watchPatches(client)
  let calls = 0
  const conflicts: number[] = []
  const saved = await client.update(
    '/v1/grid-units',
    id,
    async (current) => {
      // The first time, another client changes the record between this read and the PATCH.
      if (++calls === 1) await other.update('/v1/grid-units', id, { workers: [...current.workers, { name: '王五', role: 'grid_worker' }] })
      return { workers: [...current.workers, { name: '赵六', role: 'mediator' }] }
    },
    { onConflict: (attempt) => void conflicts.push(attempt) },
  )
  t.same(seen.ifMatch, ['"1"', '"2"'], 'the second PATCH is based on the fresh version')
  t.same(conflicts, [1], 'one conflict, retried')
  t.same(saved.workers.map((w) => w.name), ['王五', '赵六'], 'both changes kept')
  t.equal(saved.version, 3)
})

t.test('conflict: fail surfaces the 412; a stale ifMatch is refused, or retried when allowed', async (t) => {
  const { id } = await unit()
  await other.update('/v1/grid-units', id, { description: '别人先改了' })
  const refused = await sdk.update('/v1/grid-units', id, { name: '我的修改' }, { ifMatch: 1, conflict: 'fail' }).catch((e: unknown) => e)
  t.ok(isProblem(refused, 'precondition-failed'), 'precondition-failed')
  t.equal((refused as ProblemError).status, 412)
  t.equal((await sdk.api.GET('/v1/grid-units/{id}', { params: { path: { id } } })).data?.name, '更新测试网格', 'nothing written')
  const retried = await sdk.update('/v1/grid-units', id, { name: '我的修改' }, { ifMatch: '"1"' })
  t.equal(retried.version, 3, 'with retries the fresh version is read and the patch applied')
  t.equal(retried.description, '别人先改了', 'over the other change, not instead of it')
})

t.test('re-merging is bounded: after `attempts` PATCHes the conflict is thrown', async (t) => {
  const { id } = await unit()
  const client = svc.sdk()
  const seen = watchPatches(client)
  let n = 0
  const thrown = await client
    .update('/v1/grid-units', id, async () => {
      await other.update('/v1/grid-units', id, { description: `抢先 ${++n}` })
      return { name: '永远晚一步' }
    }, { attempts: 3 })
    .catch((e: unknown) => e)
  t.ok(isProblem(thrown, 'precondition-failed'), 'the last 412, as a problem')
  t.equal(seen.patches, 3, 'three PATCHes, no more')
})

t.test('several clients appending to one record at once lose nothing', async (t) => {
  const { id } = await unit()
  const clients = Array.from({ length: 6 }, () => svc.sdk())
  let conflicts = 0
  // All six read the same version before any of them writes: five conflicts are certain.
  let waiting = clients.length
  let release!: () => void
  const together = new Promise<void>((resolve) => (release = resolve))
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = 0; i < 4; i++) {
        await client.update(
          '/v1/grid-units',
          id,
          async (current) => {
            if (i === 0 && --waiting === 0) release()
            if (i === 0) await together
            return { workers: [...current.workers, { name: `网格员${c}-${i}`, role: 'grid_worker' }] }
          },
          { attempts: 100, onConflict: () => void conflicts++ },
        )
      }
    }),
  )
  const final = (await sdk.api.GET('/v1/grid-units/{id}', { params: { path: { id } } })).data!
  t.equal(final.workers.length, 24, 'all 24 workers are there')
  t.equal(new Set(final.workers.map((w) => w.name)).size, 24, 'each once')
  t.equal(final.version, 25, 'one version per change')
  t.ok(conflicts >= 5, `conflicts were met and re-merged (${conflicts})`)
})
