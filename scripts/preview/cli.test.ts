import { existsSync } from 'node:fs';
import { appendFile, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../testing/run-cli.ts';
import { request, sampleArticle, sampleDir, sampleRepo } from './fixture.test-helper.ts';

/** Resolves with the standard output so far once it matches `pattern`. */
function waitForOutput(child: ReturnType<typeof startCli>['child'], pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in ${timeoutMs} ms; output so far:\n${text}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (pattern.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}

describe('mpdesk preview (command)', () => {
  it('refuses what is not an article, a port that is not one, and a folder outside a repository, with exit 2', async () => {
    const root = await sampleRepo();
    const cases: Array<[string[], string, string]> = [
      [['preview', 'content/qinghe-tea/articles/2026/nope'], root, 'mpdesk: 路径不存在：content/qinghe-tea/articles/2026/nope\n'],
      [['preview', 'content/qinghe-tea/account.yaml'], root, 'mpdesk: 不是一篇文章：content/qinghe-tea/account.yaml（应为 content/<账号>/articles/<年份>/<slug>/index.md 或它的目录）\n'],
      [['preview', '--port', 'abc'], root, 'mpdesk: --port 应为 0–65535 的整数（0：任选一个空闲端口）：abc\n'],
      [['preview', '--port', '70000'], root, 'mpdesk: --port 应为 0–65535 的整数（0：任选一个空闲端口）：70000\n'],
    ];
    for (const [args, cwd, stderr] of cases) expect(await runCli(args, cwd)).toMatchObject({ code: 2, stdout: '', stderr });
    const outside = await runCli(['preview'], await mkdtemp(join(tmpdir(), 'mpdesk-not-a-repo-')));
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^mpdesk: 不在 mpdesk 仓库中/);
  });

  it('takes the next port when the one asked for is taken, prints a line per rebuild, and stops on Ctrl-C with exit 0', async () => {
    const root = await sampleRepo();
    const blocker = createServer();
    const taken = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const { child, done } = startCli(['preview', 'content/qinghe-tea/articles/2026/dongri-pao-cha', '--port', String(taken)], root);
      const started = await waitForOutput(child, /按 Ctrl-C 停止。\n/);
      const port = Number(started.match(/改用 (\d+)。/)?.[1]);
      expect(port).toBeGreaterThan(taken);
      expect(started).toMatch(/^正在构建…\n\d\d:\d\d:\d\d 构建完成（[\d.]+ (?:秒|毫秒)）：渲染 7 篇，未变化 0 篇，失败 0 篇。\n/);
      expect(started).toContain(`端口 ${taken} 已被占用，改用 ${port}。\n预览：http://127.0.0.1:${port}/${sampleDir}/preview.html\n`);
      expect((await request(`http://127.0.0.1:${port}/${sampleDir}/preview.html`)).status).toBe(200);

      const rebuilt = waitForOutput(child, /已重建 .*\n/);
      await appendFile(join(root, sampleArticle), '\n这是全网最好的白茶。\n');
      expect(await rebuilt).toMatch(/\d\d:\d\d:\d\d 已重建 qinghe-tea\/dongri-pao-cha：1 个错误，0 个警告（\d+ 毫秒）\n/);

      child.kill('SIGINT');
      const result = await done;
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/正在停止预览…\n预览已停止。\n$/);
      expect(result.stderr).toBe('');
      expect(existsSync(join(root, '.cache/mpdesk/build.lock'))).toBe(false);
      await expect(request(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      blocker.close();
    }
  });

  it('stops on SIGTERM too', async () => {
    const root = await sampleRepo();
    const { child, done } = startCli(['preview', '--port', '0'], root);
    const started = await waitForOutput(child, /按 Ctrl-C 停止。\n/);
    expect(started).toMatch(/预览：http:\/\/127\.0\.0\.1:\d+\/\n/);
    child.kill('SIGTERM');
    expect(await done).toMatchObject({ code: 0, signal: null });
  });
});
