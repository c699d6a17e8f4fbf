import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadContent, toPortable } from '../content/index.ts';
import { accountYaml, article, makeRepo, planMarkdown } from '../testing/fixture-repo.ts';
import { shareJobs } from '../shared/worker-pool.ts';
import { lintContent } from './index.ts';
import { groupLinter, type LintJob, type LintJobResult } from './lint-group.ts';
import type { LintTaskSetup } from './worker.ts';
import { LintResources } from './resources.ts';

const path = 'content/shanye/articles/2026/shouchong/index.md';

async function lint(body: string, options: { fix?: boolean; frontmatter?: string } = {}) {
  const cover = await sharp({ create: { width: 1800, height: 766, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
  const frontmatter = options.frontmatter ?? 'title: 手冲\nstatus: draft\ndigest: 冬天的手冲。\ncover: ./cover.jpg';
  const root = await makeRepo({
    'content/shanye/account.yaml': accountYaml,
    [path]: article(frontmatter, body),
    'content/shanye/articles/2026/shouchong/cover.jpg': cover,
  });
  const result = await lintContent(await loadContent(root), { fix: options.fix });
  return { ...result, root, text: () => readFile(join(root, path), 'utf8') };
}

describe('lint engine', () => {
  it('positions findings in code points of the original file, emoji and frontmatter included', async () => {
    const { findings } = await lint('🍵🍵今天用V60冲了一杯。');
    const spacing = findings.filter((f) => f.ruleId === 'style/cjk-latin-spacing');
    // Line 8: six lines of frontmatter and a blank line before it; "天用V60冲了" is at code points 4–10 after two emoji.
    expect(spacing.map((f) => [f.line, f.column, f.endColumn, f.suggestions])).toEqual([[8, 4, 11, ['天用 V60 冲了']]]);
  });

  it('catches evasion of the absolute-terms dictionary and points at the original characters', async () => {
    const { findings } = await lint('🍵这是最 佳的茶，國家級工艺，ＮＯ．１，销量第①，最*佳口感，ｔｏｐ１。');
    const hits = findings.filter((f) => f.ruleId === 'ad-law/absolute-terms');
    expect(hits.map((f) => [f.column, f.endColumn, f.severity])).toEqual([
      [4, 7, 'error'],
      [10, 13, 'error'],
      [16, 20, 'error'],
      [21, 25, 'error'],
      [26, 29, 'error'],
      [32, 36, 'error'],
    ]);
    expect(hits[1]!.message).toContain('“國家級”（即“国家级”）');
    expect(hits[3]!.message).toContain('“销量第①”（即“销量第一”）');
    expect(hits[0]!.suggestions).toEqual(['很好', '出色']);
  });

  it('leaves ordinary language alone', async () => {
    const { findings } = await lint('最近天冷，最后一泡闷久些，最终味道最初就定了。第一次来的朋友，第一步温杯；第一季度的新茶在第一章讲过。顾客第一。水温最好不要太高。');
    expect(findings.filter((f) => f.ruleId.startsWith('ad-law/'))).toEqual([]);
  });

  it('uses the account word list and its allow list', async () => {
    const cover = await sharp({ create: { width: 1800, height: 766, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
    const root = await makeRepo({
      'content/shanye/account.yaml': accountYaml,
      'content/shanye/words.yaml': 'entries:\n  - {term: 竞品咖啡, category: 竞品, severity: warning}\nallow:\n  - 极致咖啡馆\n',
      'content/words.yaml': 'entries:\n  - 团队禁词\n',
      [path]: article('title: 手冲\nstatus: draft\ndigest: 摘要。\ncover: ./cover.jpg', '别提竞品咖啡和团队禁词，我们的店叫极致咖啡馆。'),
      'content/shanye/articles/2026/shouchong/cover.jpg': cover,
    });
    const { findings } = await lintContent(await loadContent(root));
    expect(findings.map((f) => [f.ruleId, f.severity, f.message.slice(0, 8)])).toEqual([
      ['sensitive/words', 'warning', '“竞品咖啡”是敏'],
      ['sensitive/words', 'error', '“团队禁词”是敏'],
    ]);
  });

  it('finds a paragraph that closely repeats another article, naming it and its line', async () => {
    const shared = '冬天的杭州，早晚已经要穿厚外套了，茶空间里这几天被问得多的一句话是冬天该喝什么茶，答案其实没有那么玄，发酵和焙火重一些的茶汤色深滋味醇厚。';
    const root = await makeRepo({
      'content/shanye/account.yaml': accountYaml,
      'content/shanye/articles/2026/yuan-wen/index.md': article('title: 原文\nstatus: published\npublish_at: 2026-11-01T08:00:00+08:00', `开头一段。\n\n${shared}\n`),
      'content/shanye/articles/2026/xi-gao/index.md': article('title: 新稿\nstatus: draft', `完全不同的开头，讲别的事情。\n\n${shared.replace('厚外套', '大衣').replace('。', '！')}\n`),
    });
    const { findings } = await lintContent(await loadContent(root));
    const copies = findings.filter((f) => f.ruleId === 'originality/near-duplicate');
    expect(copies.map((f) => [f.file.split('/')[4], f.line])).toEqual([
      ['xi-gao', 8],
      ['yuan-wen', 9],
    ]);
    expect(copies[0]!.message).toContain('《原文》（content/shanye/articles/2026/yuan-wen/index.md 第 9 行）');
  });

  it('gives the same findings, in the same order, in worker threads as in this thread', async () => {
    const shared = '冬天的杭州，早晚已经要穿厚外套了，茶空间里这几天被问得多的一句话是冬天该喝什么茶，答案其实没有那么玄，发酵和焙火重一些的茶汤色深滋味醇厚。';
    const root = await makeRepo({
      'content/shanye/account.yaml': accountYaml,
      'content/shanye/plans/2026-12.md': planMarkdown,
      'content/shanye/articles/2026/yuan-wen/index.md': article('title: 原文\nstatus: published\npublish_at: 2026-11-01T08:00:00+08:00', `用Python统计。\n\n${shared}\n`),
      'content/shanye/articles/2026/xi-gao/index.md': article('title: 新稿\nstatus: draft', `最佳的开头。\n\n${shared.replace('厚外套', '大衣')}\n`),
      'content/shanye/articles/2026/zhuan-zai/index.md': article('title: 转载\nstatus: draft', `<!-- mpdesk-disable-next-line originality -->\n${shared}\n\n${shared}\n`),
      'content/shanye/articles/2026/huai/index.md': '---\ntitle: [坏\n---\n正文。\n',
    });
    const here = await lintContent(await loadContent(root), { cache: false, workers: 1 });
    const parallel = await lintContent(await loadContent(root), { cache: false, workers: 2 });
    expect(here.findings.filter((f) => f.ruleId === 'originality/near-duplicate').map((f) => f.file.split('/')[4])).toEqual(['xi-gao', 'yuan-wen', 'zhuan-zai']);
    expect(parallel.findings).toEqual(here.findings);
    // Only one file wanted: the others are fingerprinted for the comparison, not linted.
    const only = (file: string) => file.includes('/xi-gao/');
    const hereOne = await lintContent(await loadContent(root), { cache: false, workers: 1, only });
    expect(hereOne.findings.some((f) => f.ruleId === 'originality/near-duplicate')).toBe(true);
    expect((await lintContent(await loadContent(root), { cache: false, workers: 2, only })).findings).toEqual(hereOne.findings);
  });

  it('lints in a worker thread exactly as in this one', async () => {
    const root = await makeRepo({
      'content/shanye/account.yaml': accountYaml,
      'content/shanye/plans/2026-12.md': planMarkdown,
      'content/shanye/words.yaml': 'entries:\n  - {term: 竞品咖啡, category: 竞品, severity: warning}\n',
      'content/shanye/articles/2026/a/index.md': article('title: 甲\nstatus: draft', '用Python统计，最佳的竞品咖啡。\n'),
      'content/shanye/articles/2026/b/index.md': article('title: 乙\nstatus: draft', '<!-- mpdesk-disable style -->\n用Go统计，国家级。\n'),
    });
    const set = await loadContent(root);
    const resources = new LintResources(root);
    const jobs: LintJob[] = [...set.articles, ...set.plans].map((f) => ({ kind: 'lint', file: f.source.file }));
    const expected = new Map<string, LintJobResult>();
    await groupLinter(set, resources)(jobs, (result) => expected.set(result.file, result));

    const results = new Map<string, LintJobResult>();
    let workerFirst: () => void = () => undefined;
    const fromWorker = new Promise<void>((resolve) => (workerFirst = resolve));
    const here = groupLinter(set, resources);
    await shareJobs<LintTaskSetup, LintJob, LintJobResult>({
      module: new URL('./worker.ts', import.meta.url),
      setup: { set: toPortable(set), part: { lists: await resources.wordLists(['shanye']), ruleModules: [] } },
      jobs,
      groupSize: 1,
      workers: 1,
      // This thread waits for the worker's first file, so the worker surely lints one.
      here: async (group, emit) => {
        await fromWorker;
        await here(group, emit);
      },
      onResult: (result) => {
        results.set(result.file, result);
        workerFirst();
      },
    });
    expect(results).toEqual(expected);
  });

  it('reuses cached results for unchanged files and notices a change', async () => {
    const first = await lint('用Python统计。');
    const set = await loadContent(first.root);
    const again = await lintContent(set);
    expect(again.cached).toBe(1);
    expect(again.findings).toEqual(first.findings);
  });

  it('skips code, inline code, URLs and HTML comments', async () => {
    const { findings } = await lint('看`npm install`和[链接](https://a.com/最佳)。\n\n```\n用Python统计3款\n```\n\n<!-- 用Python -->\n');
    expect(findings.filter((f) => f.ruleId.startsWith('style/'))).toEqual([]);
  });

  it('honours disable-next-line and disable/enable ranges, by rule or family', async () => {
    const body = [
      '<!-- mpdesk-disable-next-line style/cjk-latin-spacing -- 产品名 -->',
      '用Python统计。',
      '',
      '<!-- mpdesk-disable style -->',
      '',
      '用Java统计。',
      '',
      '<!-- mpdesk-enable style -->',
      '',
      '用Go统计。',
    ].join('\n');
    const { findings } = await lint(body);
    expect(findings.filter((f) => f.ruleId.startsWith('style/') || f.ruleId.startsWith('lint/')).map((f) => f.line)).toEqual([17]);
  });

  it('--fix applies the mechanical fixes only in prose, and a second run changes nothing', async () => {
    const body = '用Python统计3款茶 ，真好喝！！！\n\n- 列表项用Go写\n\n```\n用Python统计\n```\n\n见[文档](https://a.com/用Python)。\n';
    const first = await lint(body, { fix: true });
    const fixed = await first.text();
    expect(fixed).toContain('用 Python 统计 3 款茶，真好喝！\n');
    expect(fixed).toContain('- 列表项用 Go 写');
    expect(fixed).toContain('```\n用Python统计\n```');
    expect(fixed).toContain('(https://a.com/用Python)');
    expect(fixed).toContain('title: 手冲');
    expect(first.fixed).toEqual([path]);
    expect(first.findings.filter((f) => f.ruleId.startsWith('style/'))).toEqual([]);

    const again = await lintContent(await loadContent(first.root), { fix: true });
    expect(again.fixed).toEqual([]);
    expect(await first.text()).toBe(fixed);
  });

  it('writes nothing without --fix', async () => {
    const { text, findings } = await lint('用Python统计。');
    expect(findings.some((f) => f.ruleId === 'style/cjk-latin-spacing')).toBe(true);
    expect(await text()).toContain('用Python统计。');
  });

  it('includes schema findings and keeps going past a broken file', async () => {
    const { findings } = await lint('正文。', { frontmatter: 'title: 手冲\nstatus: unknown' });
    expect(findings.some((f) => f.ruleId === 'schema/enum')).toBe(true);
  });
});
