import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { freePort } from '../faults/fixtures/server-process.js'

/** Why Redis tests cannot run here, or false when a redis-server binary is installed. */
export const noRedis: string | false =
  spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0 ? false : 'no redis-server binary here (Debian: apt-get install redis-server); CI installs it'

export interface RedisServer {
  url: string
  port: number
  /** Stops this test's own server (never a shared one) and waits for it to exit. */
  stop(): Promise<void>
  /** Starts it again on the same port. */
  start(): Promise<void>
}

async function answersPing(port: number): Promise<boolean> {
  const socket = new Socket()
  try {
    socket.connect(port, '127.0.0.1')
    await once(socket, 'connect')
    socket.write('PING\r\n')
    const [data] = (await once(socket, 'data')) as [Buffer]
    return data.toString().startsWith('+PONG')
  } catch {
    return false
  } finally {
    socket.destroy()
  }
}

/** A redis-server of the test's own on a free port, in memory only, stopped at teardown. */
export async function startRedis(teardown: (fn: () => Promise<void>) => void): Promise<RedisServer> {
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    for (let i = 0; i < 100; i++) {
      if (await answersPing(port)) return
      if (child.exitCode !== null) break
      await sleep(50)
    }
    throw new Error(`redis-server on port ${port} did not start`)
  }
  const stop = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null) return
    const exited = once(running, 'exit')
    running.kill('SIGKILL')
    await exited
  }
  await start()
  teardown(stop)
  return { url: `redis://127.0.0.1:${port}`, port, stop, start }
}
