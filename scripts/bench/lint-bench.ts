import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { loadContent, parseMarkdown } from '../content/index.ts';
import { lintContent } from '../lint/index.ts';
import { findingCount } from './cli-output.ts';
import { writeCorpus } from './corpus.ts';
import { BenchFailure } from './failure.ts';
import { describeGrowth, growth, growthLimit } from './growth.ts';
import { describeRun, medianRun, runNode, type ProcessFigures } from './process.ts';
import { time } from './time.ts';

const run = promisify(execFile);
const verdict = (ok: boolean) => (ok ? '✓' : '✗ 未达标');

export type Row = readonly [string, string, string];

/** Issue 15, whole process: 1,000 articles cold, cached, the pre-commit hook on one staged article. */
const aims = { coldMs: 8000, cachedMs: 1000, stagedMs: 1000 };

/** Rare characters, so generated sensitive words are realistic in shape but seldom hit ordinary prose. */
const rare = '鬯彧龢爨龘靐齉麤灪籲鱻驫羴猋毳淼焱垚犇骉麁嚞嫑孖巛乂丨丿乚亅丷';

/** A deterministic 20,000-entry team list in the same YAML shape teams keep in content/words.yaml. */
export function teamWordList(size: number): string {
  let state = 7;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  const entries = new Set<string>();
  while (entries.size < size) {
    const length = 2 + (next() % 3);
    let term = '';
    for (let i = 0; i < length; i++) term += rare[next() % rare.length];
    entries.add(term);
  }
  return stringify({ entries: [...entries].map((term) => ({ term, category: '团队词表', severity: 'warning' })) });
}

const lintRuns = 3;

/** A repository of `count` generated articles with the 20,000-entry team list, committed (the hook needs git). */
async function lintRepo(repoRoot: string, count: number, log: (text: string) => void) {
  const root = await mkdtemp(join(tmpdir(), `mpdesk-lint-bench-${count}-`));
  log(`生成 ${count} 篇文章和 20,000 词的团队词表 → ${root}`);
  const corpus = await writeCorpus(repoRoot, root, count, (done) => log(`  已生成 ${done}/${count}`));
  await writeFile(join(root, 'content', 'words.yaml'), teamWordList(20_000));
  await writeFile(join(root, '.gitignore'), '.cache/\ndist/\n');
  return { root, corpus };
}

async function commitAll(root: string): Promise<void> {
  const git = (...args: string[]) => run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-qm', '生成的文章 generated articles');
}

/** `mpdesk lint` as a whole process; exit 1 (error findings: the corpus has some, as real copy does) is a result. */
async function lint(repoRoot: string, root: string, label: string, ...args: string[]): Promise<ProcessFigures & { findings: number }> {
  const result = await runNode([join(repoRoot, 'bin/mpdesk.js'), 'lint', ...args, '--format', 'json'], root);
  const findings = findingCount(result.stdout);
  if (result.code > 1 || findings === undefined) throw new BenchFailure(`${label}：退出码 ${result.code}\n${result.stderr.slice(0, 2000)}`);
  return { ...result, findings };
}

async function coldLint(repoRoot: string, root: string, label: string) {
  await rm(join(root, '.cache'), { recursive: true, force: true });
  return lint(repoRoot, root, label);
}

/**
 * Lint figures of whole `node bin/mpdesk.js lint` processes with a 20,000-entry list: cold over `count` articles,
 * the median of 3 cached runs, the pre-commit hook (`lint --staged`) with one changed article staged, the growth
 * from count/2 to count articles net of a one-article cold lint; and, in process, the growth of one article's body.
 */
export async function benchLint(repoRoot: string, count: number, log: (text: string) => void): Promise<Row[]> {
  const half = Math.max(1, Math.floor(count / 2));
  const roots: string[] = [];
  try {
    const tiny = await lintRepo(repoRoot, 1, log);
    roots.push(tiny.root);
    log('固定开销 fixed cost：一篇文章的冷检查 ×3 …');
    const fixedRuns = [];
    for (let i = 0; i < lintRuns; i++) fixedRuns.push(await coldLint(repoRoot, tiny.root, '一篇冷检查'));
    const fixed = medianRun(fixedRuns);

    const small = await lintRepo(repoRoot, half, log);
    roots.push(small.root);
    log(`冷检查 cold lint ${half} 篇 …`);
    const coldSmall = await coldLint(repoRoot, small.root, `冷检查 ${half} 篇`);
    await rm(small.root, { recursive: true, force: true });

    const { root, corpus } = await lintRepo(repoRoot, count, log);
    roots.push(root);
    log('提交到 git commit …');
    await commitAll(root);
    const chars = (await Promise.all(corpus.articles.map((path) => readFile(path, 'utf8')))).reduce((total, text) => total + [...text].length, 0);
    log(`冷检查 cold lint ${count} 篇 …`);
    const cold = await coldLint(repoRoot, root, `冷检查 ${count} 篇`);
    log(`缓存检查 cached lint ×${lintRuns} …`);
    const cachedRuns = [];
    for (let i = 0; i < lintRuns; i++) cachedRuns.push(await lint(repoRoot, root, '缓存检查'));
    const cached = medianRun(cachedRuns);

    const changed = corpus.articles[Math.floor(count / 3)]!;
    log(`lint --staged，暂存一篇改过的文章 ×${lintRuns} …`);
    const stagedRuns = [];
    for (let i = 0; i < lintRuns; i++) {
      await appendFile(changed, `\n第 ${i + 1} 次修改：补上了冲泡时的水温和时间。\n`);
      await run('git', ['add', changed], { cwd: root });
      stagedRuns.push(await lint(repoRoot, root, 'lint --staged', '--staged'));
    }
    const staged = medianRun(stagedRuns);
    const g = growth(coldSmall.ms, cold.ms, fixed.ms);
    const rows: Row[] = [
      ['检查 lint（整个进程 whole process：node bin/mpdesk.js lint）', `${count} 篇，${chars.toLocaleString('en')} 字符，词表 20,000 条`, ''],
      [`  冷检查 cold，${count} 篇`, `${describeRun(cold)}；${Math.round(chars / (cold.ms / 1000)).toLocaleString('en')} 字符/秒，${cold.findings} 条结果`, `1000 篇 < 8 s ${verdict(cold.ms < (aims.coldMs * count) / 1000)}`],
      [`  缓存检查 cached（${lintRuns} 次中位数）`, describeRun(cached), `< 1 s ${verdict(cached.ms < aims.cachedMs)}`],
      [`  lint --staged，暂存一篇（${lintRuns} 次中位数）`, `${describeRun(staged)}；${staged.findings} 条结果`, `< 1 s ${verdict(staged.ms < aims.stagedMs)}`],
      ['  固定开销 fixed：一篇的冷检查（含词表）', describeRun(fixed), ''],
      [`  增长 growth 冷检查 ${half} → ${count} 篇`, `${describeRun(coldSmall)} → ${(cold.ms / 1000).toFixed(2)} s；净 net ${describeGrowth(g, fixed.ms)}`, `约 2 倍，≤ ${growthLimit} ${verdict(g.ok)}`],
    ];
    return [...rows, ...(await bodyGrowth(root, corpus.articles[0]!, log))];
  } finally {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  }
}

/** In process: one article's body 10 and 100 times over, net of an empty body. */
async function bodyGrowth(root: string, articlePath: string, log: (text: string) => void): Promise<Row[]> {
  // Growth: the same body 10 and 100 times over (large enough to swamp timer noise), each alone in a repository of
  // its own (no peers to compare with) and with the built-in lists only, linted without the cache. An article with
  // an empty body gives the fixed cost (reading and compiling the lists), which is taken off, so the ratio is that
  // of the work on the text. It is measured twice: whole, and with the Markdown tree parsed beforehand, because the
  // parser (micromark) itself grows faster than the text on one very large document, while mpdesk's rules and
  // dictionary matching are what must stay linear.
  log('增长检查 growth …');
  const sample = await readFile(articlePath, 'utf8');
  const split = sample.indexOf('\n---', 3) + 4;
  const [frontmatter, body] = [sample.slice(0, split), sample.slice(split)];
  const whole: number[] = [];
  const rules: number[] = [];
  const median = (runs: number[]) => runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  for (const size of [0, 10, 100]) {
    const growthRoot = join(root, `growth-${size}`);
    const path = join(growthRoot, 'content', 'qinghe-tea', 'articles', '2026', 'growth', 'index.md');
    await mkdir(dirname(path), { recursive: true });
    await cp(join(root, 'content', 'qinghe-tea', 'account.yaml'), join(growthRoot, 'content', 'qinghe-tea', 'account.yaml'));
    await writeFile(path, frontmatter + body.repeat(size));
    const wholeRuns: number[] = [];
    const ruleRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      wholeRuns.push((await time(async () => lintContent(await loadContent(growthRoot), { cache: false })))[1]);
      const set = await loadContent(growthRoot);
      for (const article of set.articles) parseMarkdown(article.source);
      ruleRuns.push((await time(() => lintContent(set, { cache: false })))[1]);
    }
    whole.push(median(wholeRuns));
    rules.push(median(ruleRuns));
  }
  const net = ([base, once, tenfold]: number[]) => ({ once: once! - base!, tenfold: tenfold! - base!, ratio: (tenfold! - base!) / (once! - base!), base: base! });
  const [all, own] = [net(whole), net(rules)];
  return [
    ['  进程内 in process：增长 growth 正文 10 倍 → 100 倍', `${own.once.toFixed(0)} ms → ${own.tenfold.toFixed(0)} ms（${own.ratio.toFixed(1)} 倍，Markdown 已预先解析，固定开销 ${own.base.toFixed(0)} ms 已扣除）`, `约 10 倍 ${verdict(own.ratio > 7 && own.ratio < 13)}`],
    ['    含 Markdown 解析 with parsing', `${all.once.toFixed(0)} ms → ${all.tenfold.toFixed(0)} ms（${all.ratio.toFixed(1)} 倍）`, ''],
  ];
}
