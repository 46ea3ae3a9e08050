import type { TObject } from 'typebox'
import type { SchemaResolver } from '../core/documents.js'
import { columnsFromSchema, type SheetColumn } from '../spreadsheets/index.js'
import type { AnyResource } from './define-resource.js'

/** The columns that name the owning unit: by its code (what an import gives) and, in an export, its name. */
export const GRID_UNIT_CODE = 'gridUnitCode'
export const GRID_UNIT_NAME = 'gridUnitName'

const root = (field: string) => field.split('.')[0]!

export interface CollectionSheet {
  /** Every column of the export, from the record as answered. */
  export: SheetColumn[]
  /** The columns of the template and the import, from the writable document; none when not importable. */
  import: SheetColumn[] | undefined
}

/** The export and import columns of a collection, from its schemas and its sheet headers. */
export function collectionSheet(def: AnyResource, resolve: SchemaResolver): CollectionSheet {
  const { headers, importable } = def.sheet
  const fields = Object.keys(headers)
  const owner = def.owner.kind === 'unit' ? def.owner.field : def.owner.parentField
  const record = def.schemas.record as TObject
  const writable = def.schemas.create as TObject
  const exportColumns = columnsFromSchema(record, {
    headers,
    order: fields.filter((f) => f === GRID_UNIT_CODE || f === GRID_UNIT_NAME || (root(f) in record.properties && root(f) !== owner)),
    resolve,
    columns: { [GRID_UNIT_CODE]: { kind: 'text' }, [GRID_UNIT_NAME]: { kind: 'text' } },
  })
  const importColumns = importable
    ? columnsFromSchema(writable, {
        headers,
        order: fields.filter((f) => f === GRID_UNIT_CODE || (root(f) in writable.properties && root(f) !== owner)),
        resolve,
        columns: { [GRID_UNIT_CODE]: { kind: 'text', required: owner === 'gridUnitId', example: '150826103201G01', format: '网格编码，见“网格单元”表' } },
      })
    : undefined
  return { export: exportColumns, import: importColumns }
}
