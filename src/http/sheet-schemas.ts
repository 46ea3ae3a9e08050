import { Type } from 'typebox'
import { Uuid } from '../core/schemas.js'

export const ImportResult = Type.Object(
  {
    rows: Type.Integer({ minimum: 0, description: 'Data rows read (blank rows skipped).' }),
    created: Type.Integer({ minimum: 0, description: 'Records created, one per row.' }),
    ids: Type.Array(Uuid(), { maxItems: 5000, description: 'Their ids, in row order.' }),
  },
  { $id: 'ImportResult', additionalProperties: false, description: 'Every row created, each with its audit event, in one transaction.', examples: [{ rows: 2, created: 2, ids: ['3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60', '8c4e2b1a-7d3f-4a6e-9b2c-5e1f0a3d7c94'] }] },
)

export const ImportReport = Type.Object(
  {
    rows: Type.Integer({ minimum: 0, description: 'Data rows read (blank rows skipped).' }),
    valid: Type.Integer({ minimum: 0, description: 'Rows that would be created.' }),
    errors: Type.Array(Type.Ref('ImportRowError'), { description: 'Every bad cell or row, by row.' }),
  },
  {
    $id: 'ImportReport',
    additionalProperties: false,
    description: 'A dry run: what an import of the file would do; nothing is written.',
    examples: [{ rows: 3, valid: 2, errors: [{ row: 4, column: '化解时间', field: 'resolution.resolvedAt', message: '2025-02-30 不是有效日期' }] }],
  },
)

export const sheetSchemas = [ImportResult, ImportReport]
