import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'

// The layers of src/, bottom up: each may import only its own layer and those below it.
export const layers = [
  ['config', (path: string) => path === 'src/config.ts'],
  ['core', (path: string) => path.startsWith('src/core/')],
  ['spreadsheets', (path: string) => path.startsWith('src/spreadsheets/')],
  ['db', (path: string) => path.startsWith('src/db/')],
  ['records', (path: string) => path.startsWith('src/records/')],
  ['modules', (path: string) => path.startsWith('src/modules/')],
  ['reports', (path: string) => path.startsWith('src/reports/')],
  ['http', (path: string) => path.startsWith('src/http/')],
  ['app', (path: string) => path === 'src/app.ts' || path === 'src/openapi-document.ts'],
  ['commands', (path: string) => path.startsWith('src/commands/')],
  ['entry points', (path: string) => path === 'src/server.ts' || path.startsWith('src/cli/')],
] as const

export const layerOf = (path: string): number => layers.findIndex(([, holds]) => holds(path))

/** Layers whose code knows no HTTP framework: they never import Fastify or its plugins. */
export const transportNeutral = new Set(['core', 'spreadsheets', 'db', 'records', 'modules', 'reports'])
const fastifyPackage = /^(fastify|@fastify\/|fastify-)/

export interface Import {
  from: string
  to: string
}

export function sourceFiles(root: string, folder = 'src'): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`
    if (entry.isDirectory()) return sourceFiles(root, path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** Every `import … from`, `export … from` and `import(…)` of a file, type-only ones included. */
export function importsOf(root: string, path: string): Import[] {
  const text = readFileSync(join(root, path), 'utf8')
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!)
  return specifiers.map((spec) =>
    spec.startsWith('.') ? { from: path, to: normalize(join(dirname(path), spec)).replace(/\.js$/, '.ts') } : { from: path, to: spec },
  )
}

/** What breaks the rules: an import of a higher layer, a Fastify import below the HTTP layer. */
export function violations(imports: Import[]): string[] {
  const found: string[] = []
  for (const { from, to } of imports) {
    const own = layerOf(from)
    if (to.startsWith('src/')) {
      const target = layerOf(to)
      if (target > own) found.push(`${from} (${layers[own]?.[0]}) imports ${to} (${layers[target]?.[0]}), a layer above it`)
    } else if (fastifyPackage.test(to) && transportNeutral.has(layers[own]?.[0] ?? '')) {
      found.push(`${from} (${layers[own]?.[0]}) imports ${to}: only src/http and above know the HTTP framework`)
    }
  }
  return found
}

