import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../content/index.ts';
import { renderArticle } from '../render/index.ts';
import { buildCounts, parsePasses } from './cli-output.ts';
import { benchAccount, writeCorpus } from './corpus.ts';
import { BenchFailure } from './failure.ts';
import { describeRun, medianRun, runNode, type ProcessFigures } from './process.ts';
import { time } from './time.ts';

type Row = readonly [string, string, string];

/** Issue 15: mpdesk renders an article at least 10 times faster than wenyan-core. */
const aimRatio = 10;

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: readonly number[], p: number) => sorted(values)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const perArticle = (ms: number, count: number) => `${(ms / count).toFixed(1)} ms/篇`;

/** The figures of two renderers side by side, as ratio wenyan / mpdesk, and its verdict. */
export function compareRow(label: string, mpdeskMs: number, wenyanMs: number, count: number): Row {
  const ratio = wenyanMs / mpdeskMs;
  const verdict = ratio >= aimRatio ? '✓' : '✗ 未达标';
  return [label, `mpdesk ${perArticle(mpdeskMs, count)}，wenyan-core ${perArticle(wenyanMs, count)}：wenyan / mpdesk = ${ratio.toFixed(2)} 倍`, `≥ ${aimRatio} 倍 ${verdict}`];
}

/** mpdesk's renderer in this process over every article, each parsed afresh; the time of each. */
async function mpdeskPass(root: string, out: string): Promise<number[]> {
  const set = await loadContent(root);
  const account = set.accounts.find((a) => a.place.account === benchAccount);
  const cacheDir = join(root, '.cache', 'mpdesk', 'images');
  const times: number[] = [];
  for (const [index, article] of set.articles.entries()) {
    // A copy of the source misses the parse cache (keyed by object), so each render parses its Markdown.
    const subject = { ...article, source: { ...article.source } };
    const [rendered, ms] = await time(async () => {
      const result = await renderArticle({ root, article: subject, account, cacheDir });
      await writeFile(join(out, `${String(index).padStart(4, '0')}.html`), result.html);
      return result;
    });
    if (rendered.findings.some((f) => f.severity === 'error')) throw new BenchFailure(`渲染失败：${article.source.file}`);
    times.push(ms);
  }
  return times;
}

/**
 * mpdesk and wenyan-core on the same `count` generated articles. Cold: one whole process each, first run —
 * `mpdesk build` (which also validates, lints and processes the images) and the wenyan-core runner (which renders
 * and writes HTML only); and one article, `mpdesk render` against the runner with one file. Warm: the second pass
 * over the same articles inside a process that did one already.
 */
export async function benchRenderCompare(repoRoot: string, count: number, log: (text: string) => void): Promise<Row[]> {
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-bench-render-'));
  try {
    log(`对比渲染 render side by side：生成 ${count} 篇 → ${root}`);
    const corpus = await writeCorpus(repoRoot, root, count, (done) => log(`  已生成 ${done}/${count}`));
    const list = join(root, 'articles.txt');
    await writeFile(list, `${corpus.articles.join('\n')}\n`);
    const wenyan = (passes: number, out: string) => runNode([join(repoRoot, 'compiled/bench/wenyan-run.js'), '--out', join(root, out), '--passes', String(passes), list], root);

    log('  wenyan-core 冷 cold（整个进程，一遍）…');
    const wenyanCold = await wenyan(1, 'wenyan-cold');
    log('  mpdesk build 冷 cold（整个进程）…');
    const build = await runNode([join(repoRoot, 'bin/mpdesk.js'), 'build', '--format', 'json'], root);
    if (build.code !== 0 || buildCounts(build.stdout)?.rendered !== count) throw new BenchFailure(`mpdesk build 失败（退出码 ${build.code}）\n${build.stderr.slice(0, 2000)}`);
    log('  wenyan-core 热 warm（同一进程第二遍）…');
    const wenyanWarm = await wenyan(2, 'wenyan-warm');
    if (wenyanCold.code !== 0 || wenyanWarm.code !== 0) throw new BenchFailure(`wenyan-core 运行失败\n${(wenyanCold.stderr + wenyanWarm.stderr).slice(0, 2000)}`);
    const wenyanPasses = parsePasses(wenyanWarm.stdout);
    if (!wenyanPasses || wenyanPasses.length < 2) throw new BenchFailure(`wenyan-core 的输出读不懂：${wenyanWarm.stdout.slice(0, 200)}`);

    log('  单篇 one article：mpdesk render 与 wenyan-core 各一个进程 ×3 …');
    const one = corpus.articles[0]!;
    const oneList = join(root, 'one.txt');
    await writeFile(oneList, `${one}\n`);
    const mpdeskOne: ProcessFigures[] = [];
    const wenyanOne: ProcessFigures[] = [];
    for (let i = 0; i < 3; i++) {
      mpdeskOne.push(await runNode([join(repoRoot, 'bin/mpdesk.js'), 'render', one, '-o', join(root, 'one', 'mpdesk.html')], root));
      wenyanOne.push(await runNode([join(repoRoot, 'compiled/bench/wenyan-run.js'), '--out', join(root, 'one'), oneList], root));
    }
    if ([...mpdeskOne, ...wenyanOne].some((run) => run.code !== 0)) throw new BenchFailure(`单篇渲染失败\n${[...mpdeskOne, ...wenyanOne].map((run) => run.stderr).join('').slice(0, 2000)}`);
    const [mpdeskSingle, wenyanSingle] = [medianRun(mpdeskOne), medianRun(wenyanOne)];

    log('  mpdesk 渲染 render 热 warm（本进程，第一遍预热）…');
    const out = join(root, 'mpdesk-warm');
    await mkdir(out, { recursive: true });
    await mpdeskPass(root, out);
    const warm = await mpdeskPass(root, out);
    const warmTotal = warm.reduce((a, b) => a + b, 0);
    return [
      [`渲染对比 render vs wenyan-core 3.0.10（同样 ${count} 篇）`, '', ''],
      compareRow('  冷 cold：整个进程，第一次', build.ms, wenyanCold.ms, count),
      ['    mpdesk build（含校验、检查、图片处理）', describeRun(build), ''],
      ['    wenyan-core（只渲染并写 HTML）', describeRun(wenyanCold), ''],
      compareRow('  单篇 one article：整个进程（3 次中位数）', mpdeskSingle.ms, wenyanSingle.ms, 1),
      ['    mpdesk render <article> -o（图片已处理过）', describeRun(mpdeskSingle), ''],
      ['    wenyan-core 一篇', describeRun(wenyanSingle), ''],
      compareRow('  热 warm：进程内第二遍', warmTotal, wenyanPasses[1]!, count),
      ['    mpdesk 单篇渲染 per article', `中位数 ${percentile(warm, 50).toFixed(1)} ms，p95 ${percentile(warm, 95).toFixed(1)} ms`, ''],
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
