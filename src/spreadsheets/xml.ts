// The XML parts of an xlsx, parsed with saxes (exceljs's own XML parser) as they inflate.
// - A document type declaration is refused outright: it is where entities are declared, and an
//   entity expanding into entities ("billion laughs") or naming an external file (XXE) is the
//   attack. SpreadsheetML has no use for a DTD (ECMA-376 Part 1 §8.1 forbids one in a package).
// - Bytes must be UTF-8 (TextDecoder `fatal`); the XML 1.0 character rules saxes applies refuse the
//   NULs of a UTF-16 part, so no other encoding slips through.
// Element names are reduced to their local part (`x:row` → `row`): some generators prefix the main
// namespace, and nothing here needs the namespace to tell elements apart. Attributes are passed as
// they are: SpreadsheetML's own are unprefixed, and the one prefixed attribute read (`r:id`) is
// found by its local name with attribute().

import { SaxesParser } from 'saxes'
import { sheetError, SpreadsheetError } from './errors.js'

export type Attributes = Readonly<Record<string, string>>

export interface XmlHandlers {
  open?(name: string, attributes: Attributes): void
  text?(text: string): void
  close?(name: string): void
}

const local = (name: string) => name.slice(name.indexOf(':') + 1)

/** An attribute by its local name, whatever prefix it carries (`r:id`, `ns1:id`). */
export function attribute(attributes: Attributes, localName: string): string | undefined {
  if (attributes[localName] !== undefined) return attributes[localName]
  for (const [name, value] of Object.entries(attributes)) if (local(name) === localName) return value
  return undefined
}

/** Thrown by a handler to stop reading a part early (a sheet known to hold data); not an error. */
export class StopReading extends Error {}

/**
 * Parses one part from its byte chunks. Resolves when the part ends or a handler throws
 * StopReading; rejects with `unsafe-content` on a DTD, `damaged` on malformed XML or bad UTF-8.
 */
export async function parseXml(part: string, chunks: AsyncIterable<Buffer>, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false })
  parser.on('doctype', () => {
    throw sheetError('unsafe-content', `xlsx 部件 ${part} 含有文档类型（DOCTYPE/ENTITY）声明，拒绝读取`)
  })
  parser.on('error', (e) => {
    throw sheetError('damaged', `xlsx 部件 ${part} 不是有效的 XML：${e.message.slice(0, 200)}`)
  })
  if (handlers.open) {
    const open = handlers.open
    parser.on('opentag', (tag) => open(local(tag.name), tag.attributes))
  }
  if (handlers.close) {
    const close = handlers.close
    parser.on('closetag', (tag) => close(local(tag.name)))
  }
  if (handlers.text) {
    parser.on('text', handlers.text)
    parser.on('cdata', handlers.text)
  }
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
    } catch {
      throw sheetError('damaged', `xlsx 部件 ${part} 不是 UTF-8 编码`)
    }
  }
  const iterator = chunks[Symbol.asyncIterator]()
  try {
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) parser.write(decode(r.value))
    parser.write(decode())
    parser.close()
  } catch (error) {
    await iterator.return?.()
    if (error instanceof StopReading) return
    if (error instanceof SpreadsheetError) throw error
    throw sheetError('damaged', `xlsx 部件 ${part} 无法读取：${(error as Error).message.slice(0, 200)}`)
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
/** Text or attribute value escaped for XML. */
export const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!)
