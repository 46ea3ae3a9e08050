import { describeTransitions } from '../core/lifecycle.js'
import type { AnyResource } from '../records/define-resource.js'

// The OpenAPI prose of a collection's five operations: what the definition states (filters, rules)
// and what the engine derives from it (transitions, sorts, ownership), so neither can drift.

const words = (name: string) => name.replace(/(?!^)([A-Z])/g, ' $1').toLowerCase()
const article = (noun: string) => (/^[aeiou]/.test(noun) ? 'an' : 'a')

export interface OperationDocs {
  summary: string
  description: string
}

function sortsSentence(def: AnyResource): string {
  const defaultName = def.defaultSort.replace(/^-/, '')
  const parts = Object.keys(def.sorts).map((name) =>
    name === defaultName ? `\`${name}\` (default${def.defaultSort.startsWith('-') ? ` \`${def.defaultSort}\`` : ''})` : `\`${name}\``,
  )
  return `Sorts: ${parts.join(', ')}.`
}

function ownerSentence(def: AnyResource): string {
  return def.owner.kind === 'unit'
    ? `\`${def.owner.field}\` names an existing unit (\`grid-unit-exists\`) inside the key’s jurisdiction (403 otherwise).`
    : 'A key bound to a jurisdiction writes only units whose parent lies inside it (403 otherwise).'
}

function rulesText(def: AnyResource): string[] {
  const transitions = def.lifecycle ? [`Transitions: ${describeTransitions(def.lifecycle.transitions)} (\`status-transition\`).`] : []
  const violations = def.lifecycle || def.docs?.rules ? ['Each broken rule is one entry of `violations` in a 409 `rule-violation`.'] : []
  return [...transitions, ...(def.docs?.rules ? [def.docs.rules] : []), ownerSentence(def), ...violations]
}

const paragraph = (parts: (string | undefined)[]) => {
  const text = parts.filter(Boolean).join(' ')
  return text ? `\n\n${text}` : ''
}

export function recordOperationDocs(def: AnyResource): Record<'list' | 'create' | 'get' | 'update' | 'delete', OperationDocs> {
  const read = `${def.collection}:read`
  const write = `${def.collection}:write`
  const noun = words(def.names.one)
  const nouns = words(def.names.many)
  const a = `${article(noun)} ${noun}`
  const docs = def.docs ?? {}
  return {
    list: {
      summary: `List ${nouns} (${def.label}列表)`,
      description: `Keyset-paged list, limited to the key’s jurisdiction. Needs \`${read}\`.${paragraph([docs.list, sortsSentence(def)])}`,
    },
    create: {
      summary: `Create ${a} (新建${def.label})`,
      description:
        `Creates the record and its audit event in one transaction.${def.lifecycle ? ' `status` may name a later status; the record must then meet every rule of it.' : ''} Needs \`${write}\`.` +
        paragraph([docs.create, ...rulesText(def)]),
    },
    get: {
      summary: `Get one ${noun} (${def.label}详情)`,
      description: `Answers with \`ETag\`; \`If-None-Match\` with the current ETag answers 304. Needs \`${read}\`.`,
    },
    update: {
      summary: `Change ${a} (修改${def.label})`,
      description:
        'JSON Merge Patch (RFC 7396), as `application/merge-patch+json` or `application/json`: absent fields stay, `null` clears an optional field, arrays are replaced whole. ' +
        `Read-only fields are refused (400). Send \`If-Match\` to refuse a change to a version you have not seen (412). Needs \`${write}\`.` +
        paragraph([docs.update, ...rulesText(def)]),
    },
    delete: {
      summary: `Delete ${a} (删除${def.label})`,
      description: `Soft delete: the row and its audit trail stay, the record answers 404 from then on. \`If-Match\` is honoured. Needs \`${write}\`.${paragraph([docs.delete])}`,
    },
  }
}
