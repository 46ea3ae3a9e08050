import { cst, type DemoRecord } from './demo-record.js'
import { SHANBA_CODE, TUANJIE_CODE, settlementCode } from './demo-units.js'

interface Row {
  unitCode: string
  title: string
  theme?: string
  format: 'lecture' | 'consultation_desk' | 'short_video' | 'training' | 'study_session'
  venueType: 'village' | 'school' | 'enterprise' | 'community' | 'government' | 'online'
  audience: 'villagers' | 'students' | 'enterprise_staff' | 'cadres' | 'enforcement_officers' | 'general_public'
  location?: string
  date: string
  materials: number
  attendance: number
  media?: number
}

const town = TUANJIE_CODE
const training = (n: string, date: string): Row => ({
  unitCode: town,
  title: `团结镇干部法治培训（第${n}期）`,
  format: 'training',
  venueType: 'government',
  audience: 'cadres',
  location: '团结镇人民政府会议室',
  date,
  materials: 50,
  attendance: 65,
})
const officerTraining = (n: string, topic: string, date: string): Row => ({
  unitCode: town,
  title: `团结镇行政执法人员业务培训（第${n}期）：${topic}`,
  format: 'training',
  venueType: 'government',
  audience: 'enforcement_officers',
  location: '团结镇综合行政执法局会议室',
  date,
  materials: 30,
  attendance: 28,
})

// 团结镇 2025: 4 outreach events into villages, schools and enterprises (2 150 leaflets, 4 350
// people), 12 short videos, 4 cadre trainings and 4 officers' trainings. The party committee's
// 中心组学法 are meetings (demo-meetings.ts), not events.
const rows: Row[] = [
  { unitCode: settlementCode('团结村'), title: '民法典宣传月进村入户宣讲', theme: '民法典宣传月', format: 'lecture', venueType: 'village', audience: 'villagers', location: '团结村党群服务中心', date: '2025-05-08', materials: 700, attendance: 1300 },
  { unitCode: settlementCode('红旗村'), title: '“法律明白人”进村法律咨询服务', format: 'consultation_desk', venueType: 'village', audience: 'villagers', location: '红旗村文化广场', date: '2025-09-12', materials: 550, attendance: 1150 },
  { unitCode: town, title: '法治进校园——青少年法治教育讲座', format: 'lecture', venueType: 'school', audience: 'students', location: '团结镇中心学校', date: '2025-04-15', materials: 480, attendance: 1200 },
  { unitCode: town, title: '法律进企业——安全生产与劳动用工法律宣讲', format: 'lecture', venueType: 'enterprise', audience: 'enterprise_staff', location: '团结镇农产品加工园区', date: '2025-06-18', materials: 420, attendance: 700 },
  { unitCode: town, title: '“以案说法”普法短视频系列', format: 'short_video', venueType: 'online', audience: 'general_public', date: '2025-08-01', materials: 0, attendance: 0, media: 12 },
  training('一', '2025-03-20'),
  training('二', '2025-06-25'),
  training('三', '2025-09-24'),
  training('四', '2025-12-03'),
  officerTraining('一', '行政处罚法与执法程序', '2025-03-27'),
  officerTraining('二', '执法文书制作与案卷归档', '2025-05-29'),
  officerTraining('三', '行政执法“三项制度”', '2025-08-21'),
  officerTraining('四', '执法全过程记录与证据固定', '2025-11-13'),
  { unitCode: settlementCode('联星村'), title: '2024年宪法宣传周进村宣讲', theme: '国家宪法日', format: 'lecture', venueType: 'village', audience: 'villagers', date: '2024-12-04', materials: 400, attendance: 650 },
  { unitCode: town, title: '2024年法治进校园讲座', format: 'lecture', venueType: 'school', audience: 'students', location: '团结镇中心学校', date: '2024-09-10', materials: 300, attendance: 900 },
  { ...training('一', '2024-05-16'), title: '团结镇2024年干部法治培训' },
  { unitCode: settlementCode('北街社区'), title: '北街社区法律咨询进社区', format: 'consultation_desk', venueType: 'community', audience: 'general_public', date: '2025-05-20', materials: 260, attendance: 380 },
  { unitCode: SHANBA_CODE, title: '陕坝镇干部法治培训', format: 'training', venueType: 'government', audience: 'cadres', date: '2025-07-09', materials: 40, attendance: 80 },
]

/** The 中心组学法 an earlier demo kept here: they are meetings now, so a re-run removes them. */
export const retiredEvents = ['上半年', '下半年'].map((half) => ({
  collection: 'legal-education-events',
  unitCode: town,
  marker: `团结镇党委理论学习中心组${half}集体学法`,
}))

export const demoEvents: DemoRecord[] = rows.map((row, i) => {
  const startsAt = cst(row.date, '09:00')
  const figures = { materialsDistributed: row.materials, attendance: row.attendance, mediaItems: row.media ?? 0 }
  // The first event is entered on the day and its figures added once counted, as staff do.
  const countedLater = i === 0
  return {
    collection: 'legal-education-events',
    unitCode: row.unitCode,
    marker: row.title,
    create: {
      title: row.title,
      ...(row.theme ? { theme: row.theme } : {}),
      format: row.format,
      venueType: row.venueType,
      audience: row.audience,
      ...(row.location ? { location: row.location } : {}),
      organizer: row.unitCode === SHANBA_CODE || row.unitCode === settlementCode('北街社区') ? '陕坝镇司法所' : '团结镇司法所',
      startsAt,
      endsAt: cst(row.date, '11:30'),
      ...(countedLater ? {} : figures),
    },
    patches: countedLater ? [figures] : [],
  }
})
