// Hand-made xlsx packages for the hostile-file tests: every byte of the zip under the test's
// control, including sizes that lie and entries that overlap.
import zlib from 'node:zlib'

export interface CraftEntry {
  name: string
  data: Buffer | string
  /** Deflate (default) or store. */
  store?: boolean
  /** Uncompressed size written into the headers instead of the true one. */
  declaredSize?: number
  /** Already-deflated bytes to use as the entry's data (with declaredSize). */
  deflated?: Buffer
}

/**
 * A zip of these entries. `nestLast` puts the last entry's local record inside the previous
 * entry's data (which is then stored), the overlap a non-recursive zip bomb is made of.
 */
export function craftZip(entries: CraftEntry[], options: { nestLast?: boolean } = {}): Buffer {
  if (options.nestLast && entries.length >= 2) {
    const last = entries.at(-1)!
    const inner = craftZip([{ ...last, store: true }])
    const record = inner.subarray(0, inner.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])))
    const outer = craftZip([...entries.slice(0, -2), { ...entries.at(-2)!, data: record, store: true }])
    return withCentralEntry(outer, inner, record.length)
  }
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [i, e] of entries.entries()) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data) : e.data
    const data = e.deflated ?? (e.store ? raw : zlib.deflateRawSync(raw))
    const size = e.declaredSize ?? raw.length
    const name = Buffer.from(e.name)
    const crc = zlib.crc32(raw) >>> 0
    const method = e.store ? 0 : 8
    const header = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30)
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0)
      const o = central ? 2 : 0
      b.writeUInt16LE(20, 4 + o)
      b.writeUInt16LE(0x800, 6 + o)
      b.writeUInt16LE(method, 8 + o)
      b.writeUInt32LE(crc, 14 + o)
      b.writeUInt32LE(data.length, 18 + o)
      b.writeUInt32LE(size, 22 + o)
      b.writeUInt16LE(name.length, 26 + o)
      return b
    }
    const central = header(true)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    locals.push(header(false), name, data)
    offset += 30 + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** Adds the single central entry of `inner` to `outer`, pointing at the record nested in outer's last entry. */
function withCentralEntry(outer: Buffer, inner: Buffer, recordLength: number): Buffer {
  const cdStart = outer.readUInt32LE(outer.length - 22 + 16)
  const cdSize = outer.readUInt32LE(outer.length - 22 + 12)
  const count = outer.readUInt16LE(outer.length - 22 + 10)
  const innerCentral = inner.subarray(recordLength, inner.length - 22)
  const nestedAt = cdStart - recordLength // the nested record is the last entry's data
  const central = Buffer.from(innerCentral)
  central.writeUInt32LE(nestedAt, 42)
  const end = Buffer.from(outer.subarray(outer.length - 22))
  end.writeUInt16LE(count + 1, 8)
  end.writeUInt16LE(count + 1, 10)
  end.writeUInt32LE(cdSize + central.length, 12)
  return Buffer.concat([outer.subarray(0, cdStart + cdSize), central, end])
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships'

/** A sheet part from rows of inline strings (null = no cell). */
export function sheetXml(rows: (string | null)[][], extra = ''): string {
  const letter = (i: number) => String.fromCharCode(65 + i)
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => (v === null ? '' : `<c r="${letter(c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`)
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData>${extra}</worksheet>`
}

/** The parts of a workbook with these sheets (name → sheet XML), each overridable. */
export function xlsxParts(sheets: Record<string, string>, overrides: Partial<Record<string, Partial<CraftEntry>>> = {}): CraftEntry[] {
  const names = Object.keys(sheets)
  const parts: CraftEntry[] = [
    { name: '[Content_Types].xml', data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>` },
    { name: '_rels/.rels', data: `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${PKG}">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    },
    ...names.map((n, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheets[n]! })),
  ]
  return parts.map((p) => ({ ...p, ...overrides[p.name] }))
}

/** A billion-laughs document type: ten levels of ten, 10^9 "lol"s when expanded. */
export const billionLaughs = (root: string) =>
  `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY lol "lol">` +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
  `]>`

/** `bytes` of repeated XML whitespace, deflated in pieces (no buffer of that size is ever made). */
export async function deflatedFiller(prefix: string, bytes: number, suffix: string): Promise<{ deflated: Buffer; size: number }> {
  const deflate = zlib.createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (c: Buffer) => out.push(c))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const piece = Buffer.alloc(1024 * 1024, 0x20)
  deflate.write(prefix)
  for (let left = bytes; left > 0; left -= piece.length) {
    if (!deflate.write(left >= piece.length ? piece : piece.subarray(0, left))) await new Promise((r) => deflate.once('drain', r))
  }
  deflate.end(suffix)
  await done
  return { deflated: Buffer.concat(out), size: Buffer.byteLength(prefix) + bytes + Buffer.byteLength(suffix) }
}
