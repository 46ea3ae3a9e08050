import t from 'tap'
import { loadDocument, responseValidator } from './response-validator.js'

// The validator that guards the SDK run must itself catch what Prism's `--errors` would.
const doc = loadDocument()
const validator = responseValidator(doc)
const json = (extra: Record<string, string> = {}) => new Headers({ 'content-type': 'application/json; charset=utf-8', ...extra })
const problemJson = new Headers({ 'content-type': 'application/problem+json; charset=utf-8' })
const dispute = structuredClone(doc.components.schemas.Dispute.examples[0])

t.test('a documented answer that matches passes', async (t) => {
  t.same(validator.check({ method: 'GET', path: '/v1/disputes/{id}', status: 200, headers: json({ etag: '"3"' }), body: JSON.stringify(dispute) }), [])
  t.same(validator.check({ method: 'DELETE', path: '/v1/disputes/{id}', status: 204, headers: new Headers(), body: '' }), [])
})

t.test('each kind of mismatch is reported', async (t) => {
  const cases: [string, Parameters<typeof validator.check>[0], RegExp][] = [
    ['undocumented status', { method: 'GET', path: '/v1/disputes/{id}', status: 418, headers: json(), body: '{}' }, /status not documented/],
    ['unknown operation', { method: 'PUT', path: '/v1/disputes/{id}', status: 200, headers: json(), body: '{}' }, /no such operation/],
    ['wrong media type', { method: 'GET', path: '/v1/disputes/{id}', status: 200, headers: new Headers({ 'content-type': 'text/html' }), body: '<p>' }, /content-type text\/html/],
    ['error not problem+json', { method: 'GET', path: '/v1/disputes/{id}', status: 404, headers: json(), body: '{}' }, /content-type application\/json/],
    ['missing property', { method: 'GET', path: '/v1/disputes/{id}', status: 200, headers: json(), body: JSON.stringify({ ...dispute, id: undefined }) }, /required/],
    ['unknown enum value', { method: 'GET', path: '/v1/disputes/{id}', status: 200, headers: json(), body: JSON.stringify({ ...dispute, status: 'closed' }) }, /enum/],
    ['extra property', { method: 'GET', path: '/v1/disputes/{id}', status: 200, headers: json(), body: JSON.stringify({ ...dispute, secret: 1 }) }, /additionalProperties/],
    ['header off its schema', { method: 'POST', path: '/v1/disputes', status: 201, headers: json({ 'idempotency-replayed': 'yes' }), body: JSON.stringify(dispute) }, /header Idempotency-Replayed=yes/],
    ['body where none is documented', { method: 'DELETE', path: '/v1/disputes/{id}', status: 204, headers: json(), body: '{}' }, /a body where/],
    ['problem without its members', { method: 'GET', path: '/v1/disputes/{id}', status: 404, headers: problemJson, body: '{"status":404}' }, /required/],
  ]
  for (const [name, response, expected] of cases) {
    const found = validator.check(response)
    t.equal(found.length, 1, `${name}: one violation`)
    t.match(found[0] ?? '', expected, name)
  }
})
