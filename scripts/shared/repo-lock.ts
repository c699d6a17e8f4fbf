import { cacheDir } from './cache-dir.ts';
import { mkdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { writeFileAtomic } from './atomic-write.ts';
import { shown, writeError } from './write-error.ts';
import { isCount, isObject } from './json-shape.ts';
import { notice } from './notice.ts';
import { isRunning } from './process-alive.ts';

/**
 * A lock held without being refreshed for this long (by default; proper-lockfile's floor is 2 s) belongs to a process
 * that stopped (hung, or on another machine that went off) and is taken over. The holder refreshes it every few
 * seconds, from a timer, so a busy thread must not block that long; rendering and linting hand back to the event
 * loop many times a second. A holder of this machine that is no longer running is taken over at once.
 */
const defaultStaleMs = 10_000;
const pollMs = 250;
/** How often a run that waits says it still does. */
const defaultProgressMs = 10_000;
/** The guard around taking the lock is held for milliseconds; one older than this was left by a killed process. */
const guardStaleMs = 5_000;

export interface RepositoryLock {
  release(): Promise<void>;
  /** How long this run waited for another to finish, in milliseconds (0 when the lock was free or its holder gone). */
  waitedMs: number;
}

export interface LockOptions {
  staleMs?: number;
  progressMs?: number;
}

interface Owner {
  pid: number;
  host: string;
}

/** The lock as found on disk: who holds it (from the owner file), and whether it is old enough to take over. */
interface Found {
  owner?: Owner;
  stale: boolean;
}

/**
 * Holds `.cache/mpdesk/<name>.lock` (proper-lockfile: an atomic mkdir, refreshed while held, released on exit and
 * on SIGINT/SIGTERM), so two runs of one job on one repository take turns instead of writing the same files at once.
 * `<name>.lock.owner` beside it names the holder's process: a run that finds the holder gone takes the lock at once,
 * and one that waits for a live holder says so, and again every `progressMs` while it waits.
 */
export async function lockRepository(root: string, name: string, { staleMs = defaultStaleMs, progressMs = defaultProgressMs }: LockOptions = {}): Promise<RepositoryLock> {
  const dir = cacheDir(root);
  const lockPath = join(dir, `${name}.lock`);
  let compromised = false;
  const paths = { target: join(dir, name), lockPath, ownerPath: `${lockPath}.owner`, guardPath: `${lockPath}.guard` };
  const options = {
    lockfilePath: lockPath,
    realpath: false,
    stale: staleMs,
    onCompromised: () => {
      compromised = true;
      notice(`${shown(lockPath)} 被另一个进程接管（本进程曾长时间没有响应）。`);
    },
  };
  const started = performance.now();
  // When this run last said that it waits; undefined while it has not waited.
  let saidAt: number | undefined;
  for (;;) {
    const attempt = await tryLock(paths, options, staleMs);
    if (attempt.kind === 'locked') {
      if (attempt.tookOver) notice(takeoverMessage(attempt.tookOver.owner, shown(lockPath), staleMs / 1000));
      return { release: () => (compromised ? Promise.resolve() : attempt.unlock()), waitedMs: saidAt === undefined ? 0 : Math.round(performance.now() - started) };
    }
    const now = performance.now();
    if (attempt.kind === 'held' && saidAt === undefined) {
      saidAt = now;
      notice(waitingMessage(attempt.found?.owner, name, shown(lockPath), staleMs / 1000));
    } else if (saidAt !== undefined && now - saidAt >= progressMs) {
      saidAt = now;
      notice(`仍在等待：${holder(attempt.kind === 'held' ? attempt.found?.owner : undefined)} 还没有结束（已等 ${Math.round((now - started) / 1000)} 秒）。`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

type Attempt = { kind: 'locked'; unlock: () => Promise<void>; tookOver?: Found } | { kind: 'held'; found?: Found } | { kind: 'busy' };

/**
 * One try at the lock, under a guard (`<name>.lock.guard`, an atomic mkdir) that every run takes to decide: so the
 * owner file always names the lock's holder when the guard is free, and two runs that find a dead holder cannot
 * both remove the lock, the second removing the first one's new lock.
 */
async function tryLock(paths: { target: string; lockPath: string; ownerPath: string; guardPath: string }, options: Parameters<typeof lockfile.lock>[1], staleMs: number): Promise<Attempt> {
  if (!claimGuard(paths.guardPath)) return { kind: 'busy' };
  try {
    const found = heldLock(paths.lockPath, paths.ownerPath, staleMs);
    const gone = found !== undefined && isGone(found.owner);
    if (gone) removeLock(paths.lockPath);
    try {
      const unlock = await lockfile.lock(paths.target, options);
      await writeFileAtomic(paths.ownerPath, `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
      // proper-lockfile itself takes over a lock that went unrefreshed for staleMs.
      return { kind: 'locked', unlock, ...(found && (gone || found.stale) ? { tookOver: found } : {}) };
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ELOCKED') return { kind: 'held', ...(found ? { found } : {}) };
      // A lock that cannot be made (a read-only .cache/) is said like any other write: in Chinese, with its cause.
      throw writeError(error, paths.lockPath, 'mkdir');
    }
  } finally {
    removeLock(paths.guardPath);
  }
}

function claimGuard(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw writeError(error, path, 'mkdir');
  }
  if (ageMs(path) > guardStaleMs) removeLock(path);
  return false;
}

function removeLock(path: string): void {
  try {
    rmdirSync(path);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
}

const ageMs = (path: string): number => {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

function heldLock(lockPath: string, ownerPath: string, staleMs: number): Found | undefined {
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

const holder = (owner: Owner | undefined) => (owner ? `进程 ${owner.pid}${owner.host === hostname() ? '' : `（${owner.host} 上）`}` : '另一个进程');

function waitingMessage(owner: Owner | undefined, name: string, lock: string, seconds: number): string {
  return `${holder(owner)} 正在运行 mpdesk ${name}，等它结束后再开始（锁 ${lock}；${seconds} 秒没有更新的锁视为遗留，会被接管）。`;
}

function takeoverMessage(owner: Owner | undefined, lock: string, seconds: number): string {
  if (owner && isGone(owner)) return `已接管锁 ${lock}：它是进程 ${owner.pid} 留下的，这个进程已经不在运行。`;
  return `已接管锁 ${lock}：${holder(owner)}超过 ${seconds} 秒没有更新它，视为已经停止。`;
}

function readOwner(path: string): Owner | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isObject(value) && isCount(value.pid) && typeof value.host === 'string' ? { pid: value.pid, host: value.host } : undefined;
  } catch {
    return undefined;
  }
}
