import t from 'tap'
import { buildAnnualReportDocument, renderAnnualReportDocx } from '../../src/reports/annual-report-document/index.js'
import { attributes, footer, paragraphs, part, style, unzipDocx } from './docx-parts.js'
import { tuanjie2025, tuanjie2025Phrases } from './fixtures.js'

// The Word file, unzipped: the GB/T 9704-2012 numbers in the units Word stores them (twips,
// half-points), written out here rather than imported, so a changed constant fails a test.

const parts = unzipDocx(await renderAnnualReportDocx(tuanjie2025))
const document = part(parts, 'word/document.xml')
const styles = part(parts, 'word/styles.xml')
const body = paragraphs(document)

/** The w:rFonts of a style, which must name the face for ASCII and for East Asian text alike. */
const fontsOf = (id: string) => attributes(style(styles, id), 'w:rFonts')

t.test('an A4 page with 天头 37 mm, 订口 28 mm and a 156 × 225 mm type area', async (t) => {
  t.same(attributes(document, 'w:pgSz'), { 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' })
  const margin = attributes(document, 'w:pgMar')!
  t.equal(margin['w:top'], '2098', '37 mm')
  t.equal(margin['w:left'], '1587', '28 mm')
  t.equal(margin['w:right'], '1475', '26 mm: 210 − 28 − 156')
  t.equal(margin['w:bottom'], '1984', '35 mm: 297 − 37 − 225')
  t.equal(margin['w:gutter'], '0')
  t.equal(11906 - 1587 - 1475, 8844, 'type area 156 mm wide')
  t.equal(16838 - 2098 - 1984, 12756, 'type area 225 mm high')
})

t.test('22 lines at a fixed pitch of 28.95 pt, 28 characters to the line', async (t) => {
  t.same(attributes(document, 'w:docGrid'), { 'w:type': 'lines', 'w:linePitch': '579' })
  const normal = style(styles, 'Normal')
  t.same(attributes(normal, 'w:spacing'), { 'w:after': '0', 'w:before': '0', 'w:line': '579', 'w:lineRule': 'exact' })
  t.ok(22 * 579 <= 12756, '22 lines fit the type area')
  // 3号 is 16 pt; 28 characters in 156 mm need each at most 15.79 pt: 16 pt − 0.25 pt (−5 twips).
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(normal)![1]!
  t.same(attributes(rPr, 'w:spacing'), { 'w:val': '-5' })
  t.ok(28 * (320 - 5) <= 8844 && 29 * (320 - 5) > 8844, 'exactly 28 characters fit')
  const defaults = /<w:pPrDefault>([\s\S]*?)<\/w:pPrDefault>/.exec(styles)![1]!
  t.same(attributes(defaults, 'w:spacing'), { 'w:after': '0', 'w:before': '0', 'w:line': '579', 'w:lineRule': 'exact' })
})

t.test('body text: 3号 仿宋_GB2312 for ASCII and East Asian text, first line indented two characters', async (t) => {
  for (const scope of [style(styles, 'Normal'), /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)![1]!]) {
    t.same(attributes(scope, 'w:rFonts'), { 'w:ascii': '仿宋_GB2312', 'w:cs': '仿宋_GB2312', 'w:eastAsia': '仿宋_GB2312', 'w:hAnsi': '仿宋_GB2312' })
    t.same(attributes(scope, 'w:sz'), { 'w:val': '32' })
    t.same(attributes(scope, 'w:lang'), { 'w:val': 'zh-CN', 'w:eastAsia': 'zh-CN' })
  }
  const reportBody = style(styles, 'ReportBody')
  t.same(attributes(reportBody, 'w:basedOn'), { 'w:val': 'Normal' })
  t.same(attributes(reportBody, 'w:ind'), { 'w:firstLine': '640', 'w:firstLineChars': '200' })
  t.same(attributes(reportBody, 'w:jc'), { 'w:val': 'both' })
  const opening = body.find((p) => p.text.startsWith('2025年，团结镇'))!
  t.equal(opening.style, 'ReportBody')
})

t.test('title 2号 方正小标宋简体 centred; 一、 in 黑体, （一） in 楷体_GB2312', async (t) => {
  const title = style(styles, 'ReportTitle')
  t.same(fontsOf('ReportTitle'), { 'w:ascii': '方正小标宋简体', 'w:cs': '方正小标宋简体', 'w:eastAsia': '方正小标宋简体', 'w:hAnsi': '方正小标宋简体' })
  t.same(attributes(title, 'w:sz'), { 'w:val': '44' })
  t.same(attributes(title, 'w:jc'), { 'w:val': 'center' })
  t.same(attributes(title, 'w:ind'), { 'w:firstLine': '0', 'w:firstLineChars': '0' })
  t.equal(fontsOf('ReportHeading1')!['w:eastAsia'], '黑体')
  t.equal(fontsOf('ReportHeading1')!['w:ascii'], '黑体')
  t.equal(fontsOf('ReportHeading2')!['w:eastAsia'], '楷体_GB2312')
  t.equal(fontsOf('ReportHeading2')!['w:ascii'], '楷体_GB2312')
  t.same(attributes(style(styles, 'ReportHeading1'), 'w:basedOn'), { 'w:val': 'ReportBody' }, 'headings are indented like the body')
  t.same(
    body.slice(0, 3).map((p) => [p.style, p.text]),
    [
      ['ReportTitle', '团结镇2025年度法治政府建设情况报告'],
      ['ReportBody', ''],
      ['ReportAddressee', '旗委全面依法治旗委员会办公室：'],
    ],
    'title, one blank line, then the 主送 line flush left',
  )
  t.same(attributes(style(styles, 'ReportAddressee'), 'w:ind'), { 'w:firstLine': '0', 'w:firstLineChars': '0' })
  t.equal(body.find((p) => p.text === '一、强化政治引领')?.style, 'ReportHeading1')
  t.equal(body.find((p) => p.text === '（一）重大行政决策合法性审查')?.style, 'ReportHeading2')
})

t.test('page numbers — 1 — in 4号 宋体, odd pages right and even pages left, one character in', async (t) => {
  t.ok(part(parts, 'word/settings.xml').includes('<w:evenAndOddHeaders/>'), 'odd and even footers differ')
  t.same(fontsOf('ReportPageNumber'), { 'w:ascii': '宋体', 'w:cs': '宋体', 'w:eastAsia': '宋体', 'w:hAnsi': '宋体' })
  t.same(attributes(style(styles, 'ReportPageNumber'), 'w:sz'), { 'w:val': '28' })
  const cases = [
    ['default', 'right', { 'w:right': '280' }],
    ['even', 'left', { 'w:left': '280' }],
  ] as const
  for (const [type, side, indent] of cases) {
    const xml = footer(parts, type)
    const [line] = paragraphs(xml)
    t.equal(line?.style, 'ReportPageNumber')
    t.same(attributes(line!.xml, 'w:jc'), { 'w:val': side }, `${type} footer on the ${side}`)
    t.same(attributes(line!.xml, 'w:ind'), indent)
    t.equal(line!.text, '—  —', 'a 一字线 on either side of the number')
    t.match(xml, /<w:fldChar w:fldCharType="begin"\/>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:fldChar w:fldCharType="end"\/>/)
  }
  // The 一字线 7 mm below the type area: 35 mm − 7 mm − half the 14 pt line, measured from the page's edge.
  t.equal(attributes(document, 'w:pgMar')!['w:footer'], String(1984 - 397 - 140))
  t.same(attributes(style(styles, 'ReportPageNumber'), 'w:spacing'), { 'w:line': '280', 'w:lineRule': 'exact' })
})

t.test('the issuer and the date close the report on the right (GB/T 9704 §7.3.5.2)', async (t) => {
  const [blank, issuer, date] = body.slice(-3)
  t.equal(blank?.text, '', '正文下空一行')
  t.same([issuer?.text, date?.text], ['团结镇人民政府', '2026年2月20日'])
  t.same(attributes(style(styles, 'ReportSignature'), 'w:jc'), { 'w:val': 'right' })
  // 2026年2月20日 is 6.5 characters wide, so the date goes two characters in (2 × 315.9 twips) and
  // the 署名 (7 characters) starts two characters to its left: 3.5 characters in.
  t.same(attributes(date!.xml, 'w:ind'), { 'w:right': '632' })
  t.same(attributes(issuer!.xml, 'w:ind'), { 'w:right': '1106' })
})

t.test('the document properties name the report and its issuer', async (t) => {
  const core = part(parts, 'docProps/core.xml')
  t.match(core, '<dc:title>团结镇2025年度法治政府建设情况报告</dc:title>')
  t.match(core, '<dc:creator>团结镇人民政府</dc:creator>')
})

t.test('the Word file says what the Markdown says: one model, every figure', async (t) => {
  const model = buildAnnualReportDocument(tuanjie2025)
  const texts = body.map((p) => p.text)
  t.same(texts.slice(3, 3 + model.blocks.length), model.blocks.map((b) => b.text))
  const all = texts.join('')
  for (const phrase of tuanjie2025Phrases) t.ok(all.includes(phrase), phrase)
  t.notOk(all.includes('草稿'))
})

t.test('a draft is marked 草稿 in 黑体 above the title', async (t) => {
  const draft = paragraphs(part(unzipDocx(await renderAnnualReportDocx({ ...tuanjie2025, status: 'draft' })), 'word/document.xml'))
  t.same([draft[0]?.style, draft[0]?.text], ['ReportMark', '草稿'])
  t.equal(draft[1]?.style, 'ReportTitle')
  t.equal(fontsOf('ReportMark')!['w:eastAsia'], '黑体')
})
