import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import t from 'tap'
import { startLiveServer } from './live-server.js'
import { loadDocument } from './response-validator.js'
import { sdkClient } from './sdk-flows.js'

// Staff explore the API in Swagger UI: prove, in a real headless Chromium, that /docs loads under
// the service's security headers, shows every tag, takes an API key and runs an operation.
const CHROMIUM = '/usr/bin/chromium'
const screenshot = new URL('../../test-artifacts/swagger-ui.png', import.meta.url).pathname
const WAIT = { timeout: 60_000 }

t.test('Swagger UI: every tag, Authorize with an API key, Try it out → Execute on listDisputes', { skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)` }, async (t) => {
  const { baseUrl, adminKey } = await startLiveServer(t)
  const api = sdkClient(baseUrl, adminKey)
  const { data: unit } = await api.POST('/v1/grid-units', { body: { code: `SUI${process.pid}`, name: '团结村第一网格', level: 'grid' } })
  const { data: dispute } = await api.POST('/v1/disputes', {
    body: { gridUnitId: unit!.id, title: '团结村三组土地流转纠纷', category: 'land', source: 'grid_inspection', parties: [{ name: '张福', role: 'applicant' }], reportedAt: '2025-04-08T02:30:00Z' },
  })

  const profile = mkdtempSync(join(tmpdir(), 'swagger-ui-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 1400 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  t.teardown(async () => {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const blocked: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') blocked.push(message.text())
  })
  page.on('pageerror', (error) => blocked.push(error.message))

  const docs = await page.goto(`${baseUrl}/docs`)
  t.equal(docs?.status(), 200, '/docs answers 200')
  await page.locator('.swagger-ui .info .title').waitFor(WAIT)
  t.match(await page.locator('.swagger-ui .info .title').innerText(), /fazhi-api/, 'the document’s title is shown')

  const shown = await page.locator('.opblock-tag-section h3.opblock-tag').evaluateAll((tags) => tags.map((h) => h.getAttribute('data-tag')))
  t.same(shown, loadDocument().tags.map((tag: { name: string }) => tag.name), 'every tag of the document, in order')

  await page.locator('.auth-wrapper button.authorize').click()
  await page.locator('.modal-ux input[aria-label="auth-bearer-value"]').fill(adminKey)
  await page.locator('.modal-ux .auth-btn-wrapper button.authorize').click()
  t.ok(await page.locator('.modal-ux .auth-btn-wrapper button.authorize').count() === 0 || (await page.locator('.modal-ux button.logout').count()) > 0, 'the key is taken (Logout offered)')
  await page.locator('.modal-ux button.btn-done').click()

  const operation = page.locator('#operations-Disputes-listDisputes')
  await operation.locator('.opblock-summary').click()
  await operation.locator('button.try-out__btn').click()
  const sent = page.waitForRequest((request) => new URL(request.url()).pathname === '/v1/disputes', WAIT)
  await operation.locator('button.execute').click()
  const request = await sent
  t.equal(request.headers().authorization, `Bearer ${adminKey}`, 'Execute sends the key from Authorize')

  const status = operation.locator('.live-responses-table .response .response-col_status').first()
  await status.waitFor(WAIT)
  t.equal((await status.innerText()).trim(), '200', 'Execute on listDisputes answers 200')
  t.match(await operation.locator('.live-responses-table .response .response-col_description').first().innerText(), dispute!.id, 'the answer shows the dispute')
  t.same(blocked.filter((m) => /Content Security Policy|Refused to/i.test(m)), [], 'nothing blocked by the Content-Security-Policy')

  mkdirSync(new URL('.', `file://${screenshot}`), { recursive: true })
  await status.scrollIntoViewIfNeeded()
  await page.screenshot({ path: screenshot })
  t.ok(existsSync(screenshot), 'screenshot kept at test-artifacts/swagger-ui.png')
})
