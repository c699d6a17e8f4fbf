import { readFile, readdir, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { article } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { articleDir, siteRepo, tree } from './fixture.test-helper.ts';
import { loadContent, toPortable } from '../content/index.ts';
import { shareJobs } from '../shared/worker-pool.ts';
import { buildSite } from './index.ts';
import type { BuildJob, BuildResult } from './build-pass.ts';
import type { BuildSetup } from './worker.ts';
import { renderBatch, type ArticleOutcome } from './render-batch.ts';

const repo = siteRepo;

describe('buildSite', () => {
  it('writes fragment, preview, images and meta.json per article, and an index', async () => {
    const root = await repo();
    const report = await buildSite({ root });
    expect(report).toMatchObject({ rendered: [`${articleDir}/index.md`], failed: [], findings: [] });
    const out = join(root, 'dist/shanye/dongtian-shouchong');
    expect((await readdir(out)).sort()).toEqual(['article.html', 'images', 'meta.json', 'preview.html']);
    expect((await readdir(join(out, 'images'))).sort()).toEqual(['cover-500x500.jpg', 'cover-900x383.jpg', 'cup.png']);
    const meta = JSON.parse(await readFile(join(out, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({
      title: '冬天的手冲，水温要高一点',
      author: '阿禾',
      cover: { pic_crop_235_1: '0_0.074444_1_0.925556', pic_crop_1_1: '0.25_0_0.75_1' },
      images: [{ file: 'images/cup.png', width: 800, height: 600, alt: '温好的杯子' }],
      reading_minutes: 1,
    });
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toContain('href="shanye/dongtian-shouchong/preview.html"');
    const html = await readFile(join(out, 'article.html'), 'utf8');
    const preview = await readFile(join(out, 'preview.html'), 'utf8');
    const embedded = preview.match(/<script type="application\/json" id="fragment">(.*?)<\/script>/s)?.[1];
    expect(JSON.parse(embedded ?? 'null')).toBe(html);
    expect(preview).toContain(`<div id="article">${html}</div>`);
  });

  it('is deterministic: two builds, in this thread or in worker threads, give byte-identical files', async () => {
    const root = await repo({ 'content/shanye/articles/2026/chanqu/index.md': article('title: 云南产区\nstatus: draft', '## 保山\n\n小粒咖啡。\n') });
    await buildSite({ root, outDir: join(root, 'a'), workers: 1 });
    const parallel = await buildSite({ root, outDir: join(root, 'b'), workers: 2 });
    expect(parallel.rendered).toHaveLength(2);
    const a = await tree(join(root, 'a'));
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(await tree(join(root, 'b'))).toEqual(a);
  });

  it('renders in a worker thread exactly as in this one', async () => {
    const root = await repo({ 'content/shanye/articles/2026/chanqu/index.md': article('title: 云南产区\nstatus: draft', '## 保山\n\n小粒咖啡。\n') });
    await buildSite({ root, outDir: join(root, 'here'), workers: 1 });
    const set = await loadContent(root);
    const paths = { root, outDir: join(root, 'shared'), cacheDir: join(root, '.cache', 'mpdesk', 'images') };
    const outcomes: ArticleOutcome[] = [];
    let workerFirst: () => void = () => undefined;
    const fromWorker = new Promise<void>((resolve) => (workerFirst = resolve));
    await shareJobs<BuildSetup, BuildJob<never>, BuildResult<never>>({
      module: new URL('./worker.ts', import.meta.url),
      setup: { set: toPortable(set), paths },
      jobs: set.articles.map((a) => ({ file: a.source.file, render: true })).sort((a, b) => a.file.localeCompare(b.file)),
      groupSize: 1,
      workers: 1,
      // This thread waits for the worker's first article, so the worker surely renders one.
      here: async (group, emit) => {
        await fromWorker;
        await renderBatch(set, group.map((job) => job.file), paths, (outcome) => emit({ kind: 'render', file: outcome.file, outcome }));
      },
      onResult: (result) => {
        if (result.kind === 'render') outcomes.push(result.outcome);
        workerFirst();
      },
    });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const here = await tree(join(root, 'here'));
    const shared = await tree(join(root, 'shared'));
    for (const [name, content] of Object.entries(shared)) expect(content, name).toBe(here[name]);
    // All but the front page, which only buildSite writes.
    expect(Object.keys(shared).length).toBe(Object.keys(here).length - 1);
  });

  it('renders nothing again when nothing changed, and only the changed article after an edit', async () => {
    const root = await repo({ 'content/shanye/articles/2026/chanqu/index.md': article('title: 云南产区\nstatus: draft') });
    expect((await buildSite({ root })).rendered).toHaveLength(2);
    expect(await buildSite({ root })).toMatchObject({ rendered: [], unchanged: [`content/shanye/articles/2026/chanqu/index.md`, `${articleDir}/index.md`] });
    await appendFile(join(root, 'content/shanye/articles/2026/chanqu/index.md'), '\n保山的小粒咖啡。\n');
    expect((await buildSite({ root })).rendered).toEqual(['content/shanye/articles/2026/chanqu/index.md']);
  });

  it('reports a broken image with the article and line, and still builds the other articles', async () => {
    const root = await repo({
      'content/shanye/articles/2026/huai-tu/index.md': article('title: 坏图\nstatus: draft', '第一段。\n\n![坏掉的图](./broken.jpg)\n'),
      'content/shanye/articles/2026/huai-tu/broken.jpg': '不是图片',
    });
    const report = await buildSite({ root });
    expect(report.rendered).toEqual([`${articleDir}/index.md`]);
    expect(report.failed).toEqual(['content/shanye/articles/2026/huai-tu/index.md']);
    expect(report.findings).toEqual([
      expect.objectContaining({ file: 'content/shanye/articles/2026/huai-tu/index.md', line: 8, ruleId: 'image/unreadable' }),
    ]);
  });

  it('agrees with lint on a photo cut off halfway (header whole, data not): both refuse it, at its line, in the same words', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    const root = await repo({
      'content/shanye/articles/2026/ban-zhang/index.md': article('title: 半张照片\nstatus: draft', '第一段。\n\n![只传了一半](./half.jpg)\n'),
      'content/shanye/articles/2026/ban-zhang/half.jpg': photo.subarray(0, photo.length >> 1),
    });
    const [lint, build] = await Promise.all([runCli(['lint', 'content/shanye/articles/2026/ban-zhang', '--format', 'json'], root), runCli(['build', '--format', 'json'], root)]);
    const unreadable = (findings: Array<{ ruleId: string; line: number; message: string }>) => findings.filter((f) => f.ruleId.startsWith('image/')).map((f) => [f.line, f.message]);
    const linted = unreadable(JSON.parse(lint.stdout));
    expect(lint.code).toBe(1);
    expect(linted).toEqual([[8, expect.stringMatching(/^图片“\.\/half\.jpg”：无法读取图片：文件已损坏或不是图片，构建会失败/)]]);
    expect(build.code).toBe(1);
    const built = JSON.parse(build.stdout);
    expect(built).toMatchObject({ failed: ['content/shanye/articles/2026/ban-zhang/index.md'], rendered: [`${articleDir}/index.md`] });
    expect(unreadable(built.findings)).toEqual(linted);
  });

  it('does not render articles that fail validation', async () => {
    const root = await repo();
    await writeFile(join(root, `${articleDir}/index.md`), article('title: 茶\nstatus: unknown'));
    const report = await buildSite({ root });
    expect(report).toMatchObject({ rendered: [], failed: [`${articleDir}/index.md`] });
    expect(report.findings[0]).toMatchObject({ ruleId: 'schema/enum' });
  });
});
