import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildCounts, type BuildCounts } from './cli-output.ts';
import { writeCorpus } from './corpus.ts';
import { BenchFailure } from './failure.ts';
import { describeGrowth, growth, growthLimit } from './growth.ts';
import { describeRun, medianRun, runNode, type ProcessFigures } from './process.ts';

type Row = readonly [string, string, string];

/** Issue 15, whole process: 500 articles cold, a rebuild with nothing changed, one article changed. */
const aims = { coldMs: 8000, coldArticles: 500, unchangedMs: 1000, oneChangedMs: 500 };
const rebuildRuns = 3;

const verdict = (ok: boolean) => (ok ? '✓' : '✗ 未达标');

/** A repository of `count` generated articles in a temporary folder; removed by the caller. */
async function corpusRepo(repoRoot: string, count: number, log: (text: string) => void) {
  const root = await mkdtemp(join(tmpdir(), `mpdesk-bench-build-${count}-`));
  log(`生成 ${count} 篇文章 → ${root}`);
  const corpus = await writeCorpus(repoRoot, root, count, (done) => log(`  已生成 ${done}/${count}`));
  return { root, corpus };
}

/** `mpdesk build` as a writer runs it, checked to have done what it is timed for. */
async function build(repoRoot: string, root: string, label: string, expect: Partial<BuildCounts>): Promise<ProcessFigures> {
  const run = await runNode([join(repoRoot, 'bin/mpdesk.js'), 'build', '--format', 'json'], root);
  const counts = buildCounts(run.stdout);
  const wrong = !counts || counts.failed > 0 || (Object.keys(expect) as (keyof BuildCounts)[]).some((key) => counts[key] !== expect[key]);
  if (run.code !== 0 || wrong) {
    const got = counts ? `渲染 ${counts.rendered}、未变化 ${counts.unchanged}、失败 ${counts.failed}` : '没有构建报告';
    throw new BenchFailure(`${label}：退出码 ${run.code}，${got}，应为 ${JSON.stringify(expect)}\n${run.stderr.slice(0, 2000)}`);
  }
  return run;
}

/** A cold build: no processed images, no manifest, no lint cache, no dist. */
async function coldBuild(repoRoot: string, root: string, count: number, label: string): Promise<ProcessFigures> {
  await rm(join(root, '.cache'), { recursive: true, force: true });
  await rm(join(root, 'dist'), { recursive: true, force: true });
  return build(repoRoot, root, label, { rendered: count });
}

/**
 * Build figures of whole `node bin/mpdesk.js build` processes (the compiled CLI, with the lint whose counts go on
 * the front page and the image processing), each with CPU time and peak memory: a cold build of `count`
 * articles, the median of 3 no-change rebuilds and of 3 rebuilds after one article's body changed, and the growth
 * from count/2 to count articles, net of a one-article cold build (start-up, modules, styles, the desk page).
 */
export async function benchBuild(repoRoot: string, count: number, log: (text: string) => void): Promise<Row[]> {
  const half = Math.max(1, Math.floor(count / 2));
  const roots: string[] = [];
  try {
    const tiny = await corpusRepo(repoRoot, 1, log);
    roots.push(tiny.root);
    log('固定开销 fixed cost：一篇文章的冷构建 ×3 …');
    const fixedRuns: ProcessFigures[] = [];
    for (let i = 0; i < 3; i++) fixedRuns.push(await coldBuild(repoRoot, tiny.root, 1, '一篇冷构建'));
    const fixed = medianRun(fixedRuns);

    const small = await corpusRepo(repoRoot, half, log);
    roots.push(small.root);
    log(`冷构建 cold build ${half} 篇 …`);
    const coldSmall = await coldBuild(repoRoot, small.root, half, `冷构建 ${half} 篇`);
    await rm(small.root, { recursive: true, force: true });

    const { root, corpus } = await corpusRepo(repoRoot, count, log);
    roots.push(root);
    log(`冷构建 cold build ${count} 篇 …`);
    const cold = await coldBuild(repoRoot, root, count, `冷构建 ${count} 篇`);

    log(`无变化重建 no-change rebuild ×${rebuildRuns} …`);
    const same: ProcessFigures[] = [];
    for (let i = 0; i < rebuildRuns; i++) same.push(await build(repoRoot, root, '无变化重建', { rendered: 0, unchanged: count }));

    const changed = corpus.articles[Math.floor(count / 2)]!;
    log(`改一篇后重建 one changed ×${rebuildRuns}（${relative(root, changed)}）…`);
    const one: ProcessFigures[] = [];
    for (let i = 0; i < rebuildRuns; i++) {
      await appendFile(changed, `\n第 ${i + 1} 次补记：把水温调低了两度，茶汤明显柔和了许多。\n`);
      one.push(await build(repoRoot, root, '改一篇后重建', { rendered: 1 }));
    }

    const [sameRun, oneRun] = [medianRun(same), medianRun(one)];
    const g = growth(coldSmall.ms, cold.ms, fixed.ms);
    const coldAim = (aims.coldMs * count) / aims.coldArticles;
    return [
      [`构建 build（整个进程 whole process：node bin/mpdesk.js build）`, '', ''],
      [`  冷构建 cold，${count} 篇`, `${describeRun(cold)}；${(count / (cold.ms / 1000)).toFixed(1)} 篇/秒`, `500 篇 < 8 s ${verdict(cold.ms < coldAim)}`],
      [`  无变化重建 no change（${rebuildRuns} 次中位数）`, describeRun(sameRun), `< 1 s ${verdict(sameRun.ms < aims.unchangedMs)}`],
      [`  改一篇后重建 one changed（${rebuildRuns} 次中位数）`, describeRun(oneRun), `< 0.5 s ${verdict(oneRun.ms < aims.oneChangedMs)}`],
      ['  固定开销 fixed：一篇的冷构建', describeRun(fixed), ''],
      [`  增长 growth 冷构建 ${half} → ${count} 篇`, `${describeRun(coldSmall)} → ${(cold.ms / 1000).toFixed(2)} s；净 net ${describeGrowth(g, fixed.ms)}`, `约 2 倍，≤ ${growthLimit} ${verdict(g.ok)}`],
    ];
  } finally {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  }
}
