import type { AnnualReportFigures } from './figures.js'
import { facilityLabels, otherVenueLabels, outreachVenueLabels } from './labels.js'
import { heading1, paragraph, type ReportBlock } from './model.js'
import { countsOf, listCounts } from './phrasing.js'

// 四、深化普法宣传: 法治进乡村、进社区、进学校、进企业 with its materials and audience, the other
// events, the short videos and graphics, the 法治阵地 and the 法律“明白人” (“八五”普法规划).

function outreach({ legalEducation: l }: AnnualReportFigures): string {
  if (l.events === 0) return '全年无开展的普法宣传活动。'
  const o = l.outreach
  const venues = (Object.keys(outreachVenueLabels) as (keyof typeof outreachVenueLabels)[])
    .filter((venue) => l.byVenueType[venue] > 0)
    .map((venue) => outreachVenueLabels[venue])
  const reach = (events: number, materials: number, attendance: number) =>
    [
      `${events}场`,
      materials > 0 ? `发放宣传资料${materials}份` : '未发放宣传资料',
      attendance > 0 ? `受教育群众${attendance}人次` : '',
    ]
      .filter(Boolean)
      .join('，')
  const parts =
    o.events > 0
      ? [`深入开展“法治${venues.join('、')}”活动${reach(o.events, o.materialsDistributed, o.attendance)}`]
      : ['全年无法治进乡村、进社区、进学校、进企业活动']
  if (l.events !== o.events) {
    const elsewhere = listCounts(countsOf(otherVenueLabels, l.byVenueType), '场')
    parts.push(
      `全年共开展各类普法活动${reach(l.events, l.materialsDistributed, l.attendance)}` +
        (elsewhere ? `，其中${elsewhere}` : ''),
    )
  }
  return `${parts.join('；')}。`
}

function positions({ legalEducation: l, gridUnits: g }: AnnualReportFigures): string {
  const media = l.mediaItems > 0 ? `创新普法形式，制作普法短视频、图文${l.mediaItems}条` : '全年无制作的普法短视频、图文'
  const established = listCounts(countsOf(facilityLabels, g.facilitiesEstablished), '个')
  const existing = listCounts(countsOf(facilityLabels, g.facilities), '个')
  let sites: string
  if (established && existing && established !== existing) sites = `新建${established}，辖区现有${existing}`
  else if (established) sites = `新建${established}`
  else if (existing) sites = `全年无新建法治阵地，辖区现有${existing}`
  else sites = '辖区无法治文化广场等法治阵地'
  const literates =
    g.legalLiterates > 0 ? `培育法律“明白人”${g.legalLiterates}名，推动法治宣传教育入脑入心` : '辖区无登记的法律“明白人”'
  return `${media}；${sites}；${literates}。`
}

export function educationSection(f: AnnualReportFigures): ReportBlock[] {
  return [heading1('四、深化普法宣传'), paragraph(outreach(f)), paragraph(positions(f))]
}
