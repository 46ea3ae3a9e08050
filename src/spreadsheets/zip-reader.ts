// The xlsx container, read with every bound checked before a byte is inflated (APPNOTE.TXT 6.3):
// - the end-of-central-directory record and the central directory are parsed here, not by a zip
//   library, so that the entry count, each entry's declared sizes and its compression ratio can be
//   refused before anything inflates (a zip bomb: an xlsx inflating far beyond its size);
// - entries must not overlap (the "non-recursive zip bomb" points many entries at one deflate
//   stream), nor share a name, nor differ between the central directory and their local header
//   (two parsers would then see two different files); encrypted entries and ZIP64 are refused —
//   an xlsx under 5 MiB never needs it;
// - inflating streams through node:zlib and counts the bytes it yields: past the declared size or
//   the budget it stops at once, so headers that lie cost no more than the budget; the CRC-32 of
//   what was inflated must match.
// No zip library is involved: exceljs's JSZip does not expose declared sizes publicly and inflates
// with pako without an output bound, so it only ever sees the clean package built afterwards.

import zlib from 'node:zlib'
import { sheetError } from './errors.js'
import { mib, type SheetLimits } from './limits.js'

export interface ZipEntry {
  name: string
  method: 0 | 8
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
  dataOffset: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export const isZip = (body: Buffer) => body.length >= 4 && body.readUInt32LE(0) === LOCAL

const damaged = (why: string) => sheetError('damaged', `xlsx 文件已损坏：${why}`)

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65 535; its comment must reach the file's end.
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === EOCD && at + 22 + buf.readUInt16LE(at + 20) === buf.length) return at
  }
  throw damaged('找不到 zip 目录')
}

/** The entries of a zip, each checked against the limits; no data is inflated. */
export function readZipDirectory(buf: Buffer, limits: SheetLimits): Map<string, ZipEntry> {
  const eocd = findEndOfCentralDirectory(buf)
  const count = buf.readUInt16LE(eocd + 10)
  const cdSize = buf.readUInt32LE(eocd + 12)
  const cdOffset = buf.readUInt32LE(eocd + 16)
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0 || buf.readUInt16LE(eocd + 8) !== count) throw damaged('分卷 zip')
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw sheetError('unsafe-content', '不支持 ZIP64 格式的 xlsx')
  if (count > limits.maxZipEntries) throw sheetError('too-large', `xlsx 内含 ${count} 个部件，超过 ${limits.maxZipEntries} 个`)
  if (cdOffset + cdSize > eocd) throw damaged('zip 目录越界')

  const entries = new Map<string, ZipEntry>()
  let p = cdOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || buf.readUInt32LE(p) !== CENTRAL) throw damaged('zip 目录项无效')
    const flags = buf.readUInt16LE(p + 8)
    const method = buf.readUInt16LE(p + 10)
    const nameLength = buf.readUInt16LE(p + 28)
    const next = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
    if (next > cdOffset + cdSize) throw damaged('zip 目录项越界')
    const rawName = buf.subarray(p + 46, p + 46 + nameLength)
    const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1').replace(/^\/+/, '')
    const entry: ZipEntry = {
      name,
      method: method as 0 | 8,
      crc32: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      dataOffset: 0,
    }
    if (flags & 0x1) throw sheetError('unsafe-content', `xlsx 部件 ${name} 已加密`)
    if (method !== 0 && method !== 8) throw damaged(`部件 ${name} 的压缩方式 ${method} 不受支持`)
    if ([entry.compressedSize, entry.uncompressedSize, entry.localOffset].includes(0xffffffff)) {
      throw sheetError('unsafe-content', '不支持 ZIP64 格式的 xlsx')
    }
    checkDeclaredSize(entry, limits)
    entry.dataOffset = localDataOffset(buf, entry, rawName, cdOffset)
    const key = name.toLowerCase() // OPC part names compare case-insensitively (ECMA-376 Part 2 §9.1.1.1)
    if (entries.has(key)) throw sheetError('unsafe-content', `xlsx 部件 ${name} 重复出现`)
    entries.set(key, entry)
    p = next
  }
  assertNoOverlap([...entries.values()])
  return entries
}

function checkDeclaredSize(e: ZipEntry, limits: SheetLimits): void {
  if (e.method === 0 && e.compressedSize !== e.uncompressedSize) throw damaged(`部件 ${e.name} 的大小不一致`)
  if (e.uncompressedSize > limits.maxInflatedBytes) {
    throw sheetError('zip-bomb', `xlsx 部件 ${e.name} 解压后为 ${mib(e.uncompressedSize)}，超过 ${mib(limits.maxInflatedBytes)}`)
  }
  if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > e.compressedSize * limits.maxRatio) {
    throw sheetError('zip-bomb', `xlsx 部件 ${e.name} 的压缩比超过 ${limits.maxRatio} 倍`)
  }
}

function localDataOffset(buf: Buffer, e: ZipEntry, rawName: Buffer, cdOffset: number): number {
  const at = e.localOffset
  if (at + 30 > cdOffset || buf.readUInt32LE(at) !== LOCAL) throw damaged(`部件 ${e.name} 的本地头无效`)
  const nameLength = buf.readUInt16LE(at + 26)
  if (!buf.subarray(at + 30, at + 30 + nameLength).equals(rawName)) {
    throw sheetError('unsafe-content', `xlsx 部件 ${e.name} 的本地头与目录不一致`)
  }
  const data = at + 30 + nameLength + buf.readUInt16LE(at + 28)
  if (data + e.compressedSize > cdOffset) throw damaged(`部件 ${e.name} 越界`)
  return data
}

function assertNoOverlap(entries: ZipEntry[]): void {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset)
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!
    if (sorted[i]!.localOffset < previous.dataOffset + previous.compressedSize) {
      throw sheetError('zip-bomb', `xlsx 部件 ${previous.name} 与 ${sorted[i]!.name} 的数据重叠`)
    }
  }
}

/** Inflated bytes all entries read from one file may still yield. */
export interface InflateBudget {
  remaining: number
  limit: number
}

/**
 * The entry's inflated bytes, chunk by chunk. Throws `zip-bomb` the moment the output passes the
 * declared size or the budget, `damaged` when it ends short or its CRC-32 differs.
 */
export async function* entryBytes(buf: Buffer, e: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
  const data = buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize)
  const tooMuch = () =>
    sheetError('zip-bomb', `xlsx 部件 ${e.name} 解压后超过${e.uncompressedSize < budget.remaining ? '其声明的大小' : ` ${mib(budget.limit)}`}`)
  if (e.uncompressedSize > budget.remaining) throw tooMuch()
  let total = 0
  let crc = 0
  const take = (chunk: Buffer) => {
    total += chunk.length
    if (total > e.uncompressedSize || total > budget.remaining) throw tooMuch()
    crc = zlib.crc32(chunk, crc)
  }
  if (e.method === 0) {
    take(data)
    yield data
  } else {
    const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 })
    inflater.end(data)
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        take(chunk)
        yield chunk
      }
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('Z_')) throw damaged(`部件 ${e.name} 无法解压`)
      throw error
    } finally {
      inflater.destroy()
    }
  }
  if (total !== e.uncompressedSize || crc >>> 0 !== e.crc32 >>> 0) throw damaged(`部件 ${e.name} 的校验和不符`)
  budget.remaining -= total
}
