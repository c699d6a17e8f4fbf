import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import stringWidth from 'string-width';
import { buildSite, type BuildReport } from '../site/index.ts';
import { loadContent } from '../content/index.ts';
import { lintPass } from '../lint/index.ts';
import { renderArticle } from '../render/index.ts';
import type { Finding } from '../shared/finding.ts';
import { validateContent } from '../validate/index.ts';
import { benchAccount, writeCorpus } from './corpus.ts';
import { benchLint } from './lint-bench.ts';
import { benchMetrics } from './metrics-bench.ts';
import { benchPreview } from './preview-bench.ts';
import { benchPublish } from './publish-bench.ts';
import { benchReport } from './report-bench.ts';
import { benchStartup } from './startup-bench.ts';
import { stopWorkers } from '../shared/worker-pool.ts';
import { time, timeAndCpu } from './time.ts';

const usage = `用法 usage: npm run bench [-- --articles N] [--lint-articles N] [--publish-articles N] [--metrics-accounts N] [--metrics-days N] [--report-accounts N] [--preview-saves N] [--only startup|build|lint|publish|metrics|report|preview]

先测启动：整个 mpdesk 进程（编译后的代码）在样例仓库的副本上跑 --help、lint --staged、list、已缓存的 lint，
各取 9 次的中位数，以及工作线程载入检查规则的时间（编译后与经 tsx）。
再在临时目录生成 N 篇约 3000 字的文章（默认 500），测量冷构建、无变化重建、改一篇后重建、
单篇渲染（中位数和 p95）与峰值内存；再生成 1000 篇和 20,000 词的词表，测量冷检查、缓存检查
和增长（正文 10 倍时耗时约 10 倍）；再对本机的模拟微信接口发布 50 篇、每篇 5 张图的已审核文章：
首次推送、无变化重跑（应为 0 次上传、0 次草稿调用）、全部发表，以及每篇的调用次数；最后在 Chromium 里
打开 mpdesk preview 的样例文章，测每次保存到页面显示新内容的时间。
进度写到 stderr，结果表写到 stdout。

  --articles N          构建用的文章数，默认 500
  --lint-articles N     检查用的文章数，默认 1000
  --publish-articles N  发布用的文章数，默认 50
  --metrics-accounts N  数据快照：从模拟的微信接口拉取的账号数，默认 50
  --metrics-days N      每个账号拉取的天数，默认 1095（三年）；拉完再拉一次、再读回全部快照
  --report-accounts N   月报：生成 N 个账号 × 一年的快照（默认 50），计时 mpdesk report monthly --all
  --preview-saves N    预览：计时的保存次数，默认 20
  --only startup|build|lint|publish|metrics|report|preview  只测一项
  --help              显示本说明
`;

const aims = { coldPerSecond: 50, unchanged: 2, oneChanged: 1 };
const renderRuns = 30;
const warmups = 5;

class BenchFailure extends Error {}

const log = (text: string) => process.stderr.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function describe(findings: readonly Finding[]): string {
  return findings
    .slice(0, 10)
    .map((f) => `  ${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`)
    .join('\n');
}

function check(label: string, report: BuildReport, expect: { rendered?: number; unchanged?: number }) {
  const problems: string[] = [];
  if (report.failed.length) problems.push(`${report.failed.length} 篇失败 failed`);
  if (expect.rendered !== undefined && report.rendered.length !== expect.rendered) problems.push(`渲染 ${report.rendered.length} 篇，应为 ${expect.rendered}`);
  if (expect.unchanged !== undefined && report.unchanged.length !== expect.unchanged) problems.push(`未变化 ${report.unchanged.length} 篇，应为 ${expect.unchanged}`);
  if (problems.length) {
    const errors = report.findings.filter((f) => f.severity === 'error');
    throw new BenchFailure(`${label}：${problems.join('；')}\n${describe(errors.length ? errors : report.findings)}`);
  }
}

function printTable(rows: ReadonlyArray<readonly [string, string, string]>) {
  // CJK glyphs take two columns in a terminal; padEnd would count them as one.
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => stringWidth(row[c]!))));
  const pad = (text: string, width: number) => text + ' '.repeat(width - stringWidth(text));
  const line = (row: readonly string[]) => row.map((cell, c) => pad(cell, widths[c]!)).join('  ').trimEnd();
  process.stdout.write(`${line(rows[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows.slice(1)) process.stdout.write(`${line(row)}\n`);
}

async function main(): Promise<void> {
  let values: { articles: string; 'lint-articles': string; 'publish-articles': string; 'metrics-accounts': string; 'metrics-days': string; 'report-accounts': string; 'preview-saves': string; only?: string; help: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        articles: { type: 'string', default: '500' },
        'lint-articles': { type: 'string', default: '1000' },
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
  const parts = ['startup', 'build', 'lint', 'publish', 'metrics', 'report', 'preview'];
  if (values.only !== undefined && !parts.includes(values.only)) throw new BenchFailure(`--only 应为 startup、build、lint、publish、metrics、report 或 preview：${values.only}`);

  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const only = (part: string) => values.only === undefined || values.only === part;
  // First, while nothing else of the bench has warmed or loaded the machine.
  const startupRows = only('startup') ? await benchStartup(repoRoot, log) : [];
  const lintRows = only('lint') ? await benchLint(repoRoot, lintCount, log) : [];
  const publishRows = only('publish')
    ? await benchPublish(repoRoot, publishCount, log).catch((error: unknown) => {
        throw new BenchFailure(`发布测量失败：${error instanceof Error ? error.message : String(error)}`);
      })
    : [];
  const metricsRows = only('metrics') ? await benchMetrics(metricsAccounts, metricsDays, log) : [];
  const reportRows = only('report') ? await benchReport(reportAccounts, log) : [];
  const previewRows = only('preview') ? await benchPreview(repoRoot, previewSaves, log) : [];
  if (!only('build')) {
    printTable([['指标 figure', '结果 result', '目标 aim'], ...startupRows, ...lintRows, ...publishRows, ...metricsRows, ...reportRows, ...previewRows]);
    return;
  }
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-bench-'));
  const outDir = join(root, 'dist');
  const cacheDir = join(root, '.cache', 'mpdesk', 'images');
  try {
    log(`生成 ${count} 篇文章 → ${root}`);
    const [corpus, generateMs] = await time(() => writeCorpus(repoRoot, root, count, (done) => log(`  已生成 ${done}/${count}`)));
    log(`  ${corpus.hanCharacters.toLocaleString('en')} 个汉字，平均每篇 ${Math.round(corpus.hanCharacters / count)}，${seconds(generateMs)}`);

    const build = async (label: string): Promise<[BuildReport, number, number]> => {
      log(label);
      const progress = (done: number, total: number) => {
        if (done % 100 === 0 || done === total) log(`  已构建 ${done}/${total}`);
      };
      // As `mpdesk build` runs it: with the (cached) lint whose counts go on the front page. Each article is linted
      // in the thread that renders it; what is timed on its own is the lint's part before and after that.
      const lint = async (set: Parameters<typeof lintPass>[0], only: (file: string) => boolean) => {
        const [pass, planMs] = await time(() => lintPass(set, { only }));
        lintMs.set(label, planMs);
        return { ...pass, finish: async (results: Parameters<typeof pass.finish>[0]) => {
          const [result, finishMs] = await time(() => pass.finish(results));
          lintMs.set(label, planMs + finishMs);
          return result;
        } };
      };
      // Each build starts its own worker threads, as a command does.
      await stopWorkers();
      return timeAndCpu(() => buildSite({ root, outDir, onProgress: progress, lint }));
    };
    const lintMs = new Map<string, number>();
    // The lint's part on its own: reading its cache and word lists before the articles, originality and the cache after.
    const lintShare = (label: string) => `（其中检查的准备与收尾 lint setup and finish ${seconds(lintMs.get(label) ?? 0)}）`;

    // A cold build owes nothing to earlier runs: no processed images, no manifest.
    await rm(join(root, '.cache'), { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
    const coldLabel = '冷构建 cold build …';
    const [cold, coldMs, coldCpu] = await build(coldLabel);
    check('冷构建', cold, { rendered: count });

    // What CI and a desk that ran `mpdesk lint` first see: nothing built, no processed images, lint results cached.
    await rm(join(root, '.cache', 'mpdesk', 'images'), { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
    const linted = '冷构建，检查已缓存 cold build, lint cached …';
    const [coldLinted, coldLintedMs] = await build(linted);
    check('冷构建，检查已缓存', coldLinted, { rendered: count });

    const sameLabel = '无变化重建 no-change rebuild …';
    const [same, sameMs] = await build(sameLabel);
    check('无变化重建', same, { rendered: 0, unchanged: count });

    const changed = corpus.articles[Math.floor(count / 2)]!;
    await appendFile(changed, '\n后来又试了一次，把水温调低了两度，茶汤明显柔和了许多，这个细节补记在这里。\n');
    const oneLabel = `改一篇后重建 one changed（${relative(root, changed)}）…`;
    const [one, oneMs] = await build(oneLabel);
    check('改一篇后重建', one, { rendered: 1 });

    // Where a rebuild's time goes: reading the files and validating them happen on every build, changed or not.
    log('拆分无变化重建 breakdown …');
    const [set, loadMs] = await time(() => loadContent(root));
    const [, validateMs] = await time(() => validateContent(set));

    log(`单篇渲染 single render ×${renderRuns} …`);
    const article = set.articles.find((a) => a.source.path === changed);
    if (!article) throw new BenchFailure(`找不到改动的文章：${changed}`);
    const account = set.accounts.find((a) => a.place.account === benchAccount);
    const render = async (fresh: boolean) => {
      // A copy of the source misses the parse cache (keyed by object), so the timing includes Markdown parsing.
      const subject = fresh ? { ...article, source: { ...article.source } } : article;
      const [rendered, ms] = await time(() => renderArticle({ root, article: subject, account, cacheDir }));
      if (rendered.findings.length) throw new BenchFailure(`单篇渲染失败：\n${describe(rendered.findings)}`);
      return ms;
    };
    for (let i = 0; i < warmups; i++) await render(true);
    const cached: number[] = [];
    const parsed: number[] = [];
    for (let i = 0; i < renderRuns; i++) {
      cached.push(await render(false));
      parsed.push(await render(true));
    }
    cached.sort((a, b) => a - b);
    parsed.sort((a, b) => a - b);
    const ms = (values: number[]) => `中位数 ${percentile(values, 50).toFixed(1)} ms，p95 ${percentile(values, 95).toFixed(1)} ms`;

    const peakMb = process.resourceUsage().maxRSS / 1024;
    const verdict = (ok: boolean) => (ok ? '✓' : '✗ 未达标');
    const rate = count / (coldMs / 1000);
    printTable([
      ['指标 figure', `结果 result（${count} 篇，每篇约 ${Math.round(corpus.hanCharacters / count)} 字）`, '目标 aim'],
      ['冷构建 cold build', `${seconds(coldMs)}，${rate.toFixed(1)} 篇/秒${lintShare(coldLabel)}；CPU ${seconds(coldCpu)}（所有线程）`, `500 篇 < 10 s（≥ ${aims.coldPerSecond} 篇/秒）${verdict(rate >= aims.coldPerSecond)}`],
      ['  检查已缓存 lint cached', `${seconds(coldLintedMs)}，${(count / (coldLintedMs / 1000)).toFixed(1)} 篇/秒${lintShare(linted)}`, ''],
      ['无变化重建 no-change rebuild', `${seconds(sameMs)}${lintShare(sameLabel)}`, `< ${aims.unchanged} s ${verdict(sameMs / 1000 < aims.unchanged)}`],
      ['  单独测读取 load alone', seconds(loadMs), ''],
      ['  单独测校验 validate alone', seconds(validateMs), ''],
      ['改一篇后重建 one changed', `${seconds(oneMs)}（重新渲染 ${one.rendered.length} 篇）${lintShare(oneLabel)}`, `< ${aims.oneChanged} s ${verdict(oneMs / 1000 < aims.oneChanged)}`],
      ['单篇渲染 render (parse cached)', ms(cached), ''],
      ['单篇渲染 render (with parse)', ms(parsed), ''],
      ['峰值内存 peak RSS', `${peakMb.toFixed(0)} MB`, ''],
      ...startupRows,
      ...lintRows,
      ...publishRows,
      ...metricsRows,
      ...reportRows,
      ...previewRows,
    ]);
    const warnings = cold.findings.filter((f) => f.severity !== 'error').length;
    if (warnings) log(`注意：冷构建有 ${warnings} 条提示/警告 findings（不影响结果）。`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BenchFailure)) throw error;
  log(error.message);
  process.exitCode = 1;
}
