import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

// The servers under test run as child processes of their own, from JavaScript (no TypeScript
// loader in them), so what is measured is what production runs, and their memory is theirs alone.

const root = fileURLToPath(new URL('..', import.meta.url))

/** Compiles the service as `npm run build` does. */
export function buildService(): void {
  const result = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`the service does not build:\n${result.stdout}${result.stderr}`)
}

/** Transpiles a floor (`floor` or `bare`) to a module beside the dependencies it imports (a cache folder, not the source tree). */
export function buildFloor(name: 'floor' | 'bare' = 'floor'): string {
  const source = readFileSync(`${root}bench/${name}.ts`, 'utf8')
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  })
  const folder = `${root}node_modules/.cache/fazhi-bench`
  mkdirSync(folder, { recursive: true })
  writeFileSync(`${folder}/${name}.mjs`, outputText)
  return `${folder}/${name}.mjs`
}

export const serviceEntry = `${root}dist/server.js`

/** The V8 flags `npm start` gives the service (package.json), so the bench measures what production runs. */
export const serviceNodeArgs = startFlags(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).scripts.start)

function startFlags(script: string): string[] {
  const flags = /\bnode ((?:--\S+ )*)dist\/server\.js/.exec(script)?.[1]
  if (flags === undefined) throw new Error(`npm start does not run node … dist/server.js: ${script}`)
  return flags.split(' ').filter(Boolean)
}

export interface Server {
  name: string
  url: string
  pid: number
  /** Resident memory now and at its peak since start (VmRSS, VmHWM), in MiB. */
  memory(): { rss: number; peak: number }
  stop(): Promise<void>
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 }
}

async function ready(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(`${url}/readyz`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} was not ready within 90 s:\n${output()}`)
}

export async function startServer(name: string, entry: string, port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  await ready(url, child, () => output)
  return {
    name,
    url,
    pid: child.pid!,
    memory: () => memoryOf(child.pid!),
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** Polls a server's resident memory while it is under load; the highest reading is its peak. */
export function sampleMemory(server: Server, everyMs = 50): () => number {
  let peak = server.memory().rss
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, server.memory().rss)
    } catch {
      // the process is gone; the last reading stands
    }
  }, everyMs)
  return () => {
    clearInterval(timer)
    return peak
  }
}
