// The import template as a clerk gets it, then filled in as a clerk would (labels, not values; a
// date typed as text; a spreadsheet date; a blank row) and read back.
import t from 'tap'
import ExcelJS from 'exceljs'
import { readSpreadsheet, TEMPLATE_SHEETS, writeTemplate, type SheetColumn } from '../../src/spreadsheets/index.js'
import { columnsFromSchema } from '../../src/spreadsheets/index.js'
import { StringEnum } from '../../src/core/schemas.js'
import { Type } from 'typebox'
import { disputeColumns, loadWorkbook, saveWorkbook, sink } from './fixtures.js'

const gridUnits = [
  { code: 'TJ', name: '团结镇', level: 'town' },
  { code: 'TJ-01', name: '团结村', level: 'village' },
  { code: 'TJ-01-03', name: '团结村第三网格', level: 'grid' },
]
const levelLabels = { county: '旗县', town: '乡镇', village: '村', community: '社区', grid: '网格' }

async function template(columns: readonly SheetColumn[] = disputeColumns) {
  const s = sink()
  await writeTemplate(s.out, { sheetName: '矛盾纠纷', columns, gridUnits, levelLabels })
  return loadWorkbook(s.bytes())
}

type Validation = { type: string; formulae: string[]; allowBlank?: boolean }
const validationAt = (sheet: ExcelJS.Worksheet, address: string) => (sheet as unknown as { dataValidations: { find(a: string): Validation | undefined } }).dataValidations.find(address)

t.test('the input sheet: Chinese headers, frozen, drop-downs of labels on every enum and yes/no column', async (t) => {
  const workbook = await template()
  t.same(workbook.worksheets.map((w) => w.name), ['矛盾纠纷', TEMPLATE_SHEETS.guide, TEMPLATE_SHEETS.gridUnits])
  const input = workbook.getWorksheet('矛盾纠纷')!
  t.same((input.getRow(1).values as unknown[]).slice(1), disputeColumns.map((c) => c.header))
  t.match(input.views, [{ state: 'frozen', ySplit: 1 }])
  t.equal(input.getCell('B1').font?.color?.argb, 'FFC00000', 'a required header is red')
  t.equal(input.getCell('G1').font?.color?.argb, undefined, 'an optional one is not')
  t.same(validationAt(input, 'C2')?.formulae, ['"土地,邻里,婚姻家庭,劳资,合同,物业,损害赔偿,村务,其他"'], 'category: labels')
  t.same(validationAt(input, 'H5001')?.formulae, ['"是,否"'], 'yes/no, to the last importable row')
  t.same(validationAt(input, 'K2')?.formulae, ['"人民调解,行政调解,司法确认,法律援助,引导诉讼,其他"'], 'a nested enum too')
  t.equal(validationAt(input, 'B2'), undefined, 'no drop-down on text')
  t.equal(validationAt(input, 'C5002'), undefined, 'nor past the row limit')
  t.equal(input.getColumn(1).numFmt, '@', 'text columns are text, so 0012 stays 0012')
  t.equal(input.getColumn(5).numFmt, 'yyyy-mm-dd hh:mm', 'instant columns are date-formatted')
  t.ok(input.getColumn(2).width! >= 10, 'widths fit the Chinese header')
})

t.test('the guide sheet explains every column', async (t) => {
  const guide = (await template()).getWorksheet(TEMPLATE_SHEETS.guide)!
  t.same((guide.getRow(1).values as unknown[]).slice(1), ['列名', '字段名', '是否必填', '填写格式', '可选值', '示例'])
  const rows = disputeColumns.map((_, i) => (guide.getRow(i + 2).values as unknown[]).slice(1))
  t.same(rows[0], ['网格编码', 'gridUnitCode', '必填', '网格编码，见“网格单元”表', '', 'TJ-01-03'])
  t.match(rows[2], ['纠纷类别', 'category', '必填', /下拉列表/, /^土地（land）、邻里（neighborhood）/, '土地'])
  t.match(rows[5], ['当事人', 'parties', '必填', /每项写作/, '', '张福（申请人，13800135678）'])
  t.match(rows[10], ['化解方式', 'resolution.method', '选填'])
})

t.test('the grid-unit sheet lists code, name and level', async (t) => {
  const sheet = (await template()).getWorksheet(TEMPLATE_SHEETS.gridUnits)!
  t.same([1, 2, 3, 4].map((r) => (sheet.getRow(r).values as unknown[]).slice(1)), [['网格编码', '名称', '层级'], ['TJ', '团结镇', '乡镇'], ['TJ-01', '团结村', '村'], ['TJ-01-03', '团结村第三网格', '网格']])
})

t.test('a long list goes to a hidden sheet of options', async (t) => {
  const labels = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`v${i}`, `很长的选项名称第${i}号`]))
  const values = Object.keys(labels)
  const columns = columnsFromSchema(Type.Object({ kind: StringEnum(values, labels) }), { headers: { kind: '类型' } })
  const workbook = await template(columns)
  const lists = workbook.getWorksheet(TEMPLATE_SHEETS.lists)!
  t.equal(lists.state, 'hidden')
  t.equal(lists.getCell('A41').value, '很长的选项名称第39号')
  t.same(validationAt(workbook.worksheets[0]!, 'A2')?.formulae, [`'${TEMPLATE_SHEETS.lists}'!$A$2:$A$41`])
})

t.test('a template filled in as a clerk would reads back as records', async (t) => {
  const workbook = await template()
  const input = workbook.getWorksheet('矛盾纠纷')!
  input.getRow(2).values = ['TJ-01-03', '三组土地流转纠纷', '土地', '网格排查', '2025/4/8 10:30', '张福（申请人，13847815678）；丰源合作社（被申请人）', null, '否', '王建国', '已化解', '人民调解', '补交流转费 3600 元', '是', new Date(Date.UTC(2025, 3, 15, 15, 0))]
  input.getRow(4).values = ['TJ-01', '宅基地纠纷', '邻里', '热线', new Date(Date.UTC(2025, 5, 3, 9, 15)), '李桂兰(申请人);赵永胜(被申请人)']
  const filled = await saveWorkbook(workbook)
  const result = await readSpreadsheet(filled, disputeColumns)
  t.equal(result.sheetName, '矛盾纠纷')
  t.same(result.errors, [])
  t.same(result.rows, [
    {
      row: 2,
      values: {
        gridUnitCode: 'TJ-01-03',
        title: '三组土地流转纠纷',
        category: 'land',
        source: 'grid_inspection',
        reportedAt: '2025-04-08T02:30:00.000Z',
        parties: [{ name: '张福', role: 'applicant', phone: '13847815678' }, { name: '丰源合作社', role: 'respondent' }],
        isPetitionBacklog: false,
        mediator: '王建国',
        status: 'resolved',
        resolution: { method: 'people_mediation', summary: '补交流转费 3600 元', agreementReached: true, resolvedAt: '2025-04-15T07:00:00.000Z' },
      },
    },
    {
      row: 4,
      values: {
        gridUnitCode: 'TJ-01',
        title: '宅基地纠纷',
        category: 'neighborhood',
        source: 'hotline',
        reportedAt: '2025-06-03T01:15:00.000Z',
        parties: [{ name: '李桂兰', role: 'applicant' }, { name: '赵永胜', role: 'respondent' }],
      },
    },
  ], 'labels read as values, the blank row 3 skipped, instants in UTC+8')
})
