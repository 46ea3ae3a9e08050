import type { RequestSpec } from 'autocannon'

// What each scenario asks, as autocannon request specs. A spec is built afresh for every run;
// the state it keeps (which records are being patched, at which version) lives in the context.

export interface ScenarioContext {
  /** Random live disputes to read. */
  readIds: string[]
  /** Disputes to patch, with the version each is at; a record is patched by one connection at a time. */
  patchable: { id: string; version: number }[]
  /** 团结镇: the unit the list and statistics scenarios ask about. */
  townId: string
  /** The 160 grids, for new disputes. */
  gridIds: string[]
  year: number
  /** The cursor of the page 10 000 rows into the filtered list. */
  deepCursor: string
}

export type ScenarioKey = 'get' | 'list' | 'deep' | 'search' | 'statistics' | 'statisticsSmall' | 'create' | 'patch'

export interface Scenario {
  key: ScenarioKey
  title: string
  /** Whether the floor answers it too (the small database has no floor). */
  floor: boolean
  /** Which database the service reads: the big one, or the twin with 10 000 disputes. */
  database: 'big' | 'small'
  spec(ctx: ScenarioContext): RequestSpec
}

const SEARCH_WORD = '土地'
export const listPath = (ctx: ScenarioContext) => `/v1/disputes?gridUnitId=${ctx.townId}&status=mediating&sort=-reportedAt`
const statisticsPath = (ctx: ScenarioContext) => `/v1/statistics?year=${ctx.year}&gridUnitId=${ctx.townId}`
const randomOf = <T>(values: T[]): T => values[Math.floor(Math.random() * values.length)]!

let created = 0
function newDispute(ctx: ScenarioContext): string {
  const n = ++created
  const reportedAt = new Date(Date.UTC(ctx.year - 1, 0, 1) + Math.floor(Math.random() * 360) * 86_400_000).toISOString()
  return JSON.stringify({
    gridUnitId: randomOf(ctx.gridIds),
    title: `团结村三组土地流转纠纷（压测 ${n}）`,
    description: '承包户与种植合作社因流转土地面积和流转费结算发生争议，网格员入户排查时发现。',
    category: 'land',
    source: 'grid_inspection',
    parties: [
      { name: '张福', role: 'applicant', phone: '13847815678' },
      { name: '杭锦后旗丰源种植专业合作社', role: 'respondent' },
    ],
    reportedAt,
    mediator: '团结镇人民调解委员会 王建国',
  })
}

let patches = 0
/** Takes a record no other connection is patching, sends the version it is at, and notes the new one. */
function patchSpec(ctx: ScenarioContext): RequestSpec {
  return {
    method: 'PATCH',
    setupRequest(request, context) {
      const record = ctx.patchable.shift()!
      context.record = record
      return {
        ...request,
        path: `/v1/disputes/${record.id}`,
        headers: { ...request.headers, 'content-type': 'application/merge-patch+json', 'if-match': `"${record.version}"` },
        body: JSON.stringify({ mediator: `团结镇人民调解委员会 调解员${++patches}` }),
      }
    },
    onResponse(status, _body, context, headers) {
      const record = context.record as { id: string; version: number }
      if (status === 200) record.version = Number(String(headers.etag).replace(/"/g, ''))
      ctx.patchable.push(record)
    },
  }
}

export const scenarios: Scenario[] = [
  {
    key: 'get',
    title: 'get one dispute by id (random ids)',
    floor: true,
    database: 'big',
    spec: (ctx) => ({ method: 'GET', setupRequest: (request) => ({ ...request, path: `/v1/disputes/${randomOf(ctx.readIds)}` }) }),
  },
  { key: 'list', title: 'first page: a town’s mediating disputes, newest first', floor: true, database: 'big', spec: (ctx) => ({ method: 'GET', path: listPath(ctx) }) },
  { key: 'deep', title: 'the same list, a page 10 000 rows deep by cursor', floor: true, database: 'big', spec: (ctx) => ({ method: 'GET', path: `${listPath(ctx)}&cursor=${ctx.deepCursor}` }) },
  { key: 'search', title: `q search for ${SEARCH_WORD} (two Chinese characters)`, floor: true, database: 'big', spec: () => ({ method: 'GET', path: `/v1/disputes?q=${encodeURIComponent(SEARCH_WORD)}` }) },
  { key: 'statistics', title: 'a town’s figures for the year, all disputes in the table', floor: true, database: 'big', spec: (ctx) => ({ method: 'GET', path: statisticsPath(ctx) }) },
  { key: 'statisticsSmall', title: 'the same figures, the twin with 1 % of the disputes', floor: false, database: 'small', spec: (ctx) => ({ method: 'GET', path: statisticsPath(ctx) }) },
  {
    key: 'create',
    title: 'create a dispute (with its audit event)',
    floor: true,
    database: 'big',
    spec: (ctx) => ({
      method: 'POST',
      setupRequest: (request) => ({ ...request, path: '/v1/disputes', headers: { ...request.headers, 'content-type': 'application/json' }, body: newDispute(ctx) }),
    }),
  },
  { key: 'patch', title: 'patch a dispute with If-Match (with its audit event)', floor: true, database: 'big', spec: patchSpec },
]
