import type { FastifyInstance, InjectOptions } from 'fastify'
import { buildApp } from '../app.js'
import type { Config } from '../config.js'
import { createApiKey, deleteApiKey } from '../db/api-keys.js'
import type { Database, Db } from '../db/client.js'
import { liveRecordId, liveUnitIdsByCode } from '../db/grid-units.js'
import { resourceOf } from '../modules/index.js'
import { demoAnnualReports } from './demo-annual-reports.js'
import { demoCases } from './demo-cases.js'
import { demoDecisions } from './demo-decisions.js'
import { demoDisputes } from './demo-disputes.js'
import { demoEvents, retiredEvents } from './demo-events.js'
import { demoInspections } from './demo-inspections.js'
import { demoLegalServices } from './demo-legal-services.js'
import { demoMeetings } from './demo-meetings.js'
import { demoPublicity } from './demo-publicity.js'
import type { DemoRecord } from './demo-record.js'
import { demoWorkPlans } from './demo-work-plans.js'
import { TUANJIE_CODE, demoUnits } from './demo-units.js'

// The demo county is written through the HTTP API, as any other system would write it, so every
// rule of every record holds and the audit trail is the real one. Reads that decide what is still
// missing go straight to the tables.

// In this order, ledger by ledger; the annual reports last, since filing one freezes its figures.
export const demoRecords: DemoRecord[] = [
  ...demoMeetings,
  ...demoWorkPlans,
  ...demoDecisions,
  ...demoLegalServices,
  ...demoPublicity,
  ...demoCases,
  ...demoInspections,
  ...demoEvents,
  ...demoDisputes,
  ...demoAnnualReports,
]
const collections = [...new Set(demoRecords.map((r) => r.collection))]
export const DEMO_ACTOR = 'demo-seed'

export interface SeedSummary {
  townId: string
  /** 团结镇's 2025 annual report. */
  reportId: string
  unitsCreated: number
  recordsCreated: number
  recordsChanged: number
  alreadyThere: number
}

const markerFields: Record<string, string> = { 'enforcement-cases': 'caseNumber', 'legal-services': 'subject' }

/** The live record a demo entry stands for, found by its marker (title, subject or case number) within its unit. */
async function findRecord(db: Db, record: Pick<DemoRecord, 'collection' | 'marker'>, gridUnitId: string): Promise<{ id: string; version: number } | undefined> {
  return liveRecordId(db, resourceOf(record.collection).table, markerFields[record.collection] ?? 'title', record.marker, gridUnitId)
}

function caller(app: FastifyInstance, secret: string) {
  return async (method: InjectOptions['method'], url: string, body: unknown, expected: number, headers: Record<string, string> = {}) => {
    const res = await app.inject({
      method,
      url,
      // GET and DELETE carry no body, and so no Content-Type.
      headers: { authorization: `Bearer ${secret}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    })
    if (res.statusCode !== expected) throw new Error(`${method} ${url} answered ${res.statusCode}: ${res.body}`)
    return (res.statusCode === 204 ? {} : res.json()) as { id: string; version: number; facilities?: unknown[] }
  }
}

/**
 * Loads the demo county (杭锦后旗 → 团结镇, 陕坝镇) into `database`. Idempotent: what exists is
 * found by its code or marker and left alone, so a second run creates and changes nothing.
 */
export async function seedDemo(database: Database, config: Config, log: (line: string) => void = () => {}): Promise<SeedSummary> {
  const { db } = database
  // An in-process instance of the service, quiet and unthrottled: the seed is its only caller.
  const app = await buildApp({ ...config, logLevel: 'error', rateLimitPerMinute: 1_000_000, redisUrl: undefined }, { database })
  const { key, secret } = await createApiKey(db, { name: DEMO_ACTOR, scopes: ['admin'] })
  const call = caller(app, secret)
  const summary: SeedSummary = { townId: '', reportId: '', unitsCreated: 0, recordsCreated: 0, recordsChanged: 0, alreadyThere: 0 }
  try {
    const ids = new Map<string, string>()
    const existing = await liveUnitIdsByCode(db, demoUnits.map((u) => u.code))
    for (const row of existing) ids.set(row.code, row.id)
    summary.alreadyThere += existing.length
    let unitsChanged = 0
    for (const unit of demoUnits) {
      const id = ids.get(unit.code)
      if (id) {
        // A unit seeded before the demo had 法治阵地 gets them; one that has any is left alone.
        if (!unit.facilities) continue
        const current = await call('GET', `/v1/grid-units/${id}`, undefined, 200)
        if ((current.facilities ?? []).length > 0) continue
        await call('PATCH', `/v1/grid-units/${id}`, { facilities: unit.facilities }, 200, { 'if-match': `"${current.version}"` })
        unitsChanged++
        continue
      }
      const { parentCode, ...fields } = unit
      const created = await call('POST', '/v1/grid-units', { ...fields, parentId: parentCode ? ids.get(parentCode) : null }, 201)
      ids.set(unit.code, created.id)
      summary.unitsCreated++
    }
    summary.recordsChanged += unitsChanged
    log(`grid units: ${summary.unitsCreated} created, ${unitsChanged} changes applied, ${existing.length} already there (${demoUnits.length} in the demo)`)

    // Records an earlier demo kept in another ledger (中心组学法 were events, now meetings): one record, one ledger.
    for (const retired of retiredEvents) {
      const current = await findRecord(db, retired, ids.get(retired.unitCode)!)
      if (!current) continue
      await call('DELETE', `/v1/${retired.collection}/${current.id}`, undefined, 204, { 'if-match': `"${current.version}"` })
      summary.recordsChanged++
      log(`${retired.collection}: removed ${retired.marker} (now a meeting)`)
    }

    for (const collection of collections) {
      const counts = { created: 0, changed: 0, there: 0 }
      for (const record of demoRecords.filter((r) => r.collection === collection)) {
        const gridUnitId = ids.get(record.unitCode)!
        let current = await findRecord(db, record, gridUnitId)
        if (current) counts.there++
        else {
          current = await call('POST', `/v1/${collection}`, { ...record.create, gridUnitId }, 201)
          counts.created++
        }
        if (collection === 'annual-reports' && record.unitCode === TUANJIE_CODE) summary.reportId = current.id
        // Version n has seen the first n - 1 steps; an interrupted run resumes where it stopped.
        for (const patch of record.patches.slice(current.version - 1)) {
          current = await call('PATCH', `/v1/${collection}/${current.id}`, patch, 200, { 'if-match': `"${current.version}"` })
          counts.changed++
        }
      }
      log(`${collection}: ${counts.created} created, ${counts.changed} changes applied, ${counts.there} already there`)
      summary.recordsCreated += counts.created
      summary.recordsChanged += counts.changed
      summary.alreadyThere += counts.there
    }
    summary.townId = ids.get(TUANJIE_CODE)!
    return summary
  } finally {
    // The key lived for this run only: removing it leaves a re-run with nothing changed, and a fresh
    // database still gets its bootstrap admin key at first start (which waits for an empty key table).
    await deleteApiKey(db, key.id)
    await app.close()
  }
}
