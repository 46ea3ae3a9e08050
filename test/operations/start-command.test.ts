import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import t from 'tap'

// Production starts the service two ways, `npm start` and the image's CMD: the same node flags both.
const root = new URL('../../', import.meta.url)
const start = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).scripts.start as string
const flags = /\bnode ((?:--\S+ )*)dist\/server\.js/.exec(start)?.[1]?.split(' ').filter(Boolean)

t.test('npm start and the Dockerfile run node with the same flags', async (t) => {
  t.ok(flags, `npm start runs node … dist/server.js: ${start}`)
  const cmd = /^CMD (\[.*\])\s*$/m.exec(readFileSync(new URL('Dockerfile', root), 'utf8'))?.[1]
  t.ok(cmd, 'the Dockerfile has an exec-form CMD')
  t.same(JSON.parse(cmd!), ['node', ...flags!, 'dist/server.js'])
})

t.test('node accepts those flags', async (t) => {
  const run = spawnSync(process.execPath, [...flags!, '-e', 'process.exit(0)'], { encoding: 'utf8' })
  t.equal(run.status, 0, run.stderr)
  t.equal(run.stderr, '', 'no warning about an unknown flag')
})
