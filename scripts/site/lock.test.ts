import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lockRepository } from '../shared/repo-lock.ts';
import { article } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { siteRepo } from './fixture.test-helper.ts';

const bin = fileURLToPath(new URL('../../bin/mpdesk.js', import.meta.url));

/** `mpdesk build` started in the background: its standard error as it comes, and its end. */
function startBuild(root: string) {
  const proc = spawn(process.execPath, [bin, 'build'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  let stdout = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => proc.on('close', (code) => resolve({ code, stdout, stderr })));
  const said = async (text: string) => {
    for (let i = 0; i < 200 && !stderr.includes(text); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    return stderr.includes(text);
  };
  return { done, said, stderr: () => stderr };
}

const manyArticles = () =>
  Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [
      `content/shanye/articles/2026/pian-${i}/index.md`,
      article(`title: 第 ${i + 1} 篇\nstatus: draft\ncover: ../dongtian-shouchong/cover.jpg`, `## 第 ${i + 1} 段\n\n![杯子](../dongtian-shouchong/cup.png)\n\n冬天水温掉得快。\n`),
    ]),
  );

describe('one build at a time', () => {
  it('a build waits, and says so, while another holds the repository, then builds', async () => {
    const root = await siteRepo();
    const held = await lockRepository(root, 'build');
    const build = startBuild(root);
    expect(await build.said('等它结束后再开始')).toBe(true);
    expect(build.stderr()).toMatch(new RegExp(`mpdesk: 注意：进程 ${process.pid} 正在运行 mpdesk build`));
    expect(existsSync(join(root, 'dist'))).toBe(false);
    await held.release();
    const { code, stdout } = await build.done;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^构建完成（\d+\.\d 秒，其中等待另一个构建 \d+\.\d 秒）：渲染 1 篇，未变化 0 篇，失败 0 篇。/m);
  });

  it('the build that waited counts only what it did: nothing rendered that the first one rendered', async () => {
    const root = await siteRepo(manyArticles());
    // Both wait for the test's lock, so they surely overlap; then one renders everything and the other nothing.
    const held = await lockRepository(root, 'build');
    const builds = [startBuild(root), startBuild(root)];
    for (const build of builds) expect(await build.said('等它结束后再开始')).toBe(true);
    await held.release();
    const outputs = (await Promise.all(builds.map((b) => b.done))).map((r) => r.stdout);
    expect(outputs).toHaveLength(2);
    expect(outputs).toEqual(expect.arrayContaining([
      expect.stringMatching(/其中等待另一个构建 \d+\.\d 秒）：渲染 0 篇，未变化 13 篇，失败 0 篇。/),
      expect.stringMatching(/其中等待另一个构建 \d+\.\d 秒）：渲染 13 篇，未变化 0 篇，失败 0 篇。/),
    ]));
  });

  it('two builds started together both succeed, and leave every output in place', async () => {
    const root = await siteRepo(manyArticles());
    const [a, b] = await Promise.all([startBuild(root).done, startBuild(root).done]);
    // Whether they overlapped depends on the machine's load; when they did, one of them waited.
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(`${a.stderr}${b.stderr}`).not.toContain('ENOTEMPTY');
    const next = await runCli(['build'], root);
    expect(next.stdout).toContain('渲染 0 篇，未变化 13 篇，失败 0 篇');
    for (let i = 0; i < 12; i++) expect(existsSync(join(root, `dist/shanye/pian-${i}/images/cup.png`))).toBe(true);
  });

  it('takes over at once the fresh lock of a build of this machine that was killed, and does not claim it waited', async () => {
    const root = await siteRepo();
    const lock = join(root, '.cache/mpdesk/build.lock');
    await mkdir(lock, { recursive: true });
    await writeFile(`${lock}.owner`, JSON.stringify({ pid: 999_999_999, host: hostname() }));
    const started = performance.now();
    const { code, stdout, stderr } = await runCli(['build'], root);
    expect(code).toBe(0);
    // Under the 10 s a lock must go unrefreshed before another machine's holder counts as stopped.
    expect(performance.now() - started).toBeLessThan(9_000);
    expect(stderr).toBe(`mpdesk: 注意：已接管锁 .cache/mpdesk/build.lock：它是进程 999999999 留下的，这个进程已经不在运行。\n`);
    expect(stdout).toMatch(/^构建完成（\d+\.\d 秒）：渲染 1 篇，未变化 0 篇，失败 0 篇。/m);
  });

  it('takes over the lock of a process that died', async () => {
    const root = await siteRepo();
    const lock = join(root, '.cache/mpdesk/build.lock');
    await mkdir(lock, { recursive: true });
    await writeFile(`${lock}.owner`, JSON.stringify({ pid: 999_999_999, host: 'elsewhere' }));
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    const { code, stdout } = await runCli(['build'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('渲染 1 篇');
    expect(existsSync(lock)).toBe(false);
    expect(JSON.parse(await readFile(`${lock}.owner`, 'utf8'))).toMatchObject({ pid: expect.any(Number) });
  });
});
