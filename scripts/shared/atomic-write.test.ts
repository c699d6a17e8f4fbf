import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isTempName, removeStaleTempFiles, writeFileAtomic } from './atomic-write.ts';

const runTs = fileURLToPath(new URL('../../bin/run-ts.js', import.meta.url));
const child = fileURLToPath(new URL('./atomic-write.test-child.ts', import.meta.url));

const started: ChildProcess[] = [];
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
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
    const recentOld = '.cover.jpg.0123456789ab.tmp';
    await writeFile(join(dir, old), '');
    await writeFile(join(dir, recentOld), '');
    await utimes(join(dir, old), minutesAgo(10), minutesAgo(10));
    // One naming a live process, this one, but minutes old: its writer died and the id was given to another process.
    const reused = `.article.html.${process.pid}-0123456789ab.tmp`;
    await writeFile(join(dir, reused), '');
    await utimes(join(dir, reused), minutesAgo(10), minutesAgo(10));
    const live = `.meta.json.${process.pid}-0123456789ab.tmp`;
    await writeFile(join(dir, live), '');

    expect(removeStaleTempFiles([join(root, 'content'), join(root, 'missing')]).sort()).toEqual([join(dir, writer.temp), join(dir, old), join(dir, reused)].sort());
    expect((await readdir(dir)).sort()).toEqual([recentOld, live].sort());
  });

  it('the first write into a folder removes what a killed writer left there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpdesk-atomic-'));
    const writer = await writerInFlight(join(dir, 'dongri.html'));
    await writer.kill('SIGKILL');
    const live = `.other.html.${process.pid}-0123456789ab.tmp`;
    await writeFile(join(dir, live), '');
    await writeFileAtomic(join(dir, 'notes.txt'), '备忘\n');
    expect((await readdir(dir)).sort()).toEqual([live, 'notes.txt'].sort());
  });

  it('names its temporary files so that every listing can tell them from content', () => {
    expect(isTempName(`.index.md.${process.pid}-0123456789ab.tmp`)).toBe(true);
    expect(isTempName('.index.md.0123456789ab.tmp')).toBe(true);
    expect(isTempName('notes.tmp')).toBe(false);
    expect(isTempName('index.md')).toBe(false);
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

  it('is neither content nor an input: validate and lint pass, and a build or lint made before it is still current', async () => {
    const { baseFiles, makeRepo } = await import('../testing/fixture-repo.ts');
    const { runCli } = await import('../testing/run-cli.ts');
    const { cp } = await import('node:fs/promises');
    const root = await makeRepo(baseFiles());
    await cp(fileURLToPath(new URL('../../styles', import.meta.url)), join(root, 'styles'), { recursive: true });
    const dir = join(root, 'content/shanye/articles/2026/dongtian-shouchong');
    expect((await runCli(['build'], root)).stdout).toContain('渲染 1 篇');
    const { lintContent } = await import('../lint/index.ts');
    const { loadContent } = await import('../content/index.ts');
    await lintContent(await loadContent(root));
    // A write in progress beside the article (this process is alive), as when `lint --fix` runs at the same time.
    await writeFile(join(dir, `.index.md.${process.pid}-0123456789ab.tmp`), '---\ntitle: 写了一半');
    const validate = await runCli(['validate'], root);
    expect(validate).toMatchObject({ code: 0, stdout: expect.stringContaining('没有发现问题') });
    expect((await runCli(['build'], root)).stdout).toContain('渲染 0 篇，未变化 1 篇，失败 0 篇');
    // Both files, the article and the plan, from the cache.
    expect((await lintContent(await loadContent(root))).cached).toBe(2);
  });
});
