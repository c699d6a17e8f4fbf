import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterHelp } from './cli-help.ts';
import { rootOf, rootOption } from './cli-options.ts';
import { contentPath, UsageError } from './shared/path-filter.ts';

// The preview command: arguments in, the preview stage started, its lines out, stopped on Ctrl-C.

const defaultPort = 4321;

function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port 应为 0–65535 的整数（0：任选一个空闲端口）：${value}`);
  return port;
}

/** The article a path names (its index.md or its folder), repository-relative, or a UsageError saying why not. */
async function articleFile(root: string, input: string): Promise<string> {
  // Loaded here, not at the top: the content stage pulls in the Markdown parser, which --help must not pay for.
  const { classify } = await import('./content/index.ts');
  const path = contentPath(root, process.cwd(), input);
  const file = [path, `${path}/index.md`].find((candidate) => classify(candidate)?.kind === 'article' && existsSync(join(root, candidate)));
  if (file === undefined) throw new UsageError(`不是一篇文章：${input}（应为 content/<账号>/articles/<年份>/<slug>/index.md 或它的目录）`);
  return file;
}

/** Resolves at the first SIGINT or SIGTERM; a second one ends the process at once. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    let signals = 0;
    const stop = () => {
      if (++signals > 1) process.exit(130);
      process.stdout.write('正在停止预览…\n');
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerPreviewCommand(program: Command): void {
  program
    .command('preview')
    .description('在本机预览：保存后自动重建并刷新页面，检查结果显示在文章旁边。Serve the previews on 127.0.0.1 and rebuild on save.')
    .argument('[article]', '打开这篇文章的预览（index.md 或它的目录）open on this article')
    .option('--port <port>', `端口，被占用时用下一个空闲的（默认 ${defaultPort}；0：任选）port`, String(defaultPort))
    .addOption(rootOption())
    .addHelpText('after', afterHelp('\n例 Examples:\n  mpdesk preview\n  mpdesk preview content/qinghe-tea/articles/2026/dongri-pao-cha\n  mpdesk preview --port 8080\n\n只监听 127.0.0.1。按 Ctrl-C 停止（退出码 0）。\n退出码 Exit: 0 正常停止 · 2 用法错误（不是文章、端口写错、不在仓库中）或无法构建'))
    .action(async (input: string | undefined, options: { port: string; root?: string }) => {
      const port = parsePort(options.port);
      const root = rootOf(options);
      const article = input === undefined ? undefined : await articleFile(root, input);
      const stopped = untilStopped();
      const { buildLine, startPreview } = await import('./preview/index.ts');
      process.stdout.write('正在构建…\n');
      const preview = await startPreview({
        root,
        port,
        ...(article ? { article } : {}),
        onBuild: (build) => process.stdout.write(`${buildLine(build)}\n`),
        onWatchError: (message) => process.stderr.write(`mpdesk: 监视文件出错：${message}\n`),
      });
      if (port !== 0 && preview.port !== port) process.stdout.write(`端口 ${port} 已被占用，改用 ${preview.port}。\n`);
      process.stdout.write(`预览：${preview.url}\n保存 content/ 或 styles/ 下的文件后自动重建、刷新页面；按 Ctrl-C 停止。\n`);
      await stopped;
      await preview.close();
      process.stdout.write('预览已停止。\n');
    });
}
