import t from 'tap'
import { annualReportFileName, contentDisposition } from '../../src/reports/annual-report-document/index.js'
import { tuanjie2025 } from './fixtures.js'

t.test('the download is named by the report’s title, with an ASCII name beside it', async (t) => {
  t.same(annualReportFileName(tuanjie2025, 'docx'), { name: '团结镇2025年度法治政府建设情况报告.docx', ascii: 'annual-report-2025.docx' })
  t.same(annualReportFileName({ ...tuanjie2025, status: 'draft' }, 'markdown'), {
    name: '团结镇2025年度法治政府建设情况报告（草稿）.md',
    ascii: 'annual-report-2025-draft.md',
  })
  t.equal(annualReportFileName({ ...tuanjie2025, title: '报告/第"1"稿\r\n' }, 'docx').name, '报告 第 1 稿.docx', 'no path or control characters')
})

t.test('Content-Disposition carries the UTF-8 name (RFC 6266, RFC 8187) after an ASCII fallback', async (t) => {
  t.equal(
    contentDisposition('团结镇2025年度法治政府建设情况报告.docx', 'annual-report-2025.docx'),
    "attachment; filename=\"annual-report-2025.docx\"; filename*=UTF-8''%E5%9B%A2%E7%BB%93%E9%95%872025%E5%B9%B4%E5%BA%A6%E6%B3%95%E6%B2%BB%E6%94%BF%E5%BA%9C%E5%BB%BA%E8%AE%BE%E6%83%85%E5%86%B5%E6%8A%A5%E5%91%8A.docx",
  )
  // RFC 8187 attr-char leaves out ' ( ) *, which encodeURIComponent would keep.
  t.equal(contentDisposition("a'(b)*.md"), 'attachment; filename="a\'(b)*.md"; filename*=UTF-8\'\'a%27%28b%29%2A.md')
  t.equal(contentDisposition('报告 "终稿".md'), "attachment; filename=\"_ _.md\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%22%E7%BB%88%E7%A8%BF%22.md")
  t.equal(contentDisposition('报告.md', ''), "attachment; filename=\"download\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.md")
  t.match(contentDisposition('报告\ud800.md'), "filename*=UTF-8''%E6%8A%A5%E5%91%8A%EF%BF%BD.md", 'a lone surrogate cannot make it throw')
  const decoded = /filename\*=UTF-8''(.+)$/.exec(contentDisposition('团结镇（草稿）.docx'))![1]!
  t.equal(decodeURIComponent(decoded), '团结镇（草稿）.docx')
})
