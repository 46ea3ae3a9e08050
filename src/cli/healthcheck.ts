import { loadConfig } from '../config.js'

// The container's HEALTHCHECK: exit 0 when /healthz answers 200 within 3 s, else 1. It asks the
// address the service listens on (a wildcard address is reached through loopback).
const { host, port } = loadConfig()
const loopback: Record<string, string> = { '0.0.0.0': '127.0.0.1', '::': '[::1]' }
const target = loopback[host] ?? (host.includes(':') ? `[${host}]` : host)
try {
  const res = await fetch(`http://${target}:${port}/healthz`, { signal: AbortSignal.timeout(3000) })
  process.exit(res.ok ? 0 : 1)
} catch {
  process.exit(1)
}
