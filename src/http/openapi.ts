import type { FastifyInstance } from 'fastify'
import type { SwaggerOptions } from '@fastify/swagger'
import { readFileSync } from 'node:fs'
import { resources } from '../modules/index.js'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

export const openApiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'fazhi-api 法治政府建设记录服务',
      version,
      description: [
        'Records of a township’s and county’s rule-of-law government work (法治政府建设): major decisions under legality review (重大行政决策),',
        'administrative enforcement cases (行政执法案件), legal-education events (普法活动), disputes (矛盾纠纷) and the grid units (网格) that own them,',
        'with the year’s figures, the annual report’s data sections and an audit change feed.',
        '',
        'Conventions: JSON with camelCase fields; ids are UUIDs; instants are RFC 3339 and answered in UTC; days and years are reckoned in China',
        'Standard Time (UTC+8). Lists are keyset-paged (`limit`, `cursor`, `sort`). Every error is `application/problem+json` (RFC 9457).',
        'Writes answer `ETag: "<version>"`; send `If-Match` to refuse lost updates, `Idempotency-Key` on POST to retry safely.',
        'Unknown body fields and query parameters are refused (400), never ignored; strings and arrays have maximum sizes.',
        'A wrong method on a known path answers 404 like an unknown path. Instants are kept to the millisecond.',
        'A number in a query string, path or header is written in plain decimal (`20`, `-3`, `0.25`): a sign `+`, spaces, leading zeros,',
        'exponents, hex, `_` or `Infinity` are refused (400). Every number, there or in a body, is finite, not `-0` and within ±(2^53 − 1) (I-JSON, RFC 7493).',
        'Rate limits are counted per API key (429 with `Retry-After`): shared by every instance when the service is run with Redis, else per',
        'instance; a Redis outage lets requests through uncounted rather than refusing them. Unknown API keys are limited per client address.',
      ].join('\n'),
      contact: { name: 'fazhi-api 法治政府建设记录服务 maintainers' },
    },
    // Relative: the server that serves this document, wherever it is deployed (and Swagger UI's "Try it out").
    servers: [{ url: '/', description: 'The server that serves this document' }],
    tags: [
      ...resources.map((r) => r.tag),
      { name: 'Statistics', description: '统计与年度报告: the year’s figures and the annual report’s data sections.' },
      { name: 'Audit', description: '审计日志: every change, and a change feed other systems follow.' },
      { name: 'Operations', description: 'Health, readiness and metrics.' },
    ],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer <key>`. Scopes are listed on each operation.' },
      },
    },
    security: [{ apiKey: [] }],
  },
  refResolver: {
    // Components keep the $id they were given (`Dispute`, `DisputeCreate`) instead of `def-0`.
    buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
  },
}

/** The contract, served as the code builds it; `npm run openapi` writes the same to openapi/. */
export async function registerOpenApiRoutes(app: FastifyInstance) {
  const hidden = { hide: true }
  app.get('/openapi.json', { config: { public: true }, schema: hidden }, async () => app.swagger())
  app.get('/openapi.yaml', { config: { public: true }, schema: hidden }, async (_request, reply) =>
    reply.type('application/yaml; charset=utf-8').send(app.swagger({ yaml: true })),
  )
}
