import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import t from 'tap'
import { serviceNodeArgs } from '../../bench/processes.js'

// Production starts the service two ways, `npm start` and the image's CMD: the same node flags both.
// `serviceNodeArgs` reads them from `npm start` (and throws when it runs no `node … dist/server.js`).
const root = new URL('../../', import.meta.url)

t.test('npm start and the Dockerfile run node with the same flags', async (t) => {
  const cmd = /^CMD (\[.*\])\s*$/m.exec(readFileSync(new URL('Dockerfile', root), 'utf8'))?.[1]
  t.ok(cmd, 'the Dockerfile has an exec-form CMD')
  t.same(JSON.parse(cmd!), ['node', ...serviceNodeArgs, 'dist/server.js'])
})

t.test('node accepts those flags', async (t) => {
  const run = spawnSync(process.execPath, [...serviceNodeArgs, '-e', 'process.exit(0)'], { encoding: 'utf8' })
  t.equal(run.status, 0, run.stderr)
  t.equal(run.stderr, '', 'no warning about an unknown flag')
})
