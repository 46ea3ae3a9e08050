import type { Client } from '../helpers/app.js'

// Shared data of the publicity-item tests (not a test itself).

export const itemsUrl = '/v1/publicity-items'

/** A valid item: the first quarter's budget made public on 10 April 2025, 10:00 Beijing time. Undefined leaves a field out. */
export function itemBody(gridUnitId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    gridUnitId,
    title: '团结镇2025年第一季度财政预算执行情况',
    category: 'fiscal',
    channels: ['government_platform', 'notice_board'],
    publishedAt: '2025-04-10T10:00:00+08:00',
    uri: 'https://www.hjhq.gov.cn/tjz/zwgk/2025/04/t20250410_1024.html',
    ...fields,
  }
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined))
}

export async function createItem(api: Client, gridUnitId: string, fields: Record<string, unknown> = {}): Promise<any> {
  const res = await api.post(itemsUrl, itemBody(gridUnitId, fields))
  if (res.status !== 201) throw new Error(`publicity item not created: ${res.status} ${res.text}`)
  return res.body
}

/** Every id of a list, walking all pages with the given query. */
export async function walkIds(api: Client, url: string, query: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = []
  let pages = 0
  let cursor: string | null = null
  do {
    const res = await api.get(`${url}?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    if (res.status !== 200) throw new Error(`list failed: ${res.status} ${res.text}`)
    ids.push(...res.body.items.map((r: { id: string }) => r.id))
    cursor = res.body.nextCursor
    pages++
  } while (cursor)
  return { ids, pages }
}
