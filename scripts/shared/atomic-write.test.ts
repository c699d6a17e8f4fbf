import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write.ts';

const runTs = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
const child = fileURLToPath(new URL('./atomic-write.test-child.ts', import.meta.url));

const started: ChildProcess[] = [];
afterAll(() => started.forEach((proc) => proc.kill('SIGKILL')));

/** Starts a process writing `target` atomically and resolves once its temporary file exists. */
function writerInFlight(target: string): Promise<{ temp: string; kill: (signal: NodeJS.Signals) => Promise<void> }> {
  const proc = spawn(process.execPath, [runTs, child, target], { env: { ...process.env, UV_THREADPOOL_SIZE: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  started.push(proc);
  return new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.stdout.once('data', (chunk: Buffer) => {
      resolve({ temp: chunk.toString().trim(), kill: (signal) => (proc.kill(signal), exited) });
    });
  });
}

describe('atomic writes', () => {
  it('write the whole file and leave nothing beside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpdesk-atomic-'));
    await writeFileAtomic(join(dir, 'index.md'), '# 冬至\n');
    expect(await readdir(dir)).toEqual(['index.md']);
  });

  it('a process stopped with SIGTERM or SIGINT removes its temporary file', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const dir = await mkdtemp(join(tmpdir(), 'mpdesk-atomic-'));
      const writer = await writerInFlight(join(dir, 'index.md'));
      expect(writer.temp).toMatch(/^\.index\.md\.\d+-[0-9a-f]{12}\.tmp$/);
      await writer.kill(signal);
      expect(await readdir(dir), signal).toEqual([]);
    }
  });

  it('the next run removes what a killed process left, and keeps what a live one is writing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-atomic-'));
    const dir = join(root, 'content/qinghe-tea/articles/2026/dongzhi');
    await mkdir(dir, { recursive: true });
    const writer = await writerInFlight(join(dir, 'index.md'));
    await writer.kill('SIGKILL');
    expect(await readdir(dir)).toEqual([writer.temp]);
    // One from before temporary files carried a process id, and one this process is writing.
    const old = '.index.md.0123456789ab.tmp';
    await writeFile(join(dir, old), '');
    const { utimes } = await import('node:fs/promises');
    await utimes(join(dir, old), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    const live = `.meta.json.${process.pid}-0123456789ab.tmp`;
    await writeFile(join(dir, live), '');

    expect(removeStaleTempFiles([join(root, 'content'), join(root, 'missing')]).sort()).toEqual([join(dir, writer.temp), join(dir, old)].sort());
    expect(await readdir(dir)).toEqual([live]);
  });
});

describe('what a killed `mpdesk lint --fix` left', () => {
  it('is removed by the next mpdesk run', async () => {
    const { baseFiles, makeRepo } = await import('../testing/fixture-repo.ts');
    const { runCli } = await import('../testing/run-cli.ts');
    const root = await makeRepo(baseFiles());
    const dir = join(root, 'content/shanye/articles/2026/dongtian-shouchong');
    const writer = await writerInFlight(join(dir, 'index.md'));
    await writer.kill('SIGKILL');
    expect(await readdir(dir)).toContain(writer.temp);
    const { code } = await runCli(['lint'], root);
    expect(code).toBe(0);
    expect(await readdir(dir)).not.toContain(writer.temp);
  });
});
