import { readFileSync } from 'node:fs'
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript'
import t from 'tap'

// sdk/schema.d.ts is what `npm run sdk` makes from the committed document, so the SDK callers
// build on and the one sdk-e2e drives are the contract as committed. Defaults are not required
// on input: a create body may leave out `status` or `workers`, as the service allows.
t.test('sdk/schema.d.ts is generated from the committed openapi/openapi.yaml (after `npm run openapi`: `npm run sdk -- --default-non-nullable=false`)', async (t) => {
  const root = new URL('../../', import.meta.url)
  const generated = `${COMMENT_HEADER}${astToString(await openapiTS(new URL('openapi/openapi.yaml', root), { defaultNonNullable: false, silent: true }))}`
  t.ok(generated === readFileSync(new URL('sdk/schema.d.ts', root), 'utf8'), 'sdk/schema.d.ts is current')
})
