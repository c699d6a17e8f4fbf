import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import stringWidth from 'string-width';
import { benchBuild } from './build-bench.ts';
import { BenchFailure } from './failure.ts';
import { benchLint } from './lint-bench.ts';
import { benchMetrics } from './metrics-bench.ts';
import { benchPreview } from './preview-bench.ts';
import { benchPublish } from './publish-bench.ts';
import { hasGnuTime, runNode } from './process.ts';
import { benchRenderCompare } from './render-compare.ts';
import { benchReport } from './report-bench.ts';
import { benchStartup } from './startup-bench.ts';

type Row = readonly [string, string, string];

const usage = `用法 usage: npm run bench [-- --articles N] [--lint-articles N] [--render-articles N] [--publish-articles N] [--metrics-accounts N] [--metrics-days N] [--report-accounts N] [--preview-saves N] [--only startup|build|lint|render|publish|metrics|report|preview]

构建、检查和渲染对比测的都是整个进程（node bin/mpdesk.js，编译后的代码，和作者运行的一样），
有 /usr/bin/time（GNU time）时每次都记下墙钟时间、CPU 时间（user+sys，所有线程）和峰值内存。
先测启动：在样例仓库的副本上跑 --help、lint --staged、list、已缓存的 lint，各取 9 次的中位数，
以及工作线程载入检查规则的时间。
构建：在临时目录生成 N 篇约 3000 字的文章（默认 500），测冷构建（没有 .cache 和 dist）、
无变化重建和改一篇正文后重建（各 3 次中位数），以及增长：N/2 篇和 N 篇的冷构建之比，
扣除固定开销（一篇文章的冷构建：启动、载入、样式、首页），应约为 2 倍、不超过 2.2 倍。
检查：生成 1000 篇和 20,000 词的词表（git 仓库），测冷检查、缓存检查、lint --staged
（暂存一篇改过的文章，pre-commit 钩子），增长同上（扣除一篇文章的冷检查），
另在进程内测单篇正文 10 倍 → 100 倍的增长。
渲染对比：同样 M 篇（默认 200）交给 wenyan-core 3.0.10（默认主题，和它的 Node 封装一样经 jsdom）
和 mpdesk：冷＝各自第一次的整个进程（mpdesk build 另含校验、检查和图片处理），
热＝同一进程里的第二遍；打印每篇毫秒数和 wenyan / mpdesk 的倍数（目标 ≥ 10 倍）。
然后是发布（本机模拟微信接口，50 篇 × 5 张图）、数据快照、月报，最后在 Chromium 里测
mpdesk preview 保存到页面更新的时间。进度写到 stderr，结果表写到 stdout。

  --articles N          构建用的文章数，默认 500（增长另测 N/2）
  --lint-articles N     检查用的文章数，默认 1000（增长另测 N/2）
  --render-articles N   渲染对比用的文章数，默认 200
  --publish-articles N  发布用的文章数，默认 50
  --metrics-accounts N  数据快照：从模拟的微信接口拉取的账号数，默认 50
  --metrics-days N      每个账号拉取的天数，默认 1095（三年）；拉完再拉一次、再读回全部快照
  --report-accounts N   月报：生成 N 个账号 × 一年的快照（默认 50），计时 mpdesk report monthly --all
  --preview-saves N     预览：计时的保存次数，默认 20
  --only startup|build|lint|render|publish|metrics|report|preview  只测一项
  --help                显示本说明
`;

const log = (text: string) => process.stderr.write(`${text}\n`);

function printTable(rows: ReadonlyArray<readonly [string, string, string]>) {
  // CJK glyphs take two columns in a terminal; padEnd would count them as one.
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => stringWidth(row[c]!))));
  const pad = (text: string, width: number) => text + ' '.repeat(width - stringWidth(text));
  const line = (row: readonly string[]) => row.map((cell, c) => pad(cell, widths[c]!)).join('  ').trimEnd();
  process.stdout.write(`${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows.slice(1)) process.stdout.write(`${line(row)}\n`);
}

async function main(): Promise<void> {
  let values: { articles: string; 'lint-articles': string; 'render-articles': string; 'publish-articles': string; 'metrics-accounts': string; 'metrics-days': string; 'report-accounts': string; 'preview-saves': string; only?: string; help: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        articles: { type: 'string', default: '500' },
        'lint-articles': { type: 'string', default: '1000' },
        'render-articles': { type: 'string', default: '200' },
        'publish-articles': { type: 'string', default: '50' },
        'metrics-accounts': { type: 'string', default: '50' },
        'metrics-days': { type: 'string', default: '1095' },
        'report-accounts': { type: 'string', default: '50' },
        'preview-saves': { type: 'string', default: '20' },
        only: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new BenchFailure(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const count = Number(values.articles);
  const lintCount = Number(values['lint-articles']);
  const publishCount = Number(values['publish-articles']);
  if (!Number.isInteger(count) || count < 1) throw new BenchFailure(`--articles 应为正整数：${values.articles}`);
  if (!Number.isInteger(lintCount) || lintCount < 1) throw new BenchFailure(`--lint-articles 应为正整数：${values['lint-articles']}`);
  if (!Number.isInteger(publishCount) || publishCount < 1) throw new BenchFailure(`--publish-articles 应为正整数：${values['publish-articles']}`);
  const metricsAccounts = Number(values['metrics-accounts']);
  const metricsDays = Number(values['metrics-days']);
  if (!Number.isInteger(metricsAccounts) || metricsAccounts < 1) throw new BenchFailure(`--metrics-accounts 应为正整数：${values['metrics-accounts']}`);
  if (!Number.isInteger(metricsDays) || metricsDays < 1) throw new BenchFailure(`--metrics-days 应为正整数：${values['metrics-days']}`);
  const reportAccounts = Number(values['report-accounts']);
  if (!Number.isInteger(reportAccounts) || reportAccounts < 1) throw new BenchFailure(`--report-accounts 应为正整数：${values['report-accounts']}`);
  const previewSaves = Number(values['preview-saves']);
  if (!Number.isInteger(previewSaves) || previewSaves < 1) throw new BenchFailure(`--preview-saves 应为正整数：${values['preview-saves']}`);
  const renderCount = Number(values['render-articles']);
  if (!Number.isInteger(renderCount) || renderCount < 1) throw new BenchFailure(`--render-articles 应为正整数：${values['render-articles']}`);
  const parts = ['startup', 'build', 'lint', 'render', 'publish', 'metrics', 'report', 'preview'];
  if (values.only !== undefined && !parts.includes(values.only)) throw new BenchFailure(`--only 应为 ${parts.join('、')} 之一：${values.only}`);

  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const only = (part: string) => values.only === undefined || values.only === part;
  // The CLI recompiles changed sources itself; done here first so no timed run pays for it.
  const compiled = await runNode([join(repoRoot, 'bin/compile.js')], repoRoot);
  if (compiled.code !== 0) throw new BenchFailure(`编译失败 compile failed\n${compiled.stderr}`);
  if (!hasGnuTime) log('注意：没有 /usr/bin/time（GNU time），只测墙钟时间，不测 CPU 和峰值内存。');
  // A part that fails is reported in its row and the others still run: a full run takes minutes.
  let failed = false;
  const part = async (name: string, work: () => Promise<readonly Row[]>): Promise<readonly Row[]> => {
    if (!only(name)) return [];
    try {
      return await work();
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      log(`${name} 测量失败 failed：${message}`);
      return [[`${name}`, `测量失败 failed：${message.split('\n')[0]!.slice(0, 120)}`, '✗']];
    }
  };
  // Start-up first, while nothing else of the bench has warmed or loaded the machine.
  const rows = [
    ...(await part('startup', () => benchStartup(repoRoot, log))),
    ...(await part('build', () => benchBuild(repoRoot, count, log))),
    ...(await part('lint', () => benchLint(repoRoot, lintCount, log))),
    ...(await part('render', () => benchRenderCompare(repoRoot, renderCount, log))),
    ...(await part('publish', () => benchPublish(repoRoot, publishCount, log))),
    ...(await part('metrics', () => benchMetrics(metricsAccounts, metricsDays, log))),
    ...(await part('report', () => benchReport(reportAccounts, log))),
    ...(await part('preview', () => benchPreview(repoRoot, previewSaves, log))),
  ];
  printTable([['指标 figure', '结果 result', '目标 aim'], ...rows]);
  if (failed) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BenchFailure)) throw error;
  log(error.message);
  process.exitCode = 1;
}
