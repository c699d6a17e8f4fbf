import { makeDir } from './make-dir.ts';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import lockfile from 'proper-lockfile';
import { writeFileAtomic } from './atomic-write.ts';
import { isCount, isObject } from './json-shape.ts';
import { notice } from './notice.ts';

/**
 * A lock held without being refreshed for this long belongs to a process that died (killed, crashed, machine
 * off) and is taken over. The holder refreshes it every few seconds, from a timer, so a busy thread must not block
 * that long; rendering and linting hand back to the event loop many times a second.
 */
const staleMs = 10_000;
const pollMs = 250;

export interface RepositoryLock {
  release(): Promise<void>;
}

/**
 * Holds `.cache/mpdesk/<name>.lock` (proper-lockfile: an atomic mkdir, refreshed while held, released on exit and
 * on SIGINT/SIGTERM), so two runs of one job on one repository take turns instead of writing the same files at once.
 * `<name>.lock.owner` beside it names the holder's process for the run that waits, which says so once.
 */
export async function lockRepository(root: string, name: string): Promise<RepositoryLock> {
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
  for (;;) {
    try {
      const unlock = await lockfile.lock(target, options);
      await writeFileAtomic(ownerPath, `${JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() })}\n`);
      return { release: () => (compromised ? Promise.resolve() : unlock()) };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'ELOCKED')) throw error;
    }
    if (!waited) {
      waited = true;
      const owner = readOwner(ownerPath);
      const who = owner ? `进程 ${owner.pid}${owner.host === hostname() ? '' : `，${owner.host}`}` : '另一个进程';
      notice(`${who} 正在运行 mpdesk ${name}，等它结束后再开始（锁 ${shown(lockPath)}；${staleMs / 1000} 秒没有更新的锁视为遗留，会被接管）。Waiting for another run.`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function readOwner(path: string): { pid: number; host: string } | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return isObject(value) && isCount(value.pid) && typeof value.host === 'string' ? { pid: value.pid, host: value.host } : undefined;
  } catch {
    return undefined;
  }
}

const shown = (path: string) => relative(process.cwd(), path) || path;
