import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { chromium } from 'playwright-core'
import t from 'tap'
import { startLiveServer } from './live-server.js'
import { loadDocument } from './response-validator.js'
import { sdkClient } from './sdk-flows.js'

// A clerk who has filled in the template uploads it from Swagger UI: the file picker of Try it
// out on importDisputes, Execute, and the import's success status in the response panel.
const CHROMIUM = '/usr/bin/chromium'
const WAIT = { timeout: 60_000 }

t.test('Swagger UI: Try it out on importDisputes uploads a filled template', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)` }, async (t) => {
  const { baseUrl, adminKey } = await startLiveServer(t)
  const api = sdkClient(baseUrl, adminKey)
  const code = `SUIX${process.pid}`
  await api.POST('/v1/grid-units', { body: { code, name: '团结村第一网格', level: 'grid' } })

  // The template as downloaded, one row typed in as a clerk types it.
  const template = await fetch(`${baseUrl}/v1/disputes/import-template`, { headers: { authorization: `Bearer ${adminKey}` } })
  t.equal(template.status, 200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await template.arrayBuffer()) as ExcelJS.Buffer)
  const input = workbook.worksheets[0]!
  const headers = (input.getRow(1).values as unknown[]).slice(1).map(String)
  const row = { 网格编码: code, 纠纷名称: '团结村三组土地流转纠纷', 纠纷类别: '土地', 来源: '网格排查', 登记时间: '2025-04-08 10:30', 当事人: '张福（申请人）' }
  for (const [header, value] of Object.entries(row)) input.getRow(2).getCell(headers.indexOf(header) + 1).value = value
  const folder = mkdtempSync(join(tmpdir(), 'swagger-ui-import-'))
  const file = join(folder, '矛盾纠纷台账.xlsx')
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))

  const operation = loadDocument().paths['/v1/disputes/imports'].post
  const success = Object.keys(operation.responses).find((s) => s.startsWith('2') && s !== '200')!
  t.equal(success, '201', 'the document gives 201 for an import (200 for a dry run)')

  const context = await chromium.launchPersistentContext(join(folder, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 1400 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  t.teardown(async () => {
    await context.close()
    rmSync(folder, { recursive: true, force: true })
  })
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(`${baseUrl}/docs`)
  await page.locator('.auth-wrapper button.authorize').waitFor(WAIT)
  await page.locator('.auth-wrapper button.authorize').click()
  await page.locator('.modal-ux input[aria-label="auth-bearer-value"]').fill(adminKey)
  await page.locator('.modal-ux .auth-btn-wrapper button.authorize').click()
  await page.locator('.modal-ux button.btn-done').click()

  const block = page.locator('#operations-Disputes-importDisputes')
  await block.locator('.opblock-summary').click()
  await block.locator('button.try-out__btn').click()
  const picker = block.locator('.opblock-section-request-body input[type="file"]')
  await picker.waitFor(WAIT)
  await picker.setInputFiles(file)
  const sent = page.waitForRequest((request) => new URL(request.url()).pathname === '/v1/disputes/imports', WAIT)
  await block.locator('button.execute').click()
  const request = await sent
  t.match(request.headers()['content-type'], /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/, 'the file sent as the body, with the xlsx media type')

  const status = block.locator('.live-responses-table .response .response-col_status').first()
  await status.waitFor(WAIT)
  t.equal((await status.innerText()).trim(), success, `Execute answers ${success}`)
  t.match(await block.locator('.live-responses-table .response .response-col_description').first().innerText(), /"created": 1/, 'one dispute created')
  const { data } = await api.GET('/v1/disputes', { params: { query: { q: '团结村三组' } } })
  t.equal(data?.items.length, 1, 'the dispute is in the list')
})
