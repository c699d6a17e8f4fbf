import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { loadContent, parseMarkdown } from '../content/index.ts';
import { lintContent, startLintWorkers } from '../lint/index.ts';
import { stopWorkers } from '../shared/worker-pool.ts';
import { writeCorpus } from './corpus.ts';
import { time, timeAndCpu } from './time.ts';

export type Row = readonly [string, string, string];

const aims = { cold: 15, cached: 2 };

/** Rare characters, so generated sensitive words are realistic in shape but seldom hit ordinary prose. */
const rare = '鬯彧龢爨龘靐齉麤灪籲鱻驫羴猋毳淼焱垚犇骉麁嚞嫑孖巛乂丨丿乚亅丷';

/** A deterministic 20,000-entry team list in the same YAML shape teams keep in content/words.yaml. */
function teamWordList(size: number): string {
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

/** Lint figures: a cold run and a cached run over `count` articles with a 20,000-entry list, and a growth check. */
export async function benchLint(repoRoot: string, count: number, log: (text: string) => void): Promise<Row[]> {
  const root = await mkdtemp(join(tmpdir(), 'mpdesk-lint-bench-'));
  try {
    log(`生成 ${count} 篇文章和 20,000 词的团队词表 → ${root}`);
    const corpus = await writeCorpus(repoRoot, root, count, (done) => log(`  已生成 ${done}/${count}`));
    await writeFile(join(root, 'content', 'words.yaml'), teamWordList(20_000));
    const chars = (await Promise.all(corpus.articles.map((path) => readFile(path, 'utf8')))).reduce((total, text) => total + [...text].length, 0);

    log('冷检查 cold lint …');
    // As `mpdesk lint` runs it: worker threads start while the content is read. Threads of an earlier run are
    // ended first, so this run pays for starting its own, as a command does.
    await stopWorkers();
    const [cold, coldMs, coldCpu] = await timeAndCpu(async () => lintContent(await loadContent(root, { beforeReading: (files) => startLintWorkers(root, files) })));
    log('缓存检查 cached lint …');
    const [cached, cachedMs] = await time(async () => lintContent(await loadContent(root)));
    // Every article and plan.
    if (cached.cached !== count + corpus.plans) log(`注意：缓存命中 ${cached.cached} 个文件，应为 ${count + corpus.plans}`);

    // Growth: the same body 10 and 100 times over (large enough to swamp timer noise), each alone in a repository of
    // its own (no peers to compare with) and with the built-in lists only, linted without the cache. An article with
    // an empty body gives the fixed cost (reading and compiling the lists), which is taken off, so the ratio is that
    // of the work on the text. It is measured twice: whole, and with the Markdown tree parsed beforehand, because the
    // parser (micromark) itself grows faster than the text on one very large document, while mpdesk's rules and
    // dictionary matching are what must stay linear.
    log('增长检查 growth …');
    const sample = await readFile(corpus.articles[0]!, 'utf8');
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
    const growth = ([base, once, tenfold]: number[]) => ({ once: once! - base!, tenfold: tenfold! - base!, ratio: (tenfold! - base!) / (once! - base!), base: base! });
    const [all, own] = [growth(whole), growth(rules)];
    const verdict = (ok: boolean) => (ok ? '✓' : '✗ 未达标');
    return [
      ['检查 lint：文章数', `${count} 篇，${chars.toLocaleString('en')} 字符，词表 20,000 条`, ''],
      ['冷检查 cold lint', `${(coldMs / 1000).toFixed(2)} s，${Math.round(chars / (coldMs / 1000)).toLocaleString('en')} 字符/秒，${cold.findings.length} 条结果；CPU ${(coldCpu / 1000).toFixed(1)} s（所有线程）`, `1000 篇 < ${aims.cold} s ${verdict(coldMs / 1000 < (aims.cold * count) / 1000)}`],
      ['缓存检查 cached lint', `${(cachedMs / 1000).toFixed(2)} s（命中 ${cached.cached} 个文件）`, `< ${aims.cached} s ${verdict(cachedMs / 1000 < aims.cached)}`],
      ['增长 growth 正文 10 倍 → 100 倍', `${own.once.toFixed(0)} ms → ${own.tenfold.toFixed(0)} ms（${own.ratio.toFixed(1)} 倍，Markdown 已预先解析，固定开销 ${own.base.toFixed(0)} ms 已扣除）`, `约 10 倍 ${verdict(own.ratio > 7 && own.ratio < 13)}`],
      ['  含 Markdown 解析 with parsing', `${all.once.toFixed(0)} ms → ${all.tenfold.toFixed(0)} ms（${all.ratio.toFixed(1)} 倍）`, ''],
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
