import { Writable } from 'node:stream'
import t from 'tap'
import { maskIdNumber, maskPhone } from '../../src/core/pii.js'
import { buildTestApp } from '../helpers/app.js'
import { uniqueCode } from '../helpers/factories.js'

const logLines: string[] = []
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk))
    done()
  },
})
const { admin, keyWith } = await buildTestApp(t, { config: { logLevel: 'trace' }, logStream })
const PHONE = '13847812345'

t.test('masks keep the prefix and the last four', async (t) => {
  t.equal(maskPhone('13812345678'), '138****5678')
  t.equal(maskIdNumber('150826198805121234'), '150826********1234')
  t.equal(maskPhone('12345'), '*****')
})

t.test('phone numbers are masked unless the key has pii:read', async (t) => {
  const unit = (await admin.post('/v1/grid-units', { code: uniqueCode(), name: '团结镇', level: 'town', workers: [{ name: '王建国', role: 'grid_worker', phone: PHONE }] })).body
  const plain = await keyWith(['grid-units:read'])
  const masked = await plain.get(`/v1/grid-units/${unit.id}`)
  t.equal(masked.body.workers[0].phone, '138****2345')
  t.notMatch(masked.text, PHONE)
  const listed = await plain.get('/v1/grid-units')
  t.notMatch(listed.text, PHONE)
  const privileged = await keyWith(['grid-units:read', 'pii:read'])
  t.equal((await privileged.get(`/v1/grid-units/${unit.id}`)).body.workers[0].phone, PHONE)
  const writer = await keyWith(['grid-units:write'])
  const created = await writer.post('/v1/grid-units', { code: uniqueCode(), name: '陕坝镇', level: 'town', workers: [{ name: '李', role: 'grid_worker', phone: PHONE }] })
  t.equal(created.body.workers[0].phone, '138****2345', 'the create answer is masked too')
})

t.test('personal data and keys never reach the logs', async (t) => {
  await admin.get(`/v1/grid-units?q=${PHONE}`)
  await admin.post('/v1/grid-units', { code: uniqueCode(), name: '错', level: 'nope', workers: [{ name: '王', role: 'grid_worker', phone: PHONE }] })
  await admin.get(`/v1/grid-units/${PHONE}`)
  const logs = logLines.join('')
  t.ok(logs.includes('request completed'), 'requests were logged')
  t.notMatch(logs, PHONE)
  t.notMatch(logs, /fz_[A-Za-z0-9_-]{20,}/, 'no API key in the logs')
  t.notMatch(logs, /authorization/i)
})

t.test('a masked value sent back is refused, so it can never overwrite the real one', async (t) => {
  const unit = (await admin.post('/v1/grid-units', { code: uniqueCode(), name: '回写', level: 'town', workers: [{ name: '王', role: 'grid_worker', phone: PHONE }] })).body
  const plain = await keyWith(['grid-units:read', 'grid-units:write'])
  const seen = (await plain.get(`/v1/grid-units/${unit.id}`)).body
  const res = await plain.patch(`/v1/grid-units/${unit.id}`, { workers: seen.workers })
  t.equal(res.status, 400)
  t.equal(res.body.errors[0].pointer, '/workers/0/phone')
  t.equal((await admin.get(`/v1/grid-units/${unit.id}`)).body.workers[0].phone, PHONE)
})
