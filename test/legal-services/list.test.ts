import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { checkSortedPages } from '../helpers/record-checks.js'
import { createCounty } from '../helpers/factories.js'
import { createService } from './fixtures.js'

const { admin } = await buildTestApp(t)
const { town, village, grid, community, otherTown, otherGrid } = await createCounty(admin)
const url = '/v1/legal-services'
const list = (query: string) => admin.get(`${url}?${query}`)
const ids = (res: { body: any }) => res.body.items.map((s: any) => s.id).sort()
const order = (res: { body: any }) => res.body.items.map((s: any) => s.id)

// 团结镇's ledger and one entry in 陕坝镇. 2025-04-10T16:00Z is the first instant of 11 April in China.
const a = await createService(admin, town.id, { subject: '审查农村人居环境整治施工合同', provider: 'government_legal_adviser', providerName: '河套律师事务所 李明', recipient: 'government', kind: 'contract_review', servedAt: '2025-04-10T16:00:00Z', opinionIssued: true })
const b = await createService(admin, village.id, { subject: '土地承包纠纷调解指引', provider: 'village_legal_adviser', providerName: '张律师', recipient: 'public', kind: 'mediation_guidance', servedAt: '2025-04-11T15:59:59.999Z' })
const c = await createService(admin, grid.id, { subject: '窗口接待群众咨询', provider: 'service_window', recipient: 'public', kind: 'legal_consultation', servedAt: '2025-06-16T01:00:00Z', quantity: 12, notes: '婚姻家庭、劳动报酬' })
const d = await createService(admin, community.id, { subject: '信访积案化解', provider: 'judicial_office', recipient: 'public', kind: 'petition_case', servedAt: '2025-08-01T00:00:00Z' })
const other = await createService(admin, otherTown.id, { subject: '陕坝镇重大事项法律咨询', provider: 'government_legal_adviser', recipient: 'government', kind: 'major_matter_consultation', servedAt: '2025-05-01T00:00:00Z' })

t.test('default sort -servedAt over the subtree asked for', async (t) => {
  const res = await list(`gridUnitId=${town.id}`)
  t.equal(res.status, 200)
  t.same(order(res), [d.id, c.id, b.id, a.id])
  t.equal(res.body.nextCursor, null)
  t.same(ids(await list(`gridUnitId=${village.id}`)), [b.id, c.id].sort())
  t.same(ids(await list(`gridUnitId=${otherGrid.id}`)), [])
  t.same(ids(await list('')), [a, b, c, d, other].map((s) => s.id).sort())
})

t.test('provider, recipient and kind: single, repeated, combined, none, unknown', async (t) => {
  t.same(ids(await list('provider=government_legal_adviser')), [a.id, other.id].sort())
  t.same(ids(await list('provider=village_legal_adviser&provider=service_window')), [b.id, c.id].sort())
  t.same(ids(await list('provider=other')), [])
  t.same(ids(await list('recipient=public')), [b.id, c.id, d.id].sort())
  t.same(ids(await list('recipient=government')), [a.id, other.id].sort())
  t.same(ids(await list('recipient=government&recipient=public')), [a, b, c, d, other].map((s) => s.id).sort())
  t.same(ids(await list('kind=petition_case')), [d.id])
  t.same(ids(await list('kind=contract_review&kind=major_matter_consultation')), [a.id, other.id].sort())
  t.same(ids(await list('kind=legal_aid_referral')), [])
  t.same(ids(await list(`provider=government_legal_adviser&recipient=government&gridUnitId=${town.id}`)), [a.id], 'filters combine')
  t.same(ids(await list('provider=service_window&recipient=government')), [])
  for (const bad of ['provider=notary', 'recipient=company', 'kind=notarization']) assertProblem(t, await list(bad), 400, 'validation-error', bad)
})

t.test('servedFrom and servedTo: inclusive, a plain date is that whole day in UTC+8', async (t) => {
  t.same(ids(await list('servedFrom=2025-04-11&servedTo=2025-04-11')), [a.id, b.id].sort(), 'both ends of 11 April in China')
  t.same(ids(await list('servedTo=2025-04-10')), [])
  t.same(ids(await list('servedFrom=2025-04-12&servedTo=2025-06-16')), [c.id, other.id].sort())
  t.same(ids(await list('servedFrom=2025-08-01')), [d.id])
  t.same(ids(await list('servedFrom=2025-04-11T15:59:59.999Z&servedTo=2025-06-16T01:00:00Z')), [b.id, c.id, other.id].sort(), 'date-times are inclusive')
  t.same(ids(await list('servedTo=2025-04-11T00:00:00%2B08:00')), [a.id], 'an offset is honoured')
  assertProblem(t, await list('servedFrom=2025-04-31'), 400, 'validation-error')
})

t.test('q searches subject, providerName and notes in Chinese; updatedSince', async (t) => {
  t.same(ids(await list(`q=${encodeURIComponent('合同')}`)), [a.id], 'subject')
  t.same(ids(await list(`q=${encodeURIComponent('张律师')}`)), [b.id], 'providerName')
  t.same(ids(await list(`q=${encodeURIComponent('劳动报酬')}`)), [c.id], 'notes')
  t.same(ids(await list(`q=${encodeURIComponent('法律咨询')}`)), [other.id])
  t.same(ids(await list(`q=${encodeURIComponent('公证')}`)), [])
  const changed = await admin.patch(`${url}/${d.id}`, { notes: '协调公证处' })
  t.same(ids(await list(`q=${encodeURIComponent('公证')}`)), [d.id], 'the search follows a patch')
  t.ok(ids(await list(`updatedSince=${encodeURIComponent(d.updatedAt)}`)).includes(d.id))
  t.same(ids(await list(`updatedSince=${encodeURIComponent(changed.body.updatedAt)}`)), [])
})

t.test('every sort both ways; keyset paging yields each entry once, in order', async (t) => {
  t.same(order(await list(`gridUnitId=${town.id}&sort=servedAt`)), [a.id, b.id, c.id, d.id])
  t.same(order(await list(`gridUnitId=${town.id}&sort=createdAt`)), [a.id, b.id, c.id, d.id])
  t.same(order(await list(`gridUnitId=${town.id}&sort=-createdAt`)), [d.id, c.id, b.id, a.id])

  for (let i = 0; i < 8; i++) await createService(admin, otherGrid.id, { subject: `窗口咨询${i}`, provider: 'service_window', recipient: 'public', kind: 'legal_consultation', servedAt: '2025-09-01T01:00:00.000Z' })
  await createService(admin, otherGrid.id, { subject: '前一天的咨询', servedAt: '2025-08-31T01:00:00.000Z' })
  const all = (await list(`gridUnitId=${otherGrid.id}&limit=100`)).body.items
  t.equal(all.length, 9)
  await checkSortedPages(t, list, { query: `gridUnitId=${otherGrid.id}`, sorts: ['servedAt', '-servedAt', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'], limit: 4, pages: 3, all })

  assertProblem(t, await list('sort=quantity'), 400, 'validation-error')
  assertProblem(t, await list('limit=0'), 400, 'validation-error')
  assertProblem(t, await list('opinionIssued=true'), 400, 'validation-error', 'not a filter')
})
