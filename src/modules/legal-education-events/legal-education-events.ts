import type { FieldError } from '../../core/problems.js'
import { anyOf, dateRange } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { legalEducationEvents } from '../../db/schema/index.js'
import { defineResource, ownedByUnit, type WritableOf } from '../../records/define-resource.js'
import { LegalEducationEvent, LegalEducationEventCreate, LegalEducationEventUpdate, legalEducationEventFilters } from './schema.js'

/**
 * `endsAt` not before `startsAt`: the contract answers this cross-field check as a 400 pointing at
 * `/endsAt`, on the merged document of every patch too (moving `startsAt` past `endsAt` breaks it).
 */
function endsAfterStart({ startsAt, endsAt }: WritableOf<typeof LegalEducationEventCreate>): FieldError[] {
  return endsAt !== undefined && Date.parse(endsAt) < Date.parse(startsAt)
    ? [{ in: 'body', pointer: '/endsAt', message: `must not be before startsAt (${startsAt})` }]
    : []
}

export const legalEducationEventsResource = defineResource({
  collection: 'legal-education-events',
  noun: 'legal-education event',
  names: { one: 'LegalEducationEvent', many: 'LegalEducationEvents' },
  label: '普法活动',
  tag: { name: 'Legal education events', description: '普法活动: campaigns, trainings and study sessions.' },
  schemas: { create: LegalEducationEventCreate, update: LegalEducationEventUpdate, record: LegalEducationEvent, filters: legalEducationEventFilters },
  table: legalEducationEvents,
  owner: ownedByUnit(legalEducationEvents.gridUnitId),
  checks: endsAfterStart,
  sorts: {
    startsAt: sortBy(legalEducationEvents.startsAt, { perUnitIndex: true }),
    ...timeSorts(legalEducationEvents),
  },
  defaultSort: '-startsAt',
  filters: (query) => [
    ...anyOf(legalEducationEvents.format, query.format),
    ...anyOf(legalEducationEvents.venueType, query.venueType),
    ...anyOf(legalEducationEvents.audience, query.audience),
    ...dateRange(legalEducationEvents.startsAt, query.startsFrom, query.startsTo),
  ],
  docs: {
    list: 'Filters: `format`, `venueType`, `audience` (each repeatable), `startsFrom`, `startsTo` (inclusive; a plain date is that whole day in UTC+8), `gridUnitId` (the unit and its whole subtree), `q` (title, theme, location, organizer, notes), `updatedSince`.',
    create: 'Counts (`materialsDistributed`, `attendance`, `mediaItems`) are integers ≥ 0 and default to 0. `endsAt`, when given, is not before `startsAt` (400 `validation-error`, pointer `/endsAt`).',
    update: 'The merged event must still end no earlier than it starts (400 `validation-error`, pointer `/endsAt`).',
  },
  sheet: {
    headers: {
      title: '活动名称',
      gridUnitCode: '网格编码',
      gridUnitName: '所属单位',
      theme: '主题',
      format: '形式',
      venueType: '场所',
      audience: '对象',
      startsAt: '开始时间',
      endsAt: '结束时间',
      location: '地点',
      organizer: '主办单位',
      materialsDistributed: '发放资料（份）',
      attendance: '参与人次',
      mediaItems: '短视频图文（个）',
      notes: '备注',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
    importable: true,
  },
})
