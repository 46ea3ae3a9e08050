// Each bulk ledger's template downloaded, filled in as a clerk fills it (labels from the drop-downs,
// a date typed as text, a date picked as a date), sent back: the records are the rows.
import t from 'tap'
import ExcelJS from 'exceljs'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { download, fileNameOf, loadWorkbook } from '../spreadsheet-export/fixtures.js'
import { XLSX, upload } from './fixtures.js'

// Hundreds of requests and several workbooks: more than the default file timeout on a busy machine.
t.setTimeout(600_000)
const { app, admin, keyWith } = await buildTestApp(t)
const c = await createCounty(admin)

/** A wall time in UTC+8 as the Date a spreadsheet's date cell holds (its serial reads as UTC). */
const sheetDate = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min))

interface Case {
  collection: string
  /** Two rows by Chinese header, as typed. */
  rows: Record<string, ExcelJS.CellValue>[]
  /** What the records hold, field by field (beyond the unit). */
  expected: Record<string, unknown>[]
}

const cases: Case[] = [
  {
    collection: 'disputes',
    rows: [
      { 网格编码: c.grid.code, 纠纷名称: '团结村三组土地流转纠纷', 纠纷类别: '土地', 来源: '网格排查', 登记时间: '2025-04-08 10:30', 当事人: '张福（申请人，13812345678）；丰源种植专业合作社（被申请人）', 信访积案: '否' },
      {
        网格编码: c.community.code, 纠纷名称: '新华社区邻里纠纷', 纠纷类别: '邻里', 来源: '热线', 登记时间: sheetDate(2025, 4, 10, 9, 15), 当事人: '李桂兰（申请人）', 状态: '已化解',
        化解方式: '人民调解', 化解情况: '双方和解', 达成协议: '是', 化解时间: '2025/4/15',
      },
    ],
    expected: [
      { title: '团结村三组土地流转纠纷', category: 'land', source: 'grid_inspection', reportedAt: '2025-04-08T02:30:00.000Z', status: 'reported', isPetitionBacklog: false,
        parties: [{ name: '张福', role: 'applicant', phone: '13812345678' }, { name: '丰源种植专业合作社', role: 'respondent' }] },
      { title: '新华社区邻里纠纷', category: 'neighborhood', source: 'hotline', reportedAt: '2025-04-10T01:15:00.000Z', status: 'resolved', parties: [{ name: '李桂兰', role: 'applicant' }],
        resolution: { method: 'people_mediation', summary: '双方和解', agreementReached: true, resolvedAt: '2025-04-14T16:00:00.000Z' } },
    ],
  },
  {
    collection: 'legal-education-events',
    rows: [
      { 网格编码: c.village.code, 活动名称: '民法典宣传月进村入户宣讲', 主题: '民法典宣传月', 形式: '法治讲座', 场所: '进村', 对象: '村民', 开始时间: '2025-05-08 09:30', 结束时间: sheetDate(2025, 5, 8, 12), 地点: '团结村党群服务中心', 主办单位: '团结镇司法所', '发放资料（份）': 500, 参与人次: 120, '短视频图文（个）': 2 },
      { 网格编码: c.town.code, 活动名称: '国家宪法日宣传', 主题: '国家宪法日', 形式: '展板展览', 场所: '进校园', 对象: '学生', 开始时间: sheetDate(2025, 12, 4, 8), 结束时间: '2025/12/4 11:00', 地点: '团结镇中心小学', 主办单位: '团结镇司法所', '发放资料（份）': 0, 参与人次: 300, '短视频图文（个）': 0 },
    ],
    expected: [
      { title: '民法典宣传月进村入户宣讲', format: 'lecture', venueType: 'village', audience: 'villagers', startsAt: '2025-05-08T01:30:00.000Z', endsAt: '2025-05-08T04:00:00.000Z', materialsDistributed: 500, attendance: 120, mediaItems: 2 },
      { title: '国家宪法日宣传', format: 'exhibition', venueType: 'school', audience: 'students', startsAt: '2025-12-04T00:00:00.000Z', endsAt: '2025-12-04T03:00:00.000Z', attendance: 300 },
    ],
  },
  {
    collection: 'legal-services',
    rows: [
      { 网格编码: c.town.code, 服务事项: '审查施工合同', 服务提供者: '政府法律顾问', '律师事务所（律师）': '河套律师事务所 李明', 服务对象: '政府及其部门', 服务类型: '合同审查', 服务时间: '2025-04-11 10:00', '件数（人次）': 1, 出具法律意见书: '是' },
      { 网格编码: c.grid.code, 服务事项: '群众法律咨询', 服务提供者: '村（社区）法律顾问', 服务对象: '群众', 服务类型: '法律咨询', 服务时间: sheetDate(2025, 6, 1, 15, 30), '件数（人次）': 12, 出具法律意见书: '否', 备注: '土地承包咨询为主' },
    ],
    expected: [
      { subject: '审查施工合同', provider: 'government_legal_adviser', recipient: 'government', kind: 'contract_review', servedAt: '2025-04-11T02:00:00.000Z', quantity: 1, opinionIssued: true },
      { subject: '群众法律咨询', provider: 'village_legal_adviser', recipient: 'public', kind: 'legal_consultation', servedAt: '2025-06-01T07:30:00.000Z', quantity: 12, opinionIssued: false, notes: '土地承包咨询为主' },
    ],
  },
  {
    collection: 'publicity-items',
    rows: [
      { 网格编码: c.town.code, 公开事项: '第一季度财政预算执行情况', 类别: '财政信息', 公开渠道: '政务平台；公开栏', 公开时间: '2025-04-10 10:00', 链接: 'https://www.hjhq.gov.cn/tjz/zwgk/1024.html' },
      { 网格编码: c.village.code, 公开事项: '村务公开 四月', 类别: '村务', 公开渠道: '网格群', 公开时间: sheetDate(2025, 5, 1) },
    ],
    expected: [
      { title: '第一季度财政预算执行情况', category: 'fiscal', channels: ['government_platform', 'notice_board'], publishedAt: '2025-04-10T02:00:00.000Z', uri: 'https://www.hjhq.gov.cn/tjz/zwgk/1024.html' },
      { title: '村务公开 四月', category: 'village_affairs', channels: ['grid_group'], publishedAt: '2025-04-30T16:00:00.000Z' },
    ],
  },
]

for (const { collection, rows, expected } of cases) {
  t.test(`${collection}: template → filled → imported`, async (t) => {
    const writer = await keyWith([`${collection}:write`, `${collection}:read`, 'pii:read'], c.town.id)
    const res = await download(app, writer.secret, `/v1/${collection}/import-template`)
    t.equal(res.status, 200)
    t.equal(res.headers['content-type'], XLSX)
    t.match(fileNameOf(res.headers['content-disposition']), /导入模板\.xlsx$/)
    const workbook = await loadWorkbook(res.bytes)
    const input = workbook.worksheets[0]!
    const headers = (input.getRow(1).values as unknown[]).slice(1).map(String)
    t.ok(workbook.getWorksheet('填写说明'), 'a sheet explains the columns')
    const units = workbook.getWorksheet('网格单元')!
    const listedCodes = units.getColumn(1).values.slice(2)
    t.ok(listedCodes.includes(c.grid.code) && !listedCodes.includes(c.otherGrid.code), 'the units the key may write to, and no other')

    rows.forEach((row, i) => {
      for (const [header, value] of Object.entries(row)) {
        const col = headers.indexOf(header)
        if (col < 0) throw new Error(`${collection}: no column ${header} in ${headers.join(', ')}`)
        input.getRow(i + 2).getCell(col + 1).value = value
      }
    })
    const filled = Buffer.from(await workbook.xlsx.writeBuffer())
    const imported = await upload(app, writer.secret, `/v1/${collection}/imports`, filled, XLSX)
    t.equal(imported.status, 201, imported.text)
    t.equal(imported.body.rows, 2)
    t.equal(imported.body.created, 2)
    for (const [i, id] of (imported.body.ids as string[]).entries()) {
      const record = (await writer.get(`/v1/${collection}/${id}`)).body
      t.match(record, expected[i]!, `row ${i + 2} is the record`)
      const unit = [c.grid, c.village, c.community, c.town].find((u) => u.code === rows[i]![`网格编码`])!
      t.equal(record.gridUnitId, unit.id, 'in the unit named by its code')
    }
  })
}
