import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Results } from './report.js'

const bench = fileURLToPath(new URL('.', import.meta.url))
const START = '<!-- latest results: written by npm run bench -->'
const END = '<!-- end of latest results -->'

/**
 * bench/results/<date>.json and .md; a run at another scale than the full one is named for its
 * scale and leaves the README's table alone, which shows full runs only.
 */
export function writeResults(results: Results, table: string): string[] {
  const folder = `${bench}results`
  mkdirSync(folder, { recursive: true })
  const name = `${results.startedAt.slice(0, 10)}${results.scale === 1 ? '' : `-scale-${results.scale}`}`
  const files = [`${folder}/${name}.json`, `${folder}/${name}.md`]
  writeFileSync(files[0]!, `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(files[1]!, `# Benchmark ${name}\n\n${table}`)
  const readme = `${bench}README.md`
  if (results.scale === 1 && existsSync(readme)) {
    const text = readFileSync(readme, 'utf8')
    const from = text.indexOf(START)
    const to = text.indexOf(END)
    if (from >= 0 && to > from) {
      writeFileSync(readme, `${text.slice(0, from + START.length)}\n\n${table}\n${text.slice(to)}`)
      files.push(readme)
    }
  }
  return files.map((f) => f.replace(bench, 'bench/'))
}
