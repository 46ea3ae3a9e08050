import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, rmSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.js'
import type { Database } from '../db/client.js'
import { commands, isCommandName } from './commands.js'

// The running service's door for its own commands. While a service runs on an embedded database
// no other process may open it, so `npm run seed:demo`, `apikey` and `migrate` ask the service to
// do their work, over a Unix socket in DATA_DIR that only the owner of the directory can open
// (mode 0600): whoever can open it could as well read the database files beside it. One JSON line
// in ({"command", "args"}), JSON lines out ({"out"} or {"error"}, then {"exit"}).

/** Unix socket paths are limited to about 100 bytes (104 on macOS, 108 on Linux). */
const MAX_SOCKET_PATH = 100
const MAX_REQUEST_BYTES = 64 * 1024

/** Where the service of a data directory listens: in it, or (for a deep path) in a private folder under the temp directory. */
export function controlSocketPath(dataDir: string): string {
  const inDir = join(resolve(dataDir), 'control.sock')
  if (Buffer.byteLength(inDir) <= MAX_SOCKET_PATH) return inDir
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)
  return join(tmpdir(), `fazhi-api-${id}`, 'control.sock')
}

export interface ControlRequest {
  command: string
  args: string[]
}

export type ControlMessage = { out: string } | { error: string } | { exit: number }

async function serve(socket: Socket, ctx: { database: Database; config: Config; log: FastifyBaseLogger }): Promise<void> {
  const send = (message: ControlMessage) => socket.write(`${JSON.stringify(message)}\n`)
  const line = await new Promise<string>((done) => {
    let buffered = ''
    const onData = (chunk: Buffer) => {
      buffered += String(chunk)
      if (!buffered.includes('\n') && buffered.length <= MAX_REQUEST_BYTES) return
      socket.off('data', onData)
      done(buffered.split('\n')[0]!)
    }
    socket.on('data', onData)
    socket.once('end', () => done(buffered))
    socket.once('close', () => done(buffered))
  })
  let request: ControlRequest
  try {
    request = JSON.parse(line) as ControlRequest
    if (!isCommandName(request.command) || !Array.isArray(request.args) || !request.args.every((a) => typeof a === 'string')) throw new Error()
  } catch {
    send({ error: 'not a command this service runs' })
    send({ exit: 2 })
    return
  }
  const command = commands[request.command as keyof typeof commands]
  ctx.log.info({ command: request.command }, 'running a command for the CLI')
  try {
    const args = command.parse(request.args)
    await command.run({ database: ctx.database, config: ctx.config, say: (line) => send({ out: line }), via: `the running service (pid ${process.pid})` }, args)
    send({ exit: 0 })
  } catch (error) {
    send({ error: error instanceof Error ? error.message : String(error) })
    send({ exit: 1 })
  }
}

/** Listens on the control socket until `close()`; the socket file is removed then. */
export async function openControlSocket(path: string, ctx: { database: Database; config: Config; log: FastifyBaseLogger }): Promise<{ close(): Promise<void> }> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  // A socket file left by an owner that was killed: the lock on the directory says it is ours now.
  rmSync(path, { force: true })
  const open = new Set<Socket>()
  const server: Server = createServer((socket) => {
    open.add(socket)
    socket.on('close', () => open.delete(socket))
    socket.on('error', () => {})
    serve(socket, ctx)
      .catch((error: unknown) => ctx.log.error({ err: error }, 'control socket command failed'))
      .finally(() => socket.end())
  })
  await new Promise<void>((ready, fail) => server.once('error', fail).listen(path, () => ready()))
  chmodSync(path, 0o600)
  return {
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done())
        for (const socket of open) socket.destroy()
      })
      rmSync(path, { force: true })
    },
  }
}
