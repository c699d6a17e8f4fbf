import { execFile, type ExecFileException } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { unsavedCacheNotice } from './notice.ts';
import { shareJobs, startWorkers } from './worker-pool.ts';

const module = new URL('./worker-pool.test-worker.ts', import.meta.url);
type Done = { job: number; by: string; thread: number };

/** Runs a task of `count` jobs, this thread slow (so the worker surely takes part); the results by job. */
async function run(tag: string, count = 40): Promise<Done[]> {
  const jobs = Array.from({ length: count }, (_, i) => i);
  const results: Done[] = [];
  await shareJobs<{ tag: string }, number, Done>({
    module,
    setup: { tag },
    jobs,
    groupSize: 2,
    workers: 1,
    here: async (group, emit) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      for (const job of group) emit({ job, by: 'here', thread: 0 });
    },
    onResult: (result) => results.push(result),
  });
  return results.sort((a, b) => a.job - b.job);
}

describe('shareJobs', () => {
  it('has the main thread say a worker’s notices, so one cause is said once across threads', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const cause = '无法创建目录 .cache/mpdesk：已有同名的文件（EEXIST）。';
      unsavedCacheNotice('frontmatter 缓存', cause, '结果照常给出。');
      const results = await run('unsaved');
      expect(new Set(results.map((r) => r.by))).toContain('unsaved');
      const said = stderr.mock.calls.map(([text]) => String(text)).filter((text) => text.includes(cause));
      expect(said).toEqual([expect.stringContaining('frontmatter 缓存没有保存')]);
    } finally {
      stderr.mockRestore();
    }
  });

  it('does every job exactly once, here and in a worker that joins when it has started', async () => {
    const results = await run('worker');
    expect(results.map((r) => r.job)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(new Set(results.map((r) => r.by))).toEqual(new Set(['here', 'worker']));
  });

  it('gives a later task to the worker already running, with that task’s setup', async () => {
    startWorkers(1, [module]);
    const first = await run('first');
    const second = await run('second');
    const threads = (results: Done[], tag: string) => new Set(results.filter((r) => r.by === tag).map((r) => r.thread));
    expect(threads(first, 'first').size).toBe(1);
    expect(threads(second, 'second')).toEqual(threads(first, 'first'));
  });

  it('reports a failing worker, and the next task still runs', async () => {
    await expect(
      shareJobs<{ tag: string }, number, number>({
        module: new URL('./no-such-worker.ts', import.meta.url),
        setup: { tag: 'x' },
        jobs: [1, 2, 3],
        groupSize: 1,
        workers: 1,
        here: async () => new Promise((resolve) => setTimeout(resolve, 200)),
        onResult: () => undefined,
      }),
    ).rejects.toThrow();
    expect((await run('after')).some((r) => r.by === 'after')).toBe(true);
  });

  it('never keeps the process alive: a command whose workers are idle or still loading ends when its work ends', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpdesk-pool-'));
    const script = join(dir, 'start.mts');
    const pool = fileURLToPath(new URL('./worker-pool.ts', import.meta.url));
    await writeFile(script, `import { startWorkers } from ${JSON.stringify(pool)};\nstartWorkers(2, [new URL(${JSON.stringify(module.href)})]);\nconsole.log('done');\n`);
    const runTs = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
    const result = await new Promise<{ error: ExecFileException | null; stdout: string }>((resolve) =>
      execFile(process.execPath, [runTs, script], { timeout: 30_000 }, (error, stdout) => resolve({ error, stdout })),
    );
    await rm(dir, { recursive: true, force: true });
    expect(result).toEqual({ error: null, stdout: 'done\n' });
  });
});
