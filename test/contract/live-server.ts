import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { buildApp } from '../../src/app.js'
import { createApiKey } from '../../src/db/api-keys.js'
import { loadConfig } from '../../src/config.js'
import { freshDatabase } from '../helpers/database.js'

export interface LiveServer {
  app: FastifyInstance
  /** `http://127.0.0.1:<port>`: a real socket, as other systems and browsers reach the service. */
  baseUrl: string
  adminKey: string
}

/** The service listening on a free loopback port, on a fresh database of its own; closed at teardown. */
export async function startLiveServer(t: Test): Promise<LiveServer> {
  const fresh = await freshDatabase()
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { database: fresh.database })
  t.teardown(async () => {
    await app.close()
    await fresh.drop()
  })
  const { secret } = await createApiKey(fresh.database.db, { name: 'contract-admin', scopes: ['admin'] })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return { app, baseUrl: `http://127.0.0.1:${port}`, adminKey: secret }
}
