import { connect } from 'node:net'
import type { CommandName } from '../commands/commands.js'
import type { ControlMessage } from '../commands/control-socket.js'

/**
 * Asks the running service to run a command on its database, over its control socket, and copies
 * what it says to this terminal. Answers the command's exit status, or 'unreachable' when nothing
 * listens on the socket (the service is still starting, or has just stopped).
 */
export async function runThroughService(
  socketPath: string,
  command: CommandName,
  args: string[],
  io: { out(line: string): void; err(line: string): void },
): Promise<number | 'unreachable'> {
  return new Promise((resolve) => {
    const socket = connect(socketPath)
    let connected = false
    let exit: number | undefined
    let buffered = ''
    socket.on('connect', () => {
      connected = true
      socket.write(`${JSON.stringify({ command, args })}\n`)
    })
    socket.on('data', (chunk) => {
      buffered += String(chunk)
      let newline
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffered.slice(0, newline)) as ControlMessage
        buffered = buffered.slice(newline + 1)
        if ('out' in message) io.out(message.out)
        else if ('error' in message) io.err(message.error)
        else exit = message.exit
      }
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      if (!connected) return resolve('unreachable')
      if (exit === undefined) io.err('the service closed the connection before the command finished (was it stopped?); see its log')
      resolve(exit ?? 1)
    })
  })
}
