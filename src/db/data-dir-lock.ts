import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

// An embedded database (PGlite) belongs to one process: two processes on one data directory each
// keep their own copy in memory and the last to write wins, so what the other wrote is lost. The
// owner is named in a lock file in the directory. It is made whole before it appears (written
// aside, then hard-linked into place, which fails when one exists), and it names the process by
// pid and start time, so an owner that died without cleaning up (SIGKILL, power loss) is seen to
// be gone, even when its pid has since been given to another process.

export const LOCK_FILE = 'fazhi-api.lock'

/** Whether a PGlite data directory is a directory at all (`memory://` lives and dies with its process). */
export const isDirectory = (dataDir: string) => !/^[a-z]+:\/\//i.test(dataDir)

export interface DataDirOwner {
  pid: number
  /** The process's start time as the kernel counts it (Linux), null where it cannot be read. */
  startTime: string | null
  host: string
  since: string
  role: 'service' | 'command'
  /** What runs: `npm start`, `npm run seed:demo`, … */
  command: string
  /** The running service's control socket, through which commands do their work. */
  socket?: string
}

export class DataDirBusy extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
  ) {
    const what = owner.role === 'service' ? 'the running service' : `\`${owner.command}\``
    const where = owner.host === hostname() ? `pid ${owner.pid}` : `pid ${owner.pid} on host ${owner.host}`
    super(`DATA_DIR ${dataDir} is in use by ${what} (${where}, since ${owner.since})`)
    this.name = 'DataDirBusy'
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

/** Whether the process that wrote the lock still runs. Another host's process cannot be checked: it counts as running. */
export function ownerAlive(owner: DataDirOwner): boolean {
  if (owner.host !== hostname()) return true
  // Our own pid: this very process only if it started when the owner did (else a reused pid).
  if (owner.pid === process.pid) return owner.startTime !== null && owner.startTime === startTimeOf(process.pid)
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
  }
  const now = startTimeOf(owner.pid)
  // The pid is alive but belongs to a later process: the owner is gone. (Without /proc a reused
  // pid cannot be told apart, and the lock then stands until that process ends.)
  return owner.startTime === null || now === null || now === owner.startTime
}

function parseOwner(text: string): DataDirOwner | undefined {
  try {
    const owner = JSON.parse(text) as DataDirOwner
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : undefined
  } catch {
    return undefined
  }
}

/** The current owner of a data directory, or undefined when none runs. */
export function currentOwner(dataDir: string): DataDirOwner | undefined {
  try {
    const owner = parseOwner(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))
    return owner && ownerAlive(owner) ? owner : undefined
  } catch {
    return undefined
  }
}

export interface DataDirLock {
  readonly path: string
  readonly owner: DataDirOwner
  release(): void
}

/** Creates the lock file whole, or answers false when one exists. */
function create(path: string, text: string): boolean {
  const aside = `${path}.${process.pid}.new`
  writeFileSync(aside, text, { mode: 0o600 })
  try {
    linkSync(aside, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    unlinkSync(aside)
  }
}

/**
 * Removes a dead owner's lock. It is first moved aside, so that of two processes doing this at
 * once only one takes it; one that took a lock written meanwhile by a live owner puts it back.
 */
function removeStale(path: string, staleText: string): void {
  const aside = `${path}.${process.pid}.stale`
  try {
    renameSync(path, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  if (readFileSync(aside, 'utf8') !== staleText) {
    try {
      linkSync(aside, path)
    } catch {
      // Yet another owner took the place meanwhile: that one stands.
    }
  }
  unlinkSync(aside)
}

/** Takes a data directory for this process, or throws DataDirBusy naming the live owner. */
export function lockDataDir(dataDir: string, what: Pick<DataDirOwner, 'role' | 'command' | 'socket'>): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const path = join(resolve(dataDir), LOCK_FILE)
  const owner: DataDirOwner = { pid: process.pid, startTime: startTimeOf(process.pid), host: hostname(), since: new Date().toISOString(), ...what }
  const text = `${JSON.stringify(owner)}\n`
  for (let attempt = 0; attempt < 10; attempt++) {
    if (create(path, text)) {
      let released = false
      const release = () => {
        if (released) return
        released = true
        process.removeListener('exit', release)
        try {
          if (readFileSync(path, 'utf8') === text) unlinkSync(path)
        } catch {
          // Already gone.
        }
      }
      // A process that exits on its own (process.exit, an uncaught error) leaves no lock behind.
      process.on('exit', release)
      return { path, owner, release }
    }
    let existing: string
    try {
      existing = readFileSync(path, 'utf8')
    } catch {
      continue // removed between the two calls: try again
    }
    const holder = parseOwner(existing)
    if (holder && ownerAlive(holder)) throw new DataDirBusy(dataDir, holder)
    removeStale(path, existing)
  }
  throw new Error(`could not take ${path}: it keeps changing`)
}

/**
 * For the service: a command that holds the directory (a seed, a migration) finishes soon and is
 * waited for, so `npm start` and `npm run seed:demo` typed in either order both work; another
 * service is not waited for (DataDirBusy).
 */
export async function lockDataDirAfterCommands(
  dataDir: string,
  what: Pick<DataDirOwner, 'role' | 'command' | 'socket'>,
  waiting: (holder: DataDirOwner) => void,
  limitMs = 600_000,
): Promise<DataDirLock> {
  const deadline = Date.now() + limitMs
  let told = false
  for (;;) {
    try {
      return lockDataDir(dataDir, what)
    } catch (error) {
      if (!(error instanceof DataDirBusy) || error.owner.role !== 'command' || Date.now() > deadline) throw error
      if (!told) waiting(error.owner)
      told = true
      await sleep(250)
    }
  }
}
