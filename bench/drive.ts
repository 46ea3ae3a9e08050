import autocannon, { type RequestSpec, type Result } from 'autocannon'
import { sampleMemory, type Server } from './processes.js'

export interface Measurement {
  /** Successful (2xx) answers per second: a fast error is no throughput. */
  rps: number
  /** Latency percentiles of the successful answers, in milliseconds. */
  p50: number
  p99: number
  requests: number
  /** Answers that were not 2xx, plus socket errors and time-outs. */
  failures: number
  /** The server's highest resident memory while it was driven, in MiB. */
  peakRssMiB: number
}

export interface DriveOptions {
  connections: number
  durationSeconds: number
  headers: Record<string, string>
  /** Called just before the measured run starts; what it returns, just after the run ends. */
  watch?: () => () => void
}

async function run(server: Server, request: RequestSpec, options: DriveOptions, durationSeconds: number) {
  return autocannon({
    url: server.url,
    connections: options.connections,
    duration: durationSeconds,
    headers: options.headers,
    requests: [request],
    timeout: 30,
    excludeErrorStats: true,
  })
}

const ok = (result: Result) => Object.entries(result.statusCodeStats ?? {}).reduce((n, [code, s]) => (code.startsWith('2') ? n + s.count : n), 0)

/**
 * Warms the server up on the request for a short while, waits until the database has finished
 * what the warm-up left running (slow requests outlive their closed connections), then measures.
 */
export async function drive(server: Server, request: RequestSpec, options: DriveOptions, settle: () => Promise<void>): Promise<Measurement> {
  await run(server, request, options, Math.min(3, Math.max(1, Math.round(options.durationSeconds / 4))))
  await settle()
  const stopSampling = sampleMemory(server)
  const stopWatching = options.watch?.()
  const result = await run(server, request, options, options.durationSeconds)
  stopWatching?.()
  const peakRssMiB = stopSampling()
  return {
    rps: ok(result) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    peakRssMiB,
  }
}
