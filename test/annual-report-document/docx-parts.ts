import { strFromU8, unzipSync } from 'fflate'

// Reading a .docx the way the tests need to: its parts as text, and the few WordprocessingML shapes
// the layout is asserted on (styles, paragraphs, section properties). Regular expressions suffice
// because the writer emits each element in one known form; a miss fails the test loudly.

export type DocxParts = Record<string, string>

export function unzipDocx(file: Buffer): DocxParts {
  const entries = unzipSync(new Uint8Array(file))
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]))
}

export function part(parts: DocxParts, name: string): string {
  const xml = parts[name]
  if (xml === undefined) throw new Error(`the .docx has no ${name}; it has ${Object.keys(parts).join(', ')}`)
  return xml
}

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** The attributes of the first `<tag …>` in xml, or undefined when there is none. */
export function attributes(xml: string, tag: string): Record<string, string> | undefined {
  const match = new RegExp(`<${tag}(\\s[^>]*?)?/?>`).exec(xml)
  if (!match) return undefined
  const found: Record<string, string> = {}
  for (const [, name, value] of (match[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) found[name!] = unescapeXml(value!)
  return found
}

/** The body of `<w:style … w:styleId="id">`. */
export function style(styles: string, id: string): string {
  const match = new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)
  if (!match) throw new Error(`styles.xml has no style ${id}`)
  return match[1]!
}

export type DocxParagraph = { xml: string; style: string | undefined; text: string }

/** Every paragraph of a part, with its style id and its text. */
export function paragraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p\b(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([whole, body]) => ({
    xml: whole,
    style: attributes(body!, 'w:pStyle')?.['w:val'],
    text: [...body!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => unescapeXml(t!)).join(''),
  }))
}

/** The footer part a `<w:footerReference w:type="…">` of the section points at. */
export function footer(parts: DocxParts, type: 'default' | 'even'): string {
  const document = part(parts, 'word/document.xml')
  const reference = [...document.matchAll(/<w:footerReference\b[^>]*\/>/g)]
    .map(([tag]) => attributes(tag, 'w:footerReference')!)
    .find((a) => a['w:type'] === type)
  if (!reference) throw new Error(`no ${type} footer reference`)
  const rels = part(parts, 'word/_rels/document.xml.rels')
  const target = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)]
    .map(([tag]) => attributes(tag, 'Relationship')!)
    .find((r) => r.Id === reference['r:id'])?.Target
  if (!target) throw new Error(`footer ${reference['r:id']} has no relationship`)
  return part(parts, `word/${target}`)
}
