import t from 'tap'
import { startLiveServer } from './live-server.js'
import { loadDocument, responseValidator } from './response-validator.js'
import { badInputFlow, decisionFlow, disputeFlow, enforcementCaseFlow, gridUnitFlow, legalEducationEventFlow, readOnlyFlow, sdkClient } from './sdk-flows.js'

// The SDK generated from the committed document (sdk/schema.d.ts, `npm run sdk`) drives a real
// listening server through every resource; every answer is checked against that same document.
t.test('the generated SDK drives every resource of a live server, every answer as documented', async (t) => {
  const { baseUrl, adminKey } = await startLiveServer(t)
  const validator = responseValidator(loadDocument())
  const api = sdkClient(baseUrl, adminKey, async ({ method, path, response }) => {
    validator.record({ method, path, status: response.status, headers: response.headers, body: await response.clone().text() })
  })
  let sent = 0
  api.use({ onRequest: () => void sent++ })

  const { county, grid } = await gridUnitFlow(t, api)
  await t.test('decisions', (t) => decisionFlow(t, api, grid.id))
  await t.test('enforcement cases', (t) => enforcementCaseFlow(t, api, grid.id))
  await t.test('legal-education events', (t) => legalEducationEventFlow(t, api, grid.id))
  await t.test('disputes', (t) => disputeFlow(t, api, grid.id))
  await t.test('statistics, report and audit feed', (t) => readOnlyFlow(t, api, county.id))
  await t.test('bad input', (t) => badInputFlow(t, api))

  t.ok(sent >= 60, `${sent} requests sent`)
  t.equal(validator.checked, sent, 'every answer was checked against the document')
  t.same(validator.violations, [], 'no answer breaks the document')
})
