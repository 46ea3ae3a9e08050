import { anyOf, dateRange } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { legalServices } from '../../db/schema/index.js'
import { defineResource, ownedByUnit } from '../../records/define-resource.js'
import { LegalService, LegalServiceCreate, LegalServiceUpdate, legalServiceFilters } from './schema.js'

export const legalServicesResource = defineResource({
  collection: 'legal-services',
  noun: 'legal service',
  names: { one: 'LegalService', many: 'LegalServices' },
  label: '法律服务',
  tag: { name: 'Legal services', description: '法律服务台账: legal advisers’ services and opinions, the service window’s consultations.' },
  schemas: { create: LegalServiceCreate, update: LegalServiceUpdate, record: LegalService, filters: legalServiceFilters },
  table: legalServices,
  owner: ownedByUnit(legalServices.gridUnitId),
  sorts: { servedAt: sortBy(legalServices.servedAt, { perUnitIndex: true }), ...timeSorts(legalServices) },
  defaultSort: '-servedAt',
  filters: (query) => [
    ...anyOf(legalServices.provider, query.provider),
    ...anyOf(legalServices.recipient, query.recipient),
    ...anyOf(legalServices.kind, query.kind),
    ...dateRange(legalServices.servedAt, query.servedFrom, query.servedTo),
  ],
  docs: {
    list: 'Filters: `provider`, `recipient`, `kind` (each repeatable), `servedFrom`, `servedTo` (inclusive; a plain date is that whole day in UTC+8), `gridUnitId` (the unit and its whole subtree), `q` (subject, providerName, notes), `updatedSince`.',
    create: '`quantity` (default 1) is the number of services (件 or 人次) the entry stands for, so a service window can log a day at once.',
  },
  sheet: {
    headers: {
      subject: '服务事项',
      gridUnitCode: '网格编码',
      gridUnitName: '所属单位',
      provider: '服务提供者',
      providerName: '律师事务所（律师）',
      recipient: '服务对象',
      kind: '服务类型',
      servedAt: '服务时间',
      quantity: '件数（人次）',
      opinionIssued: '出具法律意见书',
      notes: '备注',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
    importable: true,
  },
})
