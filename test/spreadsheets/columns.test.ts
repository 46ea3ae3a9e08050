// One definition per collection, derived from its TypeBox schema and the labels the OpenAPI
// document carries: kinds, labels, required-ness, nested members and lists come from the schema.
import t from 'tap'
import { Type } from 'typebox'
import { StringEnum, Phone, DateTime } from '../../src/core/schemas.js'
import { columnAt, columnsFromSchema, labelsFromDescription } from '../../src/spreadsheets/index.js'
import { disputeColumns } from './fixtures.js'

const byField = new Map(disputeColumns.map((c) => [c.field, c]))
const col = (field: string) => byField.get(field)!

t.test('kinds come from type, format, enum and arrays', async (t) => {
  t.same(
    disputeColumns.map((c) => [c.field, c.kind]),
    [
      ['gridUnitCode', 'text'],
      ['title', 'text'],
      ['category', 'enum'],
      ['source', 'enum'],
      ['reportedAt', 'datetime'],
      ['parties', 'list'],
      ['description', 'text'],
      ['isPetitionBacklog', 'boolean'],
      ['mediator', 'text'],
      ['status', 'enum'],
      ['resolution.method', 'enum'],
      ['resolution.summary', 'text'],
      ['resolution.agreementReached', 'boolean'],
      ['resolution.resolvedAt', 'datetime'],
    ],
  )
})

t.test('labels are read from the enum legend the API writes into descriptions', async (t) => {
  t.same(col('category').labels, {
    land: '土地', neighborhood: '邻里', marriage_family: '婚姻家庭', labor: '劳资', contract: '合同',
    property_management: '物业', damages: '损害赔偿', village_affairs: '村务', other: '其他',
  })
  // The status legend follows a long description of the transitions: only the legend counts.
  t.same(col('status').labels, { reported: '已登记', mediating: '调解中', resolved: '已化解', escalated: '已上报', unresolved: '未化解' })
  t.same(col('isPetitionBacklog').labels, { true: '是', false: '否' })
  t.same(labelsFromDescription(['a', 'other', 'b'], 'x: `a` 甲 · `other` · `b`'), { a: '甲', other: '其他', b: 'b' }, 'unlabelled values read as themselves, other as 其他')
})

t.test('required follows the schema, through nested objects', async (t) => {
  t.same(disputeColumns.filter((c) => c.required).map((c) => c.field), ['gridUnitCode', 'title', 'category', 'source', 'reportedAt', 'parties'])
  t.equal(col('resolution.summary').required, false, 'a member of an optional object is not required on its own')
})

t.test('the parties list gets its cell form from the party schema', async (t) => {
  const parties = col('parties').list!
  t.equal(parties.format([{ name: '张三', role: 'applicant', phone: '138****5678' }, { name: '李四', role: 'respondent' }]), '张三（申请人，138****5678）；李四（被申请人）')
  t.equal(col('parties').example, '张福（申请人，13800135678）')
  t.match(col('parties').format, /申请人、被申请人、第三人/)
})

t.test('examples, formats and personal data', async (t) => {
  t.equal(col('title').example, '团结村三组土地流转纠纷', 'the schema example')
  t.equal(col('category').example, '土地', 'an enum example is a label')
  t.equal(col('reportedAt').example, '2025-03-31 15:30')
  t.match(col('title').format, /200/)
  const schema = Type.Object({ phone: Phone(), at: DateTime({ examples: ['2025-05-08T01:30:00.000Z'] }), n: Type.Integer({ minimum: 0, maximum: 9 }) }, { required: ['phone'] } as never)
  const [phone, at, n] = columnsFromSchema(schema, { headers: { phone: '电话', at: '时间', n: '数量' } })
  t.equal(phone!.pii, 'phone')
  t.equal(at!.example, '2025-05-08 09:30', 'an instant example shown in UTC+8')
  t.match(n!.format, /整数，0–9/)
})

t.test('a definition error is found when the columns are built, not when a file is read', async (t) => {
  const schema = Type.Object({ a: Type.String(), b: StringEnum(['x', 'y'], { x: '同', y: '同' }) })
  t.throws(() => columnsFromSchema(schema, { headers: { a: '甲' }, order: ['a', 'b'] }), /b has no Chinese header/)
  t.throws(() => columnsFromSchema(schema, { headers: { a: '甲', b: '乙' } }), /label “同”/)
  const texts = Type.Object({ a: Type.String(), b: Type.String() })
  t.throws(() => columnsFromSchema(texts, { headers: { a: '同名', b: '同名' } }), /both called 同名/)
  t.throws(() => columnsFromSchema(schema, { headers: { a: '甲', c: '丙' }, order: ['a', 'c'] }), /not in the schema/)
})

t.test('a record validation pointer finds its column', async (t) => {
  t.equal(columnAt(disputeColumns, '/parties/0/phone')?.field, 'parties')
  t.equal(columnAt(disputeColumns, '/resolution/summary')?.field, 'resolution.summary')
  t.equal(columnAt(disputeColumns, '/title')?.field, 'title')
  t.equal(columnAt(disputeColumns, '/gridUnitId'), undefined)
  t.equal(columnAt(disputeColumns, '/resolution')?.field, 'resolution.method', 'a whole group: its first column')
  t.equal(columnAt(disputeColumns, '/resolutio'), undefined, 'a group is matched by whole names only')
})
