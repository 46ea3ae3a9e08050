import { Type } from 'typebox'
import type { Transitions } from '../../core/lifecycle.js'
import { DateTime, Nullable, RecordOf, Ref, RepeatableEnum, StatusEnum, Text, Uuid } from '../../core/schemas.js'

export const statuses = ['draft', 'submitted', 'published'] as const
export type ReportStatus = (typeof statuses)[number]
const statusLabels = { draft: '草稿', submitted: '已报送', published: '已公开' } as const
/** 《法治政府建设与责任落实督察工作规定》: filed with the level above, published; a filed report may be returned. */
export const transitions = {
  draft: ['submitted'],
  submitted: ['published', 'draft'],
  published: [],
} as const satisfies Transitions<ReportStatus>
/** The statuses in which a report is filed: its figures are frozen and its text may not change. */
export const filedStatuses = ['submitted', 'published'] as const satisfies readonly ReportStatus[]

const paragraphs = (description: string) => Type.Array(Text(2000), { maxItems: 10, description: `${description}, at most 10 paragraphs of at most 2000 characters.` })

export const AnnualReportNarrative = Type.Object(
  {
    introduction: Type.Optional(Text(4000, { description: '开头段: without it the document opens with a default paragraph naming the unit and the year.' })),
    principalDuties: Type.Optional(Text(4000, { description: '党政主要负责人履行推进法治建设第一责任人职责情况.' })),
    shortcomings: paragraphs('存在问题'),
    nextSteps: paragraphs('下一步工作'),
    other: Type.Optional(Text(4000, { description: '其他需要报告的情况: a section of its own when given.' })),
  },
  {
    $id: 'AnnualReportNarrative',
    additionalProperties: false,
    description: 'The office’s own words: the opening, the principal’s duties, 存在问题 and 下一步工作 (`submitted` needs one of each), anything else to report.',
    examples: [
      {
        shortcomings: ['法治宣传教育的针对性和实效性有待进一步增强，群众法治意识仍需提高。'],
        nextSteps: ['持续深化普法宣传，推动法治宣传教育进村入户。'],
      },
    ],
  },
)

export const AnnualReportNarrativePatch = Type.Object(
  {
    introduction: Type.Optional(Nullable(Text(4000))),
    principalDuties: Type.Optional(Nullable(Text(4000))),
    shortcomings: Type.Optional(paragraphs('存在问题')),
    nextSteps: Type.Optional(paragraphs('下一步工作')),
    other: Type.Optional(Nullable(Text(4000))),
  },
  { $id: 'AnnualReportNarrativePatch', additionalProperties: false, description: 'Merge patch of the narrative: members given replace the stored ones; null clears an optional one; lists are replaced whole.' },
)

const fields = {
  gridUnitId: Uuid({ description: '报告单位 the reporting unit; one live report per unit and year (409 `conflict`).' }),
  year: Type.Integer({ minimum: 2000, maximum: 2100, description: '报告年度 the year reported on.', examples: [2025] }),
  title: Text(200, { description: 'Without it `<unit name><year>年度法治政府建设情况报告`.', examples: ['团结镇2025年度法治政府建设情况报告'] }),
  addressee: Text(200, { description: '主送机关', examples: ['旗委全面依法治旗委员会办公室'] }),
  issuer: Text(200, { description: '署名 the issuing body', examples: ['团结镇人民政府'] }),
  status: StatusEnum(
    statuses,
    statusLabels,
    transitions,
    '`submitted` needs a complete narrative (`narrative-complete`) and stamps `submittedAt` when none is given; `published` needs `publishedAt`; once filed only `status` and `publishedAt` change (`frozen-after-submission`); returned to `draft`, the figures are live again',
  ),
  submittedAt: DateTime({ description: '报送时间: set by the service when the report is submitted without one; cleared when it is returned.' }),
  publishedAt: DateTime({ description: '公开时间: required for `published`.' }),
}

const narrative = {
  introduction:
    '2025年，团结镇坚持以习近平法治思想为指导，全面贯彻落实党中央、国务院关于法治政府建设的决策部署和自治区、市、旗工作要求，扎实推进依法行政，法治政府建设取得新成效。现将有关情况报告如下：',
  shortcomings: ['法治宣传教育的针对性和实效性有待进一步增强。', '基层执法人员专业能力与新形势新任务的要求还有差距。', '矛盾纠纷源头预防机制有待完善。'],
  nextSteps: ['持续深化普法宣传。', '加强执法队伍建设。', '健全矛盾纠纷多元化解机制。', '严格落实重大行政决策程序。'],
}
const example = {
  gridUnitId: '3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f4a60',
  year: 2025,
  addressee: '旗委全面依法治旗委员会办公室',
  issuer: '团结镇人民政府',
  narrative,
  status: 'submitted',
  submittedAt: '2026-02-20T02:00:00.000Z',
}

export const AnnualReportCreate = Type.Object(
  {
    gridUnitId: fields.gridUnitId,
    year: fields.year,
    title: Type.Optional(fields.title),
    addressee: fields.addressee,
    issuer: fields.issuer,
    narrative: Ref(AnnualReportNarrative),
    status: Type.Optional({ ...fields.status, default: 'draft' }),
    submittedAt: Type.Optional(fields.submittedAt),
    publishedAt: Type.Optional(fields.publishedAt),
  },
  {
    $id: 'AnnualReportCreate',
    additionalProperties: false,
    description: 'A new annual report, a draft by default; another system may send one already submitted (it must then be complete).',
    examples: [{ ...example, status: 'draft', submittedAt: undefined }, example].map((e) => JSON.parse(JSON.stringify(e))),
  },
)

export const AnnualReportUpdate = Type.Object(
  {
    gridUnitId: Type.Optional(fields.gridUnitId),
    year: Type.Optional(fields.year),
    title: Type.Optional(Nullable(fields.title)),
    addressee: Type.Optional(fields.addressee),
    issuer: Type.Optional(fields.issuer),
    narrative: Type.Optional(Ref(AnnualReportNarrativePatch)),
    status: Type.Optional(fields.status),
    submittedAt: Type.Optional(Nullable(fields.submittedAt)),
    publishedAt: Type.Optional(Nullable(fields.publishedAt)),
  },
  {
    $id: 'AnnualReportUpdate',
    additionalProperties: false,
    description: 'JSON Merge Patch of a report. While a draft, anything may change; once filed only `status` and `publishedAt` (`frozen-after-submission`).',
    examples: [{ status: 'submitted' }, { status: 'published', publishedAt: '2026-03-25T02:00:00Z' }],
  },
)

export const AnnualReport = RecordOf(
  'AnnualReport',
  {
    gridUnitId: fields.gridUnitId,
    year: fields.year,
    title: Type.Optional(fields.title),
    addressee: fields.addressee,
    issuer: fields.issuer,
    narrative: Ref(AnnualReportNarrative),
    status: fields.status,
    submittedAt: Type.Optional(fields.submittedAt),
    publishedAt: Type.Optional(fields.publishedAt),
    // allOf keeps readOnly and the description in the document (siblings of a bare $ref are dropped).
    figures: Type.Unsafe({
      allOf: [Type.Ref('Statistics')],
      readOnly: true,
      description: 'Read-only: the unit’s figures of the year (as `getStatistics`): live while a draft, frozen at the moment of submission. A draft is never answered 304: its figures change while its version stays.',
    }),
    dueAt: DateTime({ readOnly: true, description: 'Read-only: 1 March of the next year, 00:00 UTC+8 — the report is due before it.' }),
    late: Type.Boolean({ readOnly: true, description: 'Read-only: submitted after `dueAt`, or still a draft past it.' }),
  },
  {
    description: '法治政府建设年度报告: the report a unit files with the level above (before 1 March) and publishes (by 1 April).',
    example: { id: '6a2d9b7f-4c8e-4d3f-9e0b-7e5d6c8b9a0f', version: 2, createdAt: '2026-01-12T02:00:00.000Z', updatedAt: '2026-02-20T02:00:00.000Z', ...example, dueAt: '2026-02-28T16:00:00.000Z', late: false },
  },
)

export const annualReportFilters = {
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Only reports of this year.' })),
  status: RepeatableEnum(statuses, 'Only these statuses (repeatable)', statusLabels),
}
