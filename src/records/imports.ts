import { randomUUID } from 'node:crypto'
import type { WriteContext } from '../core/actor.js'
import { normalizeDateTimes } from '../core/documents.js'
import { ProblemError, problem, type RowError } from '../core/problems.js'
import { fieldErrors } from '../core/validation.js'
import { queryRows, type Tx } from '../db/client.js'
import { liveUnitIdsByCode } from '../db/grid-units.js'
import { bulkCreateStatements } from '../db/record-writes.js'
import { claimIdempotencyKey, storeIdempotentResponse } from '../db/idempotency.js'
import { errorAt, type SheetColumn, type SheetReadResult } from '../spreadsheets/index.js'
import type { Doc } from './codec.js'
import { GRID_UNIT_CODE } from './sheets.js'
import { checkDocument, loadOwner, mapUniqueViolation, refuseMaskedValues, type WriteKit } from './writes.js'

/** One bad cell or row of an import (API.md §7): the sheet's own row number, the column, the field. */
export type ImportError = RowError

export interface ImportReport {
  rows: number
  valid: number
  errors: ImportError[]
}

export interface ImportResult {
  rows: number
  created: number
  ids: string[]
}

/** Thrown inside the transaction to roll it back, carrying what the rows came to. */
class RolledBack extends Error {
  constructor(readonly report: ImportReport) {
    super('import rolled back')
  }
}

/**
 * Every row checked exactly as a POST of the collection is — the same schema validator, the same
 * rules (checkDocument), the same owner and jurisdiction check (loadOwner) — then all created in
 * one transaction with an audit event per record; a dry run, or any bad row, rolls it all back. A
 * bad row is reported at its row and column, never as the first failure only.
 */
export async function importRows(kit: WriteKit, ctx: WriteContext, sheet: SheetReadResult, columns: readonly SheetColumn[], dryRun: boolean): Promise<ImportResult | ImportReport> {
  const { def, env } = kit
  const owner = def.owner.kind === 'unit' ? def.owner.field : def.owner.parentField
  const errors: ImportError[] = [...sheet.errors]
  const badRows = new Set(sheet.errors.map((e) => e.row))
  const codes = [...new Set(sheet.rows.map((r) => r.values[GRID_UNIT_CODE]).filter((c): c is string => typeof c === 'string'))]
  const units = new Map((await liveUnitIdsByCode(env.db, codes)).map((u) => [u.code, u.id]))
  const at = (row: number, pointer: string, message: string, rule?: string): ImportError => ({ ...errorAt(columns, sheet, row, pointer, message), ...(rule ? { rule } : {}) })
  const codeError = (row: number, message: string, rule?: string) => at(row, `/${GRID_UNIT_CODE}`, message, rule)

  const documents: { row: number; doc: Doc }[] = []
  const codeOfRow = new Map<number, string>()
  for (const { row, values } of sheet.rows) {
    const { [GRID_UNIT_CODE]: code, ...fields } = values
    if (typeof code === 'string') codeOfRow.set(row, code)
    const unitId = typeof code === 'string' ? units.get(code) : undefined
    if (typeof code === 'string' && !unitId) errors.push(codeError(row, `网格编码“${code}”不存在或已删除`, 'grid-unit-exists'))
    // A row with a cell that could not be read, or an unknown unit, is not checked further: its other errors would only follow from those.
    if (badRows.has(row) || (typeof code === 'string' && !unitId)) continue
    const body: Doc = structuredClone({ ...fields, ...(unitId ? { [owner]: unitId } : {}) })
    if (!kit.validateWritable(body)) {
      for (const e of fieldErrors(kit.validateWritable.errors ?? [], 'body')) errors.push(at(row, e.pointer === `/${owner}` ? `/${GRID_UNIT_CODE}` : e.pointer, e.message))
      continue
    }
    try {
      refuseMaskedValues(kit, body)
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error
      for (const e of error.extras.errors ?? []) errors.push(at(row, 'pointer' in e ? e.pointer : '', e.message))
      continue
    }
    documents.push({ row, doc: normalizeDateTimes(def.schemas.create, body, env.resolve) as Doc })
  }

  const report = (valid: number): ImportReport => ({ rows: sheet.rows.length, valid, errors: errors.sort((a, b) => a.row - b.row) })
  try {
    return await env.db.transaction(async (tx) => {
      const idem = dryRun ? undefined : ctx.idempotency
      if (idem) {
        const stored = await claimIdempotencyKey(tx, ctx.actor.keyId, idem.key, idem.requestHash)
        if (stored !== undefined) return stored as ImportResult
      }
      const checked = await checkRows(kit, tx, ctx, documents, owner, (row, error) => errors.push(...rowErrors(error, row, codeOfRow.get(row), at, codeError)))
      if (errors.length > 0) throw new RolledBack(report(checked.length))
      const ids = await createAll(kit, tx, ctx, checked)
      if (dryRun) throw new RolledBack(report(ids.length))
      const result: ImportResult = { rows: sheet.rows.length, created: ids.length, ids }
      if (idem) await storeIdempotentResponse(tx, ctx.actor.keyId, idem.key, 201, result)
      return result
    })
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error
    if (dryRun) return error.report
    throw problem('import-rejected', `${error.report.errors.length} error(s) in ${new Set(error.report.errors.map((e) => e.row)).size} row(s); nothing was created.`, {
      errors: error.report.errors,
    })
  }
}

/**
 * The rules of every row, as a POST checks them, and the owning units: each unit the rows name is
 * checked once (it exists, it lies in the key's jurisdiction), every row of a refused unit named.
 */
async function checkRows(
  { def }: WriteKit,
  tx: Tx,
  ctx: WriteContext,
  documents: { row: number; doc: Doc }[],
  ownerField: string,
  refused: (row: number, error: ProblemError) => void,
): Promise<Doc[]> {
  const owners = new Map<string, Promise<unknown>>()
  const checked: { row: number; doc: Doc; owner: Promise<unknown> }[] = []
  for (const { row, doc: next } of documents) {
    try {
      checkDocument(def, next, null)
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error
      refused(row, error)
      continue
    }
    const unitId = String(next[ownerField])
    if (!owners.has(unitId)) owners.set(unitId, loadOwner(tx, ctx.actor, unitId).then(() => undefined, (error: unknown) => error))
    checked.push({ row, doc: next, owner: owners.get(unitId)! })
  }
  const passed: Doc[] = []
  for (const { row, doc, owner } of checked) {
    const failure = await owner
    if (failure === undefined) passed.push(doc)
    else if (failure instanceof ProblemError) refused(row, failure)
    else throw failure
  }
  return passed
}

/** The checked rows created with their audit events, a chunk of rows per statement; their ids in row order. */
async function createAll({ def, codec, reads }: WriteKit, tx: Tx, ctx: WriteContext, docs: Doc[]): Promise<string[]> {
  const ids = docs.map(() => randomUUID())
  const statements = bulkCreateStatements({
    table: def.table,
    statements: reads.statements,
    rows: docs.map((doc, i) => ({ id: ids[i], ...codec.rowOf(doc) })),
    audit: {
      actor: ctx.actor.name,
      requestId: ctx.requestId,
      action: 'created',
      resourceType: def.collection,
      afters: docs.map((doc, i) => codec.recordOf({ ...doc, id: ids[i], version: 1 })),
    },
  })
  let created = 0
  for (const statement of statements) created += (await mapUniqueViolation(def, () => queryRows<{ created: number }>(tx, statement)))[0]!.created
  if (created !== docs.length) throw new Error(`import: ${created} of ${docs.length} rows were inserted`)
  return ids
}

/** A refusal of one row's write, as that row's errors. */
function rowErrors(
  error: ProblemError,
  row: number,
  code: string | undefined,
  at: (row: number, pointer: string, message: string, rule?: string) => ImportError,
  codeError: (row: number, message: string, rule?: string) => ImportError,
): ImportError[] {
  switch (error.slug) {
    case 'rule-violation':
      return (error.extras.violations ?? []).map((v) =>
        v.rule === 'grid-unit-exists' ? codeError(row, v.message, v.rule) : v.pointer ? at(row, v.pointer, v.message, v.rule) : { row, column: '', field: '', message: v.message, rule: v.rule },
      )
    case 'forbidden':
      return [codeError(row, code ? `网格编码“${code}”不在本密钥的管辖范围内` : error.detail)]
    case 'validation-error':
      return (error.extras.errors ?? []).map((e) => at(row, 'pointer' in e ? e.pointer : '', e.message))
    default:
      return [{ row, column: '', field: '', message: error.detail }]
  }
}
