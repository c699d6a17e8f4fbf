import { makeDir } from './make-dir.ts';
import { readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { writeFileAtomic } from './atomic-write.ts';
import { shown } from './write-error.ts';
import { isCount, isObject } from './json-shape.ts';
import { notice } from './notice.ts';
import { isRunning } from './process-alive.ts';

/**
 * A lock held without being refreshed for this long (by default; proper-lockfile's floor is 2 s) belongs to a process that died (killed, crashed, machine
 * off) and is taken over. The holder refreshes it every few seconds, from a timer, so a busy thread must not block
 * that long; rendering and linting hand back to the event loop many times a second.
 */
const defaultStaleMs = 10_000;
const pollMs = 250;

export interface RepositoryLock {
  release(): Promise<void>;
  /** How long this run waited for another to finish, in milliseconds (0 when the lock was free). */
  waitedMs: number;
}

/**
 * Holds `.cache/mpdesk/<name>.lock` (proper-lockfile: an atomic mkdir, refreshed while held, released on exit and
 * on SIGINT/SIGTERM), so two runs of one job on one repository take turns instead of writing the same files at once.
 * `<name>.lock.owner` beside it names the holder's process for the run that waits, which says so once.
 */
export async function lockRepository(root: string, name: string, { staleMs = defaultStaleMs } = {}): Promise<RepositoryLock> {
  const dir = join(root, '.cache', 'mpdesk');
  makeDir(dir);
  const target = join(dir, name);
  const lockPath = `${target}.lock`;
  const ownerPath = `${lockPath}.owner`;
  let compromised = false;
  const options = {
    lockfilePath: lockPath,
    realpath: false,
    stale: staleMs,
    onCompromised: () => {
      compromised = true;
      notice(`${shown(lockPath)} 被另一个进程接管（本进程曾长时间没有响应）。The lock was taken over.`);
    },
  };
  let waited = false;
  const started = performance.now();
  for (;;) {
    // The lock as it stands: proper-lockfile takes it over when it is stale, and then the notice names who left it.
    const found = heldLock(lockPath, ownerPath, staleMs);
    try {
      const unlock = await lockfile.lock(target, options);
      if (found?.stale) notice(takeoverMessage(found.owner, shown(lockPath), staleMs / 1000));
      await writeFileAtomic(ownerPath, `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
      return { release: () => (compromised ? Promise.resolve() : unlock()), waitedMs: waited ? Math.round(performance.now() - started) : 0 };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'ELOCKED')) throw error;
    }
    if (!waited) {
      waited = true;
      notice(waitingMessage(found?.owner ?? heldLock(lockPath, ownerPath, staleMs)?.owner, name, shown(lockPath), staleMs / 1000));
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

interface Owner {
  pid: number;
  host: string;
}

/** The lock as found on disk: who holds it (from the owner file), and whether it is old enough to take over. */
function heldLock(lockPath: string, ownerPath: string, staleMs: number): { owner?: Owner; stale: boolean } | undefined {
  let modified: number;
  try {
    modified = statSync(lockPath).mtimeMs;
  } catch {
    return undefined;
  }
  const owner = readOwner(ownerPath);
  return { ...(owner ? { owner } : {}), stale: Date.now() - modified > staleMs };
}

/** Whether the holder is known to be gone: a process of this machine that no longer runs. */
const isGone = (owner: Owner | undefined) => owner !== undefined && owner.host === hostname() && !isRunning(owner.pid);

function waitingMessage(owner: Owner | undefined, name: string, lock: string, seconds: number): string {
  if (owner && isGone(owner)) {
    return `锁 ${lock} 是进程 ${owner.pid} 留下的，这个进程已经不在运行；锁 ${seconds} 秒没有更新即视为遗留，届时接管它再开始。The lock was left by a process that is no longer running; taking it over shortly.`;
  }
  const who = owner ? `进程 ${owner.pid}${owner.host === hostname() ? '' : `（${owner.host} 上）`}` : '另一个进程';
  return `${who} 正在运行 mpdesk ${name}，等它结束后再开始（锁 ${lock}；${seconds} 秒没有更新的锁视为遗留，会被接管）。Waiting for another run.`;
}

function takeoverMessage(owner: Owner | undefined, lock: string, seconds: number): string {
  if (owner && isGone(owner)) return `已接管锁 ${lock}：它是进程 ${owner.pid} 留下的，这个进程已经不在运行。Took over a lock left by a process that is no longer running.`;
  const who = owner ? `进程 ${owner.pid}${owner.host === hostname() ? '' : `（${owner.host} 上）`}` : '另一个进程';
  return `已接管锁 ${lock}：${who}超过 ${seconds} 秒没有更新它，视为已经停止。Took over a lock that was not refreshed in time.`;
}

function readOwner(path: string): Owner | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isObject(value) && isCount(value.pid) && typeof value.host === 'string' ? { pid: value.pid, host: value.host } : undefined;
  } catch {
    return undefined;
  }
}

