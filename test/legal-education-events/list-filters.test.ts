import t from 'tap'
import { assertProblem, buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createEvent, eventsUrl } from './fixtures/events.js'

const { admin } = await buildTestApp(t)
const county = await createCounty(admin)

// Six events around the turn of March into April, Beijing time (UTC+8).
const lateMarch31 = await createEvent(admin, county.grid.id, {
  title: '法律明白人入户宣讲', format: 'lecture', venueType: 'village', audience: 'villagers',
  startsAt: '2025-03-31T23:30:00+08:00', endsAt: undefined, notes: '配合 PPT 讲解土地承包法',
})
const earlyApril1 = await createEvent(admin, county.town.id, {
  title: '行政执法人员培训', format: 'training', venueType: 'government', audience: 'cadres',
  startsAt: '2025-04-01T00:30:00+08:00', endsAt: undefined, organizer: '杭锦后旗司法局',
})
const studySession = await createEvent(admin, county.town.id, {
  title: '党委理论学习中心组学法', format: 'study_session', venueType: 'government', audience: 'cadres',
  startsAt: '2025-03-01T08:30:00+08:00', endsAt: undefined, location: '镇政府三楼会议室',
})
const constitutionDay = await createEvent(admin, county.community.id, {
  title: '宪法宣传周短视频', theme: '12·4 国家宪法日', format: 'short_video', venueType: 'online', audience: 'general_public',
  startsAt: '2025-12-04T10:00:00+08:00', endsAt: undefined, mediaItems: 6,
})
const midnightApril1 = await createEvent(admin, county.otherGrid.id, {
  title: '法治进校园', format: 'exhibition', venueType: 'school', audience: 'students',
  startsAt: '2025-03-31T16:00:00Z', endsAt: undefined,
})
const midnightMarch31 = await createEvent(admin, county.village.id, {
  title: '企业合规文艺汇演', format: 'performance', venueType: 'enterprise', audience: 'enterprise_staff',
  startsAt: '2025-03-30T16:00:00Z', endsAt: undefined,
})

async function titles(query: string): Promise<string[]> {
  const res = await admin.get(`${eventsUrl}?limit=100&${query}`)
  if (res.status !== 200) throw new Error(`${query}: ${res.status} ${res.text}`)
  return res.body.items.map((e: any) => e.title).sort()
}
const titlesOf = (...events: any[]) => events.map((e) => e.title).sort()

t.test('a plain startsTo date includes its whole day in UTC+8, and no more', async (t) => {
  const upToMarch31 = await titles('startsTo=2025-03-31')
  t.ok(upToMarch31.includes(lateMarch31.title), '23:30 on 31 March (15:30Z) is inside')
  t.notOk(upToMarch31.includes(earlyApril1.title), '00:30 on 1 April (16:30Z on 31 March) is not')
  t.notOk(upToMarch31.includes(midnightApril1.title), 'midnight opening 1 April is not')
  t.same(upToMarch31, titlesOf(lateMarch31, studySession, midnightMarch31))
})

t.test('a plain startsFrom date starts at midnight UTC+8', async (t) => {
  t.same(await titles('startsFrom=2025-04-01'), titlesOf(earlyApril1, constitutionDay, midnightApril1))
  t.same(await titles('startsFrom=2025-03-31&startsTo=2025-03-31'), titlesOf(lateMarch31, midnightMarch31))
})

t.test('date-time bounds are inclusive instants, in any offset', async (t) => {
  t.same(await titles('startsFrom=2025-03-31T15:30:00Z&startsTo=2025-03-31T16:00:00Z'), titlesOf(lateMarch31, midnightApril1))
  t.same(await titles(`startsFrom=${encodeURIComponent('2025-04-01T00:00:01+08:00')}&startsTo=${encodeURIComponent('2025-04-01T00:30:00+08:00')}`), titlesOf(earlyApril1))
})

t.test('enum filters, each repeatable, combine with AND', async (t) => {
  t.same(await titles('format=lecture'), titlesOf(lateMarch31))
  t.same(await titles('format=training&format=study_session'), titlesOf(earlyApril1, studySession))
  t.same(await titles('venueType=government'), titlesOf(earlyApril1, studySession))
  t.same(await titles('venueType=school&venueType=online'), titlesOf(constitutionDay, midnightApril1))
  t.same(await titles('audience=cadres&format=training'), titlesOf(earlyApril1))
  t.same(await titles('audience=students&venueType=village'), [])
  t.same(await titles('audience=cadres&startsFrom=2025-04-01'), titlesOf(earlyApril1))
})

t.test('gridUnitId takes the unit and everything below it', async (t) => {
  t.same(await titles(`gridUnitId=${county.town.id}`), titlesOf(lateMarch31, earlyApril1, studySession, constitutionDay, midnightMarch31))
  t.same(await titles(`gridUnitId=${county.village.id}`), titlesOf(lateMarch31, midnightMarch31))
  t.same(await titles(`gridUnitId=${county.otherTown.id}`), titlesOf(midnightApril1))
  t.same(await titles(`gridUnitId=${county.county.id}`), titlesOf(lateMarch31, earlyApril1, studySession, constitutionDay, midnightApril1, midnightMarch31))
})

t.test('q searches title, theme, location, organizer and notes, case-insensitively', async (t) => {
  t.same(await titles(`q=${encodeURIComponent('宪法日')}`), titlesOf(constitutionDay), 'theme')
  t.same(await titles(`q=${encodeURIComponent('司法局')}`), titlesOf(earlyApril1), 'organizer')
  t.same(await titles(`q=${encodeURIComponent('会议室')}`), titlesOf(studySession), 'location')
  t.same(await titles('q=ppt'), titlesOf(lateMarch31), 'notes, any case')
  t.same(await titles(`q=${encodeURIComponent('进校园')}`), titlesOf(midnightApril1), 'title')
  t.same(await titles(`q=${encodeURIComponent('禁毒')}`), [])
})

t.test('updatedSince: only events changed after the instant', async (t) => {
  const since = (await admin.get(`${eventsUrl}?sort=-updatedAt&limit=1`)).body.items[0].updatedAt
  const patched = await admin.patch(`${eventsUrl}/${studySession.id}`, { attendance: 35 })
  t.equal(patched.status, 200)
  t.same(await titles(`updatedSince=${since}`), titlesOf(studySession))
})

t.test('bad filters are 400s naming the parameter', async (t) => {
  for (const [query, pointer] of [
    ['format=seminar', '/format/0'],
    ['startsFrom=2025-13-01', '/startsFrom'],
    ['startsTo=yesterday', '/startsTo'],
    ['status=done', '/status'],
    ['gridUnitId=团结镇', '/gridUnitId'],
  ]) {
    const res = await admin.get(`${eventsUrl}?${encodeURI(query!)}`)
    assertProblem(t, res, 400, 'validation-error', query)
    t.ok(res.body.errors.some((e: any) => e.in === 'query' && e.pointer === pointer), `${query} → ${pointer}`)
  }
})
