import { buildApp } from './app.js'
import { loadConfig } from './config.js'
import { openDatabase } from './db/client.js'

/**
 * The OpenAPI document exactly as the service serves it. Building it needs no data, so it runs
 * on a throwaway in-memory database; the committed files under openapi/ are this output.
 */
export async function buildOpenApiDocument(): Promise<{ json: string; yaml: string }> {
  const database = await openDatabase({ dataDir: 'memory://' })
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { database })
  try {
    await app.ready()
    return { json: `${JSON.stringify(app.swagger(), null, 2)}\n`, yaml: app.swagger({ yaml: true }) }
  } finally {
    await app.close()
    await database.close()
  }
}
