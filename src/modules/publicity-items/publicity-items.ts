import { anyOf, dateRange, overlaps } from '../../db/filters.js'
import { sortBy, timeSorts } from '../../db/keyset.js'
import { publicityItems } from '../../db/schema/index.js'
import { defineResource, ownedByUnit } from '../../records/define-resource.js'
import { PublicityItem, PublicityItemCreate, PublicityItemUpdate, publicityItemFilters } from './schema.js'

export const publicityItemsResource = defineResource({
  collection: 'publicity-items',
  noun: 'publicity item',
  names: { one: 'PublicityItem', many: 'PublicityItems' },
  label: '政务公开',
  tag: { name: 'Government publicity', description: '政务公开: items made public and the channels they went out on.' },
  schemas: { create: PublicityItemCreate, update: PublicityItemUpdate, record: PublicityItem, filters: publicityItemFilters },
  table: publicityItems,
  owner: ownedByUnit(publicityItems.gridUnitId),
  sorts: { publishedAt: sortBy(publicityItems.publishedAt, { perUnitIndex: true }), ...timeSorts(publicityItems) },
  defaultSort: '-publishedAt',
  filters: (query) => [
    ...anyOf(publicityItems.category, query.category),
    ...overlaps(publicityItems.channels, query.channel),
    ...dateRange(publicityItems.publishedAt, query.publishedFrom, query.publishedTo),
  ],
  docs: {
    list: 'Filters: `category` (repeatable), `channel` (repeatable: items with any of them among their `channels`), `publishedFrom`, `publishedTo` (inclusive; a plain date is that whole day in UTC+8), `gridUnitId` (the unit and its whole subtree), `q` (title), `updatedSince`.',
  },
  sheet: {
    headers: {
      title: '公开事项',
      gridUnitCode: '网格编码',
      gridUnitName: '所属单位',
      category: '类别',
      channels: '公开渠道',
      publishedAt: '公开时间',
      uri: '链接',
      id: '记录编号',
      createdAt: '录入时间',
      updatedAt: '最后修改时间',
    },
    importable: true,
  },
})
