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
  it('is taken over at once, however fresh, and reported as taken over, not waited for', async () => {
    const root = await leftLock(0);
    const started = performance.now();
    let waitedMs = -1;
    const said = await stderrOf(async () => {
      const lock = await lockRepository(root, 'build');
      waitedMs = lock.waitedMs;
      await lock.release();
    });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(waitedMs).toBe(0);
    expect(said).toBe(`mpdesk: 注意：已接管锁 ${lockIn(root)}：它是进程 999999999 留下的，这个进程已经不在运行。\n`);
  });

  it('is taken over by one run at a time when several find it together', async () => {
    const root = await leftLock(0);
    const held: Array<[number, number]> = [];
    await stderrOf(() =>
      Promise.all(
        Array.from({ length: 4 }, async () => {
          const lock = await lockRepository(root, 'build');
          const from = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 50));
          held.push([from, performance.now()]);
          await lock.release();
        }),
      ),
    );
    held.sort((a, b) => a[0] - b[0]);
    expect(held).toHaveLength(4);
    for (let i = 1; i < held.length; i++) expect(held[i]![0]).toBeGreaterThanOrEqual(held[i - 1]![1]);
  });

  it('is taken over when it is not refreshed in time, naming a holder on another machine as such', async () => {
    const root = await leftLock(60_000);
    await writeFile(join(root, '.cache/mpdesk/build.lock.owner'), JSON.stringify({ pid: 4242, host: 'desk-2' }));
    const said = await stderrOf(async () => (await lockRepository(root, 'build')).release());
    expect(said).toBe(`mpdesk: 注意：已接管锁 ${lockIn(root)}：进程 4242（desk-2 上）超过 10 秒没有更新它，视为已经停止。\n`);
  });
});

describe('a lock held by a live run', () => {
  it('is waited for with one notice, then progress while the wait lasts, and claims no takeover', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-lock-'));
    const held = await lockRepository(root, 'build');
    let waitedMs = 0;
    const said = await stderrOf(async () => {
      const waiting = lockRepository(root, 'build', { progressMs: 200 });
      await new Promise((resolve) => setTimeout(resolve, 700));
      await held.release();
      const lock = await waiting;
      waitedMs = lock.waitedMs;
      await lock.release();
    });
    const lines = said.trimEnd().split('\n');
    expect(lines[0]).toBe(`mpdesk: 注意：进程 ${process.pid} 正在运行 mpdesk build，等它结束后再开始（锁 ${lockIn(root)}；10 秒没有更新的锁视为遗留，会被接管）。`);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines.slice(1)) expect(line).toMatch(new RegExp(`^mpdesk: 注意：仍在等待：进程 ${process.pid} 还没有结束（已等 \\d+ 秒）。$`));
    expect(waitedMs).toBeGreaterThanOrEqual(600);
  });
});
