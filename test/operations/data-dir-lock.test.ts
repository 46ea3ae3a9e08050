import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { DataDirBusy, LOCK_FILE, currentOwner, lockDataDir } from '../../src/db/data-dir-lock.js'

// The lock on an embedded database's directory, without a database: who holds it, and when a
// lock left behind is stale (its process is gone, or its pid now belongs to a later process).

const startTimeOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!
}

function freshDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-lock-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const writeLock = (dir: string, owner: Record<string, unknown>) =>
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ host: hostname(), since: new Date().toISOString(), role: 'service', command: 'npm start', ...owner }))

/** A process that ran and ended: its pid is (for now) nobody's. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await once(child, 'exit')
  return child.pid!
}

t.test('one holder at a time; released, the directory is free again', async (t) => {
  const dir = freshDir(t)
  const lock = lockDataDir(dir, { role: 'command', command: 'npm run migrate' })
  t.equal(currentOwner(dir)?.pid, process.pid)
  const busy = t.throws(() => lockDataDir(dir, { role: 'service', command: 'npm start' })) as DataDirBusy
  t.ok(busy instanceof DataDirBusy)
  t.match(busy.message, `is in use by \`npm run migrate\` (pid ${process.pid}`)
  lock.release()
  t.notOk(existsSync(join(dir, LOCK_FILE)), 'the file is removed')
  lockDataDir(dir, { role: 'command', command: 'npm run migrate' }).release()
})

t.test('a live process of this host holds it', async (t) => {
  const dir = freshDir(t)
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' })
  t.teardown(() => sleeper.kill('SIGKILL'))
  await once(sleeper, 'spawn')
  writeLock(dir, { pid: sleeper.pid, startTime: startTimeOf(sleeper.pid!) })
  t.throws(() => lockDataDir(dir, { role: 'service', command: 'npm start' }), DataDirBusy)
})

t.test('stale: the process is gone (SIGKILL), or its pid now names a later process', async (t) => {
  const dir = freshDir(t)
  writeLock(dir, { pid: await deadPid(), startTime: '1' })
  const taken = lockDataDir(dir, { role: 'service', command: 'npm start' })
  t.equal(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid, process.pid, 'a dead owner’s lock is taken over')
  taken.release()
  writeLock(dir, { pid: process.ppid, startTime: String(Number(startTimeOf(process.ppid)) + 12345) })
  lockDataDir(dir, { role: 'service', command: 'npm start' }).release()
  t.pass('a pid that is alive but started at another time is not the owner')
  writeLock(dir, { pid: process.pid, startTime: '7' })
  lockDataDir(dir, { role: 'service', command: 'npm start' }).release()
  t.pass('nor is our own pid, written by an earlier process (a container restarted)')
  writeFileSync(join(dir, LOCK_FILE), 'not json')
  lockDataDir(dir, { role: 'service', command: 'npm start' }).release()
  t.pass('a lock that names nobody is stale')
})

t.test('another host’s process cannot be checked: it holds the directory', async (t) => {
  const dir = freshDir(t)
  writeLock(dir, { pid: await deadPid(), startTime: '1', host: 'some-other-host' })
  const busy = t.throws(() => lockDataDir(dir, { role: 'service', command: 'npm start' })) as DataDirBusy
  t.match(busy.message, 'on host some-other-host')
})
