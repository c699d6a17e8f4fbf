import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lockRepository } from './repo-lock.ts';

/** What the lock wrote to standard error while `run` ran. */
async function stderrOf(run: () => Promise<unknown>): Promise<string> {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  await run();
  return text;
}

afterEach(() => vi.restoreAllMocks());

const lockIn = (root: string) => join(root, '.cache/mpdesk/build.lock');

/** A lock left behind by a process of this machine that is gone, `ageMs` old. */
async function leftLock(ageMs: number): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-lock-'));
  const lock = join(root, '.cache/mpdesk/build.lock');
  await mkdir(lock, { recursive: true });
  await writeFile(`${lock}.owner`, JSON.stringify({ pid: 999_999_999, host: hostname() }));
  const at = new Date(Date.now() - ageMs);
  await utimes(lock, at, at);
  return root;
}

describe('a lock left by a process that died', () => {
  it('is not described as a running process while the run waits, and its takeover says whose it was', async () => {
    const root = await leftLock(0);
    const said = await stderrOf(async () => (await lockRepository(root, 'build', { staleMs: 2_000 })).release());
    expect(said).not.toContain('正在运行');
    expect(said).toBe(
      `mpdesk: 注意：锁 ${lockIn(root)} 是进程 999999999 留下的，这个进程已经不在运行；锁 2 秒没有更新即视为遗留，届时接管它再开始。The lock was left by a process that is no longer running; taking it over shortly.\n` +
        `mpdesk: 注意：已接管锁 ${lockIn(root)}：它是进程 999999999 留下的，这个进程已经不在运行。Took over a lock left by a process that is no longer running.\n`,
    );
  });

  it('is taken over at once when it is already stale, with one notice', async () => {
    const root = await leftLock(60_000);
    const said = await stderrOf(async () => (await lockRepository(root, 'build')).release());
    expect(said).toBe(`mpdesk: 注意：已接管锁 ${lockIn(root)}：它是进程 999999999 留下的，这个进程已经不在运行。Took over a lock left by a process that is no longer running.\n`);
  });

  it('waits with one notice, and claims no takeover, when the holder releases it normally', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-lock-'));
    const held = await lockRepository(root, 'build');
    const said = await stderrOf(async () => {
      const waiting = lockRepository(root, 'build');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await held.release();
      await (await waiting).release();
    });
    expect(said).toBe(`mpdesk: 注意：进程 ${process.pid} 正在运行 mpdesk build，等它结束后再开始（锁 ${join(root, '.cache/mpdesk/build.lock')}；10 秒没有更新的锁视为遗留，会被接管）。Waiting for another run.\n`);
  });
});
