import { Type } from 'typebox'
import { DateTime, StringEnum, Uuid } from '../core/schemas.js'
import { breakdownExample } from './breakdown-example.js'
import { levelLabels, levels } from './vocabulary.js'

// allOf keeps the description in the document (siblings of a bare $ref are dropped).
const StatisticsRef = (description: string, id = 'Statistics') => Type.Unsafe({ allOf: [Type.Ref(id)], description })

export const BreakdownItem = Type.Object(
  {
    gridUnit: Type.Object(
      { id: Uuid(), code: Type.String({ examples: ['150826103'] }), name: Type.String({ examples: ['团结镇'] }), level: StringEnum(levels, levelLabels) },
      { additionalProperties: false, description: 'The child unit.' },
    ),
    statistics: StatisticsRef('Its figures of the year (zeros when it has no records).'),
    report: Type.Union(
      [
        Type.Object(
          {
            id: Uuid(),
            status: StringEnum(['draft', 'submitted', 'published'], { draft: '草稿', submitted: '已报送', published: '已公开' }),
            submittedAt: Type.Optional(DateTime()),
            late: Type.Boolean({ description: 'Submitted after 1 March of the next year (UTC+8), or still a draft past it.' }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'Its annual report of the year; null when it has none.' },
    ),
  },
  { $id: 'StatisticsBreakdownItem', additionalProperties: false, description: 'One direct child unit of the unit asked for.' },
)

export const StatisticsBreakdown = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    gridUnit: StatisticsRef('The unit whose children are listed.', 'StatisticsGridUnit'),
    total: StatisticsRef('The unit’s own figures: its whole subtree (the 合计 row).'),
    items: Type.Array(Type.Ref('StatisticsBreakdownItem'), { description: 'One per live direct child inside the key’s jurisdiction, ordered by code.' }),
  },
  {
    $id: 'StatisticsBreakdown',
    additionalProperties: false,
    description: 'The county’s view of its towns, side by side: each child’s figures and report, and the total.',
    examples: [breakdownExample],
  },
)

export const breakdownSchemas = [BreakdownItem, StatisticsBreakdown]
