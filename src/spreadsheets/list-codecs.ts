// Nested lists written into one cell as readable text, and read back from it (API.md §7):
// a dispute's parties `张三（申请人，138****5678）；李四（被申请人）` — per item a head value, then
// the other members in brackets in schema order, trailing optional ones left out; items separated
// by `；`. Reading accepts full-width and ASCII punctuation alike (（）/(), ，/, and ；/; or a line
// break between items), and a head that itself holds brackets (`某公司（分公司）（被申请人）`): the
// members are the last bracket group, matched from the end.

import type { Parsed } from './instants.js'
import { allowedLabels, formatScalar, parseScalar, type ScalarSpec } from './scalars.js'

export interface ListCodec {
  format(items: readonly unknown[]): string
  parse(text: string): Parsed<unknown[]>
  /** How to write the cell, for the template's explanation sheet. */
  note: string
}

export interface ListPart extends ScalarSpec {
  key: string
  /** The member's Chinese name, for notes and messages. */
  name: string
  required: boolean
}

const OPEN = new Set(['（', '('])
const CLOSE = new Set(['）', ')'])

/** Splits on the separators outside brackets. */
function splitOutside(text: string, separators: ReadonlySet<string>): string[] {
  const pieces: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (OPEN.has(ch)) depth++
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1)
    else if (depth === 0 && separators.has(ch)) {
      pieces.push(text.slice(start, i))
      start = i + 1
    }
  }
  pieces.push(text.slice(start))
  return pieces.map((p) => p.trim()).filter((p) => p !== '')
}

/** `head（a，b）` → [head, 'a，b']; the group is the last one and must close the item. */
function splitTrailingGroup(item: string): [string, string | undefined] {
  if (!CLOSE.has(item.at(-1)!)) return [item, undefined]
  let depth = 0
  for (let i = item.length - 1; i >= 0; i--) {
    if (CLOSE.has(item[i]!)) depth++
    else if (OPEN.has(item[i]!) && --depth === 0) return [item.slice(0, i).trim(), item.slice(i + 1, -1)]
  }
  return [item, undefined]
}

const ITEM_SEPARATORS = new Set(['；', ';', '\n', '\r'])
const MEMBER_SEPARATORS = new Set(['，', ','])

/** Items of objects: `head（member，member）；…`. */
export function tupleListCodec(parts: readonly ListPart[]): ListCodec {
  const [head, ...rest] = parts
  if (!head) throw new Error('a list of objects needs at least one member')
  const describe = (p: ListPart) => (p.kind === 'enum' && p.labels ? `${p.name}：${allowedLabels(p.labels)}` : p.name) + (p.required ? '' : '，可不填')
  return {
    note:
      `每项写作“${head.name}（${rest.map((p) => p.name).join('，')}）”，多项之间用“；”分隔` +
      (rest.length ? `；括号内依次为 ${rest.map(describe).join('；')}` : ''),
    format(items) {
      return items
        .map((item) => {
          const o = (item ?? {}) as Record<string, unknown>
          const members = rest.map((p) => formatScalar(p, o[p.key]))
          while (members.length && members.at(-1) === '') members.pop()
          const first = formatScalar(head, o[head.key])
          return members.length ? `${first}（${members.join('，')}）` : first
        })
        .join('；')
    },
    parse(text) {
      const items: unknown[] = []
      const pieces = splitOutside(text, ITEM_SEPARATORS)
      for (const [index, piece] of pieces.entries()) {
        const where = pieces.length > 1 ? `第 ${index + 1} 项“${piece}”：` : ''
        const [first, group] = splitTrailingGroup(piece)
        const members = group === undefined ? [] : group.split(/[，,]/).map((m) => m.trim())
        if (members.length > rest.length) return { error: `${where}括号内最多 ${rest.length} 项（${rest.map((p) => p.name).join('，')}）` }
        const item: Record<string, unknown> = {}
        for (const [i, part] of parts.entries()) {
          const cell = i === 0 ? first : members[i - 1]
          if (cell === undefined || cell === '') {
            if (part.required) return { error: `${where}缺少${part.name}` }
            continue
          }
          const parsed = parseScalar(part, cell)
          if ('error' in parsed) return { error: `${where}${part.name}${parsed.error}` }
          item[part.key] = parsed.value
        }
        items.push(item)
      }
      return { value: items }
    },
  }
}

/** Items of one scalar kind: `政务平台；公开栏` (enum labels or values, text, dates). */
export function scalarListCodec(spec: ScalarSpec, name: string): ListCodec {
  // Enum labels hold no commas, so a clerk's 、 and ， separate items too; free text keeps them.
  const separators = spec.kind === 'text' ? ITEM_SEPARATORS : new Set([...ITEM_SEPARATORS, ...MEMBER_SEPARATORS, '、'])
  return {
    note:
      spec.kind === 'enum' && spec.labels
        ? `可填多项，用“；”分隔，每项为：${allowedLabels(spec.labels)}`
        : `可填多项${name ? `${name}` : ''}，用“；”分隔`,
    format: (items) => items.map((v) => formatScalar(spec, v)).join('；'),
    parse(text) {
      const items: unknown[] = []
      for (const piece of splitOutside(text, separators)) {
        const parsed = parseScalar(spec, piece)
        if ('error' in parsed) return { error: parsed.error }
        items.push(parsed.value)
      }
      return { value: items }
    },
  }
}
