import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSite, type BuildReport } from '../build/index.ts';
import { loadContent } from '../content/index.ts';
import { renderArticle } from '../render/index.ts';
import { writeCorpus } from './corpus.ts';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '500' }, help: { type: 'boolean' } } });
if (values.help) {
  process.stdout.write('npm run bench [-- --articles N]\n生成 N 篇约 3000 字的文章（默认 500），测量冷构建、无变化重建、单篇变化重建、单篇渲染和峰值内存。\n');
  process.exit(0);
}
const count = Number(values.articles);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const root = await mkdtemp(join(tmpdir(), 'mpdesk-bench-'));
const log = (text: string) => process.stderr.write(`${text}\n`);

try {
  log(`生成 ${count} 篇文章到 ${root} …`);
  const first = await writeCorpus(root, repoRoot, count, (done) => log(`  已生成 ${done}`));
  const progress = (done: number, total: number) => void (done % 100 === 0 && log(`  已构建 ${done}/${total}`));
  const timed = async (label: string): Promise<[number, BuildReport]> => {
    log(label);
    const started = performance.now();
    const report = await buildSite({ root, onProgress: progress });
    const seconds = (performance.now() - started) / 1000;
    if (report.failed.length) {
      log(JSON.stringify(report.findings.slice(0, 5), null, 2));
      process.exit(1);
    }
    return [seconds, report];
  };

  const [cold] = await timed('冷构建 …');
  const [unchanged, second] = await timed('无变化重建 …');
  await appendFile(first, '\n又补充了一段关于茶汤温度的说明。\n');
  const [oneChanged, third] = await timed('改一篇后重建 …');

  const set = await loadContent(root);
  const article = set.articles[0]!;
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const started = performance.now();
    await renderArticle({ root, article, account: set.accounts[0], cacheDir: join(root, '.cache/mpdesk/images') });
    if (i >= 10) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const chars = [...article.source.text].length;

  const rows: Array<[string, string, string]> = [
    ['文章数 articles', String(count), ''],
    ['冷构建 cold build', `${cold.toFixed(2)} s（${(count / cold).toFixed(0)} 篇/秒）`, count === 500 ? '目标 < 10 s' : ''],
    ['无变化重建 no-change rebuild', `${unchanged.toFixed(2)} s（未变化 ${second.unchanged.length}）`, '目标 < 2 s'],
    ['改一篇后重建 one changed', `${oneChanged.toFixed(2)} s（重新渲染 ${third.rendered.length}）`, '目标 < 1 s'],
    ['单篇渲染中位数 single render median', `${median.toFixed(1)} ms（${chars} 字符，解析已缓存）`, ''],
    ['峰值内存 peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`, ''],
  ];
  for (const [name, value, aim] of rows) process.stdout.write(`${name.padEnd(36)} ${value.padEnd(34)} ${aim}\n`);
} finally {
  await rm(root, { recursive: true, force: true });
}
