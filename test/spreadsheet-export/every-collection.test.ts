// Every collection of the registry answers an export: its list’s records in order, under its
// list’s scope and filters, named after its ledger. Nothing to add here when a collection is added.
import t from 'tap'
import { resources } from '../../src/modules/index.js'
import type { AnyResource } from '../../src/records/define-resource.js'
import { buildTestApp, type Client } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { chinaDay, download, fileNameOf, listAll, readCsv, readXlsx } from './fixtures.js'

// Hundreds of requests and several workbooks: more than the default file timeout on a busy machine.
t.setTimeout(600_000)
const { app, admin, adminKey, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)

/** The collection's own create example, owned by the lowest unit of the county that the collection accepts. */
async function createExample(api: Client, def: AnyResource, units = [c.grid, c.village, c.town, c.county], variant = ''): Promise<any | undefined> {
  const given = (def.schemas.create as { examples?: Record<string, unknown>[] }).examples?.[0]
  if (!given) return undefined
  // A second copy changes the fields that must be unique (a case number) so that it can be created too.
  const example = { ...given }
  for (const field of Object.values(def.unique ?? {})) if (typeof example[field] === 'string') example[field] = `${example[field]}${variant}`
  if (def.owner.kind !== 'unit') return undefined // grid units: the county made above
  for (const unit of units) {
    const res = await api.post(`/v1/${def.collection}`, { ...example, [def.owner.field]: unit.id })
    if (res.status === 201) return res.body
  }
  return undefined
}

for (const def of resources) {
  t.test(def.collection, async (t) => {
    if (!(await createExample(admin, def)) && def.owner.kind === 'unit') throw new Error(`no ${def.collection} could be created from its example`)
    const reader = await keyWith([`${def.collection}:read`])
    const idHeader = def.sheet.headers.id
    t.ok(idHeader, 'the ledger has a record id column')

    const res = await download(app, reader.secret, `/v1/${def.collection}/export`)
    t.equal(res.status, 200, 'an xlsx export')
    const sheet = await readXlsx(res.bytes)
    const listed = await listAll(app, reader.secret, def.collection)
    t.ok(listed.length > 0, 'a record to export')
    t.same(sheet.rows.map((r) => r[idHeader!]), listed.map((r) => r.id), 'the list’s records in its order')
    t.same(sheet.headers, sheet.headers.filter((h) => Object.values(def.sheet.headers).includes(h)), 'every header is one of the ledger’s Chinese headers')
    t.equal(fileNameOf(res.headers['content-disposition']), `${def.label}台账-${chinaDay()}.xlsx`)

    // By Accept: `?format=csv` is an event list's own filter (its 讲座/宣讲…), so Accept is the one way every export takes.
    const csv = readCsv((await download(app, reader.secret, `/v1/${def.collection}/export`, { accept: 'text/csv' })).bytes)
    t.same(csv.headers, sheet.headers, 'the CSV has the same columns')
    t.same(csv.rows.map((r) => r[idHeader!]), listed.map((r) => r.id), 'and the same rows')

    // Each enum filter of the list, with a value of the exported record, and a unit filter.
    const query = (def.schemas.query as { properties: Record<string, any> }).properties
    const record = listed[0]
    const filters: string[] = []
    for (const [name, schema] of Object.entries(query)) {
      const values: string[] | undefined = schema.items?.enum ?? schema.enum
      if (values && typeof record[name] === 'string') filters.push(`${name}=${record[name]}`, `${name}=${values.find((v) => v !== record[name])}`)
    }
    if ('gridUnitId' in query) filters.push(`gridUnitId=${c.otherTown.id}`, `gridUnitId=${c.county.id}`)
    if ('parentId' in query) filters.push(`parentId=${c.town.id}`)
    t.ok(filters.length >= 2, `filters to try: ${filters.join(', ')}`)
    for (const filter of filters) {
      const exported = await readXlsx((await download(app, reader.secret, `/v1/${def.collection}/export?${filter}`)).bytes)
      t.same(exported.rows.map((r) => r[idHeader!]), (await listAll(app, reader.secret, def.collection, filter)).map((r) => r.id), `${filter}: as the list`)
    }

    const stranger = await keyWith([resources.find((r) => r !== def)!.collection + ':read'])
    t.equal((await download(app, stranger.secret, `/v1/${def.collection}/export`)).status, 403, `${def.collection}:read is needed`)
  })
}

t.test('a town’s key exports its town only, in every collection', async (t) => {
  const scopes = resources.map((r) => `${r.collection}:read`)
  const town = await keyWith(scopes, c.town.id)
  for (const def of resources) {
    if (def.owner.kind !== 'unit') continue
    const outside = await createExample(admin, def, [c.otherGrid, c.otherTown], '-陕坝')
    const sheet = await readXlsx((await download(app, town.secret, `/v1/${def.collection}/export`)).bytes)
    const ids = sheet.rows.map((r) => r[def.sheet.headers.id!])
    t.same(ids, (await listAll(app, town.secret, def.collection)).map((r) => r.id), `${def.collection}: as the town’s list`)
    t.ok(outside, `${def.collection}: a record of 陕坝镇 to keep out`)
    t.notOk(ids.includes(outside?.id), `${def.collection}: a record of 陕坝镇 is not exported to 团结镇’s key`)
    t.ok((await listAll(app, adminKey, def.collection)).length > ids.length, `${def.collection}: the admin sees more`)
  }
})
