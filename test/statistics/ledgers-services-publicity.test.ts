import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { FIRST_OF_2026, LAST_OF_2025, createLegalService, createPublicityItem, remove } from './fixtures/ledgers.js'

// 二、规范行政决策 and 五、坚持法治为民: legal services by servedAt (Σ quantity), publicity by publishedAt.

const { admin } = await buildTestApp(t)

async function figures(unitId: string, year: number) {
  const res = await admin.get(`/v1/statistics?year=${year}&gridUnitId=${unitId}`)
  if (res.status !== 200) throw new Error(`statistics answered ${res.status}: ${res.text}`)
  return res.body
}

const noServices = { contract_review: 0, major_matter_consultation: 0, petition_case: 0, legal_consultation: 0, mediation_guidance: 0, legal_aid_referral: 0, other: 0 }
const noCategories = { policy_document: 0, fiscal: 0, enforcement: 0, decision: 0, village_affairs: 0, other: 0 }
const noChannels = { government_platform: 0, notice_board: 0, grid_group: 0, website: 0, wechat: 0, other: 0 }

t.test('legal services: Σ quantity by recipient and by kind (every kind listed), opinions by entry', async (t) => {
  const { town, village, otherTown } = await createCounty(admin)
  await createLegalService(admin, village.id, '2025-03-01T09:00:00+08:00', { opinionIssued: true })
  await createLegalService(admin, town.id, LAST_OF_2025, { kind: 'major_matter_consultation', quantity: 2, opinionIssued: true })
  await createLegalService(admin, town.id, '2025-05-01T09:00:00+08:00', { provider: 'service_window', recipient: 'public', kind: 'legal_consultation', quantity: 40 })
  await createLegalService(admin, town.id, '2025-06-01T09:00:00+08:00', { provider: 'judicial_office', recipient: 'public', kind: 'mediation_guidance', quantity: 15 })
  // An opinion given to the public: one legal opinion, and three contracts reviewed for the public.
  await createLegalService(admin, town.id, '2025-07-01T09:00:00+08:00', { provider: 'village_legal_adviser', recipient: 'public', quantity: 3, opinionIssued: true })
  await createLegalService(admin, town.id, FIRST_OF_2026, { quantity: 5 })
  const deleted = await createLegalService(admin, town.id, '2025-08-01T09:00:00+08:00', { recipient: 'public', kind: 'legal_aid_referral', quantity: 7, opinionIssued: true })
  await remove(admin, '/v1/legal-services', deleted.id)
  await createLegalService(admin, otherTown.id, '2025-08-01T09:00:00+08:00', { kind: 'petition_case', quantity: 9, opinionIssued: true })

  const s = await figures(town.id, 2025)
  t.same(s.legalServices, {
    governmentServices: 3,
    legalOpinions: 3,
    publicServed: 58,
    byKind: { ...noServices, contract_review: 4, major_matter_consultation: 2, legal_consultation: 40, mediation_guidance: 15 },
  })
  t.same(Object.keys(s.legalServices.byKind), Object.keys(noServices), 'every kind, in the order of the enum')
  t.same((await figures(village.id, 2025)).legalServices, { governmentServices: 1, legalOpinions: 1, publicServed: 0, byKind: { ...noServices, contract_review: 1 } })
  t.same((await figures(town.id, 2026)).legalServices, { governmentServices: 5, legalOpinions: 0, publicServed: 0, byKind: { ...noServices, contract_review: 5 } })
  t.same((await figures(otherTown.id, 2025)).legalServices, { governmentServices: 9, legalOpinions: 1, publicServed: 0, byKind: { ...noServices, petition_case: 9 } })
})

t.test('publicity: items by category, and once under each of their channels (every value listed)', async (t) => {
  const { town, village, otherTown } = await createCounty(admin)
  await createPublicityItem(admin, village.id, '2025-03-01T09:00:00+08:00', { channels: ['government_platform', 'notice_board'] })
  await createPublicityItem(admin, town.id, LAST_OF_2025, { category: 'policy_document', channels: ['website', 'wechat', 'grid_group'] })
  await createPublicityItem(admin, town.id, '2025-05-01T09:00:00+08:00', { category: 'enforcement' })
  await createPublicityItem(admin, town.id, '2025-06-01T09:00:00+08:00', { channels: ['wechat'] })
  await createPublicityItem(admin, town.id, FIRST_OF_2026, { category: 'village_affairs' })
  const deleted = await createPublicityItem(admin, town.id, '2025-07-01T09:00:00+08:00', { category: 'decision', channels: ['other'] })
  await remove(admin, '/v1/publicity-items', deleted.id)
  await createPublicityItem(admin, otherTown.id, '2025-07-01T09:00:00+08:00', { category: 'decision', channels: ['government_platform'] })

  const s = await figures(town.id, 2025)
  t.same(s.publicity, {
    items: 4,
    byCategory: { ...noCategories, policy_document: 1, fiscal: 2, enforcement: 1 },
    // Six channel entries over four items: the channels do not add up to the items.
    byChannel: { ...noChannels, government_platform: 1, notice_board: 2, grid_group: 1, website: 1, wechat: 2 },
  })
  t.same(Object.keys(s.publicity.byCategory), Object.keys(noCategories))
  t.same(Object.keys(s.publicity.byChannel), Object.keys(noChannels))
  t.same((await figures(town.id, 2026)).publicity, { items: 1, byCategory: { ...noCategories, village_affairs: 1 }, byChannel: { ...noChannels, notice_board: 1 } })
  t.same((await figures(otherTown.id, 2025)).publicity, { items: 1, byCategory: { ...noCategories, decision: 1 }, byChannel: { ...noChannels, government_platform: 1 } })
  t.same((await figures(town.id, 2024)).publicity, { items: 0, byCategory: noCategories, byChannel: noChannels })
})
