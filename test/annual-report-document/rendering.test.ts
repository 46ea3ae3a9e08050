import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import t, { type Test } from 'tap'
import { renderAnnualReportDocx } from '../../src/reports/annual-report-document/index.js'
import { tuanjie2025, tuanjie2025Phrases } from './fixtures.js'
import { onPath, pdfLines, pt, run, type PdfLine } from './pdf-pages.js'

// The .docx as the office would see it printed: LibreOffice converts it to PDF, poppler reads the
// PDF back. CI installs both (.ci/run) and keeps page 1 as an image in test-artifacts/; on a machine
// without them the test says what is missing and skips, except under CI, where it fails.

const tools = ['soffice', 'pdftotext', 'pdftoppm', 'pdfinfo', 'pdffonts']
const missing = tools.filter((tool) => !onPath(tool))
const reason = missing.length > 0 && `not installed here: ${missing.join(', ')} (apt-get install libreoffice-writer-nogui poppler-utils)`
if (reason && process.env.CI === 'true') t.fail(`CI must render the report: ${reason}`)

const artifacts = fileURLToPath(new URL('../../test-artifacts/annual-report-document/', import.meta.url))
// Debian has none of the GB/T 9704 faces: map each to its closest free substitute while rendering.
const fontconfig = fileURLToPath(new URL('./fonts.conf', import.meta.url))

const squeeze = (text: string) => text.replace(/\s+/g, '')
const near = (actual: number, expected: number, tolerance: number) => Math.abs(actual - expected) <= tolerance

/** Page geometry in points: A4, 天头 37 mm, 订口 28 mm, type area 156 × 225 mm. */
const typeArea = { left: pt(28), right: pt(28 + 156), top: pt(37), bottom: pt(37 + 225) }
const LINE = 28.95
const CHAR = 15.75

t.test('the report renders in LibreOffice as GB/T 9704 lays it out', { skip: reason || false }, async (t) => {
  const work = await mkdtemp(join(tmpdir(), 'annual-report-'))
  t.teardown(() => rm(work, { recursive: true, force: true }))
  const docx = join(work, 'report.docx')
  await writeFile(docx, await renderAnnualReportDocx(tuanjie2025))
  // Its own profile, so parallel runs (and a LibreOffice the developer has open) never collide.
  await run(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx],
    { timeout: 150_000, env: { ...process.env, FONTCONFIG_FILE: fontconfig } },
  )
  const pdf = join(work, 'report.pdf')
  await mkdir(artifacts, { recursive: true })
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(artifacts, 'page-1')])
  await copyFile(pdf, join(artifacts, 'report.pdf'))
  await copyFile(docx, join(artifacts, 'report.docx'))
  const png = await readFile(join(artifacts, 'page-1.png'))
  t.same([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'page 1 kept as a PNG')
  t.comment(`fonts used here:\n${(await run('pdffonts', [pdf])).stdout}`)

  const info = (await run('pdfinfo', [pdf])).stdout
  t.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)

  const text = squeeze((await run('pdftotext', [pdf, '-'])).stdout)
  for (const phrase of [...tuanjie2025Phrases, '团结镇2025年度法治政府建设情况报告', '旗委全面依法治旗委员会办公室：', '团结镇人民政府', '2026年2月20日']) {
    t.ok(text.includes(squeeze(phrase)), `the PDF says ${phrase}`)
  }
  for (const shortcoming of tuanjie2025.narrative.shortcomings) t.ok(text.includes(squeeze(shortcoming)))

  const pages = await pdfLines(pdf)
  t.ok(pages.length >= 2, `${pages.length} pages`)
  pages.forEach((lines, i) => checkPage(t, lines, i + 1))

  // 署名 two characters in plus the shift that keeps the date two characters right of its start,
  // the date two characters in (§7.3.5.2): the right edges, as digits differ in width between fonts.
  const last = pages.at(-1)!
  const issuer = last.find((line) => line.text === '团结镇人民政府')!
  const date = last.find((line) => line.text === '2026年2月20日')!
  t.ok(near(issuer.xMax, typeArea.right - 3.5 * CHAR, 2), `署名 ends 3.5 characters in (${issuer.xMax})`)
  t.ok(near(date.xMax, typeArea.right - 2 * CHAR, 2), `date ends 2 characters in (${date.xMax})`)
  t.ok(near(date.yMin - issuer.yMin, LINE, 0.5), 'the date on the line below')
  const bodyLines = pages.map((lines) => lines.filter((line) => line.yMax < typeArea.bottom))
  t.equal(Math.max(...bodyLines.map((lines) => lines.length)), 22, 'a full page holds 22 lines')

  // 28 characters to a full line: lines of Chinese text only (digits are proportional in the
  // substitute fonts) that start at the left edge and reach the right one. A closing punctuation
  // mark may hang past the edge as the 29th, as Word and WPS allow (w:overflowPunct).
  const full = bodyLines
    .flat()
    .filter((line) => near(line.xMin, typeArea.left, 1.5) && line.xMax > typeArea.right - CHAR && !/[\x00-\x7f]/.test(line.text))
  t.ok(full.length >= 3, `${full.length} full lines of Chinese text`)
  for (const line of full) {
    const chars = [...line.text]
    t.ok(chars.length === 28 || (chars.length === 29 && /[，。、；：”）]$/.test(line.text)), `28 to the line: ${line.text}`)
  }
})

function checkPage(t: Test, lines: PdfLine[], page: number) {
  const number = lines.at(-1)!
  t.equal(squeeze(number.text), `—${page}—`, `page ${page} is numbered — ${page} —`)
  // 一字线 7 mm below the type area; 单页码居右空一字，双页码居左空一字 (one 4号 character, 14 pt).
  t.ok(near((number.yMin + number.yMax) / 2, typeArea.bottom + pt(7), 3), `page ${page}: the number 7 mm below the type area`)
  if (page % 2 === 1) t.ok(near(number.xMax, typeArea.right - 14, 1.5), `odd page ${page}: number on the right`)
  else t.ok(near(number.xMin, typeArea.left + 14, 1.5), `even page ${page}: number on the left`)

  const body = lines.slice(0, -1)
  t.ok(body[0]!.yMin >= typeArea.top && body.at(-1)!.yMax <= typeArea.bottom, `page ${page}: text inside the type area`)
  const signature = new Set(['团结镇人民政府', '2026年2月20日'])
  for (const line of body.filter((l) => !signature.has(l.text))) {
    const indent = line.xMin - typeArea.left
    const flush = near(indent, 0, 1.5) || near(indent, 2 * CHAR, 2.5) || line.xMax > typeArea.right - 1.5 * CHAR
    if (!near(line.xMin + line.xMax, typeArea.left + typeArea.right, 2)) t.ok(flush, `page ${page}: left edge or 2 characters in: ${line.text}`)
  }
  // Fixed pitch: every line starts a whole number of lines below the one before it.
  for (let i = page === 1 ? 2 : 1; i < body.length; i++) {
    const step = (body[i]!.yMin - body[i - 1]!.yMin) / LINE
    t.ok(Math.abs(step - Math.round(step)) < 0.02, `page ${page}: line ${i + 1} on the 28.95 pt grid`)
  }
}
