import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphStyleOptions,
} from 'docx'
import { buildAnnualReportDocument } from './build.js'
import {
  CHAR_PITCH,
  CHARACTER_SPACING,
  FIRST_LINE_INDENT,
  FONT,
  FOOTER_DISTANCE,
  FOOTER_LINE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN,
  PAGE,
  PAGE_NUMBER_INSET,
  SIZE,
  signatureIndents,
} from './docx-layout.js'
import type { AnnualReportInput, ReportBlock, ReportDocument } from './model.js'

// The report as the Word file the office files, laid out by GB/T 9704-2012 (numbers in
// docx-layout.ts). Formatting lives in named paragraph styles, so the office can still edit the
// file in Word or WPS and keep the layout. Every font is named for East Asian text as well as for
// ASCII: Word and WPS pick a Chinese font only from w:eastAsia.

/** w:rFonts naming one typeface for every script a line of the report may hold. */
const fonts = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name })

const STYLE = {
  title: 'ReportTitle',
  addressee: 'ReportAddressee',
  body: 'ReportBody',
  heading1: 'ReportHeading1',
  heading2: 'ReportHeading2',
  signature: 'ReportSignature',
  mark: 'ReportMark',
  pageNumber: 'ReportPageNumber',
} as const

const indent = { firstLine: FIRST_LINE_INDENT, firstLineChars: 200 }

const bodyRun = {
  font: fonts(FONT.body),
  size: SIZE.body,
  characterSpacing: CHARACTER_SPACING,
  language: { value: 'zh-CN', eastAsia: 'zh-CN' },
}
const bodyLines = { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }

const paragraphStyles: IParagraphStyleOptions[] = [
  // Normal carries the body font and size itself, as Word's own Normal does, so a paragraph the
  // office adds in Word or WPS is body text too.
  { id: 'Normal', name: 'Normal', quickFormat: true, run: bodyRun, paragraph: bodyLines },
  {
    id: STYLE.body,
    name: '公文正文',
    basedOn: 'Normal',
    quickFormat: true,
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent },
  },
  {
    id: STYLE.title,
    name: '公文标题',
    basedOn: STYLE.body,
    next: STYLE.body,
    quickFormat: true,
    run: { font: fonts(FONT.title), size: SIZE.title },
    paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, outlineLevel: 0 },
  },
  {
    id: STYLE.addressee,
    name: '公文主送机关',
    basedOn: STYLE.body,
    next: STYLE.body,
    paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 } },
  },
  {
    id: STYLE.heading1,
    name: '公文一级标题',
    basedOn: STYLE.body,
    next: STYLE.body,
    quickFormat: true,
    run: { font: fonts(FONT.heading1) },
    paragraph: { keepNext: true, outlineLevel: 1 },
  },
  {
    id: STYLE.heading2,
    name: '公文二级标题',
    basedOn: STYLE.body,
    next: STYLE.body,
    quickFormat: true,
    run: { font: fonts(FONT.heading2) },
    paragraph: { keepNext: true, outlineLevel: 2 },
  },
  {
    id: STYLE.signature,
    name: '公文署名',
    basedOn: STYLE.body,
    paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 }, keepNext: true },
  },
  {
    id: STYLE.mark,
    name: '公文标注',
    basedOn: STYLE.body,
    run: { font: fonts(FONT.heading1) },
    paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 } },
  },
  {
    id: STYLE.pageNumber,
    name: '公文页码',
    basedOn: 'Normal',
    run: { font: fonts(FONT.pageNumber), size: SIZE.pageNumber },
    // One 4号 em high, so the 一字线 sits at the middle of the line FOOTER_DISTANCE measures to.
    paragraph: { spacing: { line: FOOTER_LINE, lineRule: LineRuleType.EXACT }, indent: { firstLine: 0 } },
  },
]

const styled = (style: string, text: string) => new Paragraph({ style, children: [new TextRun(text)] })

function blockParagraph(block: ReportBlock): Paragraph {
  const style = { heading1: STYLE.heading1, heading2: STYLE.heading2, paragraph: STYLE.body }[block.kind]
  return styled(style, block.text)
}

/** `— 1 —`: odd pages on the right, even pages on the left, one character in (GB/T 9704 §7.5). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  })
}

function closing(doc: ReportDocument): Paragraph[] {
  const right = signatureIndents(doc.issuer, doc.date)
  const line = (text: string, chars: number) =>
    new Paragraph({ style: STYLE.signature, indent: { right: Math.round(chars * CHAR_PITCH) }, children: [new TextRun(text)] })
  // 正文下空一行 before the 署名 (§7.3.5.2).
  return [styled(STYLE.body, ''), line(doc.issuer, right.issuer), line(doc.date, right.date)]
}

/** A model already built, as a .docx file. */
export function writeDocx(doc: ReportDocument): Promise<Buffer> {
  const body = [
    ...(doc.draft ? [styled(STYLE.mark, '草稿')] : []),
    styled(STYLE.title, doc.title),
    // 主送机关 one line below the title, flush left (§7.3.2).
    styled(STYLE.body, ''),
    styled(STYLE.addressee, doc.addressee),
    ...doc.blocks.map(blockParagraph),
    ...closing(doc),
  ]
  const document = new Document({
    title: doc.properties.title,
    subject: doc.properties.subject,
    creator: doc.properties.creator,
    lastModifiedBy: doc.properties.creator,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: bodyRun, paragraph: bodyLines },
      },
      paragraphStyles,
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE, gutter: 0 },
          },
          // 22 lines to the page (页面设置 › 文档网格 › 只指定行网格); 28 to the line is CHARACTER_SPACING.
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: body,
      },
    ],
  })
  return Packer.toBuffer(document)
}

/** The annual report as a Word file (`Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document`). */
export function renderAnnualReportDocx(input: AnnualReportInput): Promise<Buffer> {
  return writeDocx(buildAnnualReportDocument(input))
}
