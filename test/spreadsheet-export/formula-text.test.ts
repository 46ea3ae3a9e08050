// Text recorded through the API that a spreadsheet would run as a formula comes back as text:
// string cells in .xlsx (never a formula), a defusing quote in CSV.
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { createCounty } from '../helpers/factories.js'
import { createDispute } from '../disputes/fixtures.js'
import { download, loadWorkbook, readCsv } from './fixtures.js'

const { app, admin, adminKey } = await buildTestApp(t)
const c = await createCounty(admin)

const hostile = ['=HYPERLINK("http://example.com","点我")', '+86 138 0000', '-1+2', '@SUM(A1:A9)', '\t=1+1', '\r=1+1']
const made: { id: string }[] = []
for (const [i, text] of hostile.entries()) made.push(await createDispute(admin, c.grid.id, { title: `纠纷${i}`, mediator: text, description: text }))

t.test('in .xlsx each is a string cell holding the recorded text', async (t) => {
  const res = await download(app, adminKey, '/v1/disputes/export?format=xlsx')
  t.equal(res.status, 200)
  const sheet = (await loadWorkbook(res.bytes)).worksheets[0]!
  const headers = (sheet.getRow(1).values as unknown[]).slice(1)
  const col = (h: string) => headers.indexOf(h) + 1
  for (const [i, dispute] of made.entries()) {
    const rowNumber = [...Array(sheet.rowCount).keys()].map((k) => k + 1).find((r) => sheet.getRow(r).getCell(col('记录编号')).value === dispute.id)!
    const cell = sheet.getRow(rowNumber).getCell(col('调解人'))
    t.equal(cell.type, 3 /* ExcelJS.ValueType.String */, `${JSON.stringify(hostile[i])}: a string cell, not a formula`)
    t.notOk(cell.formula, 'no formula')
    // A carriage return is written as the line feed every XML reader makes of it.
    t.equal(cell.value, hostile[i]!.replace(/\r/g, '\n'), 'the recorded text, as it was')
  }
})

t.test('in CSV each gets a leading quote, the rest as recorded', async (t) => {
  const csv = readCsv((await download(app, adminKey, '/v1/disputes/export?format=csv')).bytes)
  for (const [i, dispute] of made.entries()) {
    const row = csv.rows.find((r) => r['记录编号'] === dispute.id)!
    t.equal(row['调解人'], `'${hostile[i]}`, JSON.stringify(hostile[i]))
    t.equal(row['纠纷情况'], `'${hostile[i]}`)
  }
})
