import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFinding, type Finding } from '../shared/finding.ts';
import { article } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { articleFile, siteRepo } from './fixture.test-helper.ts';
import { beijingClock } from '../shared/beijing-time.ts';
import { deskPage } from './desk-page.ts';
import { buildSite } from './index.ts';
import { assembleDesk } from '../desk/index.ts';
import { loadContent } from '../content/index.ts';

const zuijia = 'content/shanye/articles/2026/zuijia/index.md';
/** 09:00 on Friday 4 December 2026 in Beijing. */
const now = new Date('2026-12-04T09:00:00+08:00');

/** The board column of a status, as the page writes it. */
const column = (page: string, status: string) => page.slice(page.indexOf(`<section class="column s-${status}">`)).split('</section>')[0]!;

describe('the desk, dist/index.html', () => {
  it('shows account names, a column per status in Chinese, Beijing times, covers, lint counts and failed articles', async () => {
    const root = await siteRepo({
      [zuijia]: article('title: 全城最佳的手冲\nauthor: 阿禾\nstatus: scheduled\npublish_at: 2026-12-03T12:00:00Z', '这是全城最佳的咖啡，我用iPhone拍的。\n'),
      'content/shanye/articles/2026/huai/index.md': article('title: 坏的\nstatus: 待定'),
    });
    const built = await runCli(['build'], root);
    expect(built.code).toBe(1);
    const page = await readFile(join(root, 'dist/index.html'), 'utf8');

    expect(page).toMatch(/<h2>山野咖啡 <small>shanye · 2 篇，<span class="bad">1 篇构建失败<\/span><\/small><\/h2>/);
    expect([...page.matchAll(/<section class="column s-(\w+)"><h4>([^<]+) <span class="n">(\d+)<\/span>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`)).toEqual(['draft 草稿 1', 'review 待审 0', 'approved 已批准 0', 'scheduled 已排期 1', 'published 已发布 0']);
    expect(column(page, 'scheduled')).toContain('<time datetime="2026-12-03T12:00:00Z">2026-12-03 20:00 北京时间</time>');
    expect(column(page, 'draft')).toContain('<span class="muted">未定发布时间</span>');
    expect(page).not.toMatch(/>(draft|scheduled)</);

    const thumb = page.match(/<img src="(shanye\/dongtian-shouchong\/images\/cover-500x500\.jpg)"/)?.[1];
    expect(thumb).toBeDefined();
    expect(existsSync(join(root, 'dist', thumb!))).toBe(true);

    // The counts are lint's own, for each article.
    const linted: unknown = JSON.parse((await runCli(['lint', '--format', 'json'], root)).stdout);
    const findings = (Array.isArray(linted) ? linted : []).map(parseFinding).filter((f): f is Finding => f !== undefined);
    const count = (file: string, severity: Finding['severity']) => findings.filter((f) => f.file === file && f.severity === severity).length;
    expect(count(zuijia, 'error')).toBeGreaterThan(0);
    const card = (dir: string) => page.slice(page.indexOf(`href="${dir}/preview.html"`)).split('</li>')[0]!;
    const lintHtml = (file: string) => {
      const [errors, warnings] = [count(file, 'error'), count(file, 'warning')];
      if (!errors && !warnings) return '<span class="lint clean">检查通过</span>';
      return `${errors ? `<span class="lint errors">${errors} 个错误</span>` : ''}${warnings ? `<span class="lint warnings">${warnings} 个警告</span>` : ''}`;
    };
    expect(card('shanye/zuijia')).toContain(`<div class="checks">${lintHtml(zuijia)}</div>`);
    expect(card('shanye/dongtian-shouchong')).toContain(`<div class="checks">${lintHtml(articleFile)}</div>`);

    expect(page).toMatch(/<li class="failed"><span class="title">坏的<\/span>[\s\S]*<code>content\/shanye\/articles\/2026\/huai\/index\.md:\d+:\d+<\/code> [^<]+<span class="rule">schema\/enum<\/span>/);
    // No snapshots: the tiles say so and what to run.
    expect(page).toContain('<p class="muted">暂无数据。还没有数据快照：运行 mpdesk metrics pull --account shanye');
  });

  it('has the calendar of the plan: entries on their Beijing days, the article’s link, a missed one marked, today', async () => {
    const root = await siteRepo();
    await buildSite({ root, now });
    const page = await readFile(join(root, 'dist/index.html'), 'utf8');
    const december = page.slice(page.indexOf('<details class="month" data-month="2026-12" open>')).split('</details>')[0]!;
    expect(december).toContain('<summary><strong>2026 年 12 月</strong> <span class="now">本月</span> <span class="counts">已发布 0 · 计划中 1 · <span class="bad">未发出 1</span></span></summary>');
    const day = (date: string) => december.slice(december.indexOf(`<span class="md">${date.slice(5)}</span>`)).split('</li></ul></li>')[0]!;
    expect(day('2026-12-03')).toContain('<li class="mark k-missed" title="计划条目 2026-12/01"><time datetime="2026-12-03T20:00:00+08:00">20:00</time> <a class="t" href="shanye/dongtian-shouchong/preview.html">冬天的手冲，水温要高一点</a> <span class="tags">未发出 · 草稿</span>');
    expect(day('2026-12-10')).toContain('<li class="mark k-planned" title="计划条目 2026-12/02"><time datetime="2026-12-10T20:00:00+08:00">20:00</time> <span class="t">云南咖啡产区巡礼</span> <span class="tags">待写</span>');
    expect(december).toMatch(/<li class="day today blank"><span class="d"><span class="md">12-04<\/span><span class="dd">4<\/span> <span class="wd">周五<\/span> <span class="now">今天<\/span><\/span><\/li>/);
    // No script: everything works without one, from the file system.
    expect(page).not.toMatch(/<script|https?:\/\//);
  });

  it('escapes what articles bring, and names an account without account.yaml by its id', async () => {
    const root = await siteRepo();
    const set = await loadContent(root);
    const desk = await assembleDesk({ root, set, articles: [{ file: 'content/a/articles/2026/x/index.md', dir: 'a/x', account: 'a', title: '<script>alert(1)</script>', status: 'draft' }], now });
    const page = deskPage(desk);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('<h2>a <small>a · 1 篇</small></h2>');
    expect(page).toContain('<span class="lint none">未检查</span>');
  });

  it('formats publish times in Beijing time whatever the offset written', () => {
    expect(beijingClock('2026-11-06T20:00:00+08:00')).toBe('2026-11-06 20:00 北京时间');
    expect(beijingClock('2026-12-31T18:30:00Z')).toBe('2027-01-01 02:30 北京时间');
    expect(beijingClock('明天')).toBe('明天');
  });
});

describe('the reports beside the desk', () => {
  const report = (links: string) => `<!doctype html>\n<html lang="zh-CN"><body><h1>山野咖啡 2026 年 11 月</h1>${links}<svg><use xlink:href="#a"/></svg></body></html>\n`;

  it('are copied into _reports/ with their article links turned into preview links, stale copies removed', async () => {
    const root = await siteRepo();
    await mkdir(join(root, 'reports/shanye'), { recursive: true });
    await mkdir(join(root, 'reports/_overview'), { recursive: true });
    const source = report(
      '<a href="../../content/shanye/articles/2026/dongtian-shouchong/index.md">冬天的手冲</a> <a href="../../content/shanye/articles/2026/%E6%9C%AA%E5%86%99/index.md">没写的那篇</a> <a href="https://mp.weixin.qq.com/s/abc">原文</a>',
    );
    await writeFile(join(root, 'reports/shanye/2026-11.html'), source);
    await writeFile(join(root, 'reports/_overview/2026-11.html'), '<a href="../shanye/2026-11.md">shanye</a> <a href="../gone/2026-11.md">gone</a>');
    await buildSite({ root, now });

    const page = await readFile(join(root, 'dist/index.html'), 'utf8');
    expect(page).toContain('<ul class="reports"><li><a href="_reports/shanye/2026-11.html">2026 年 11 月月报</a></li></ul>');
    expect(page).toContain('<nav><a href="_reports/_overview/2026-11.html">全部账号 2026 年 11 月月报</a></nav>');
    const copy = await readFile(join(root, 'dist/_reports/shanye/2026-11.html'), 'utf8');
    expect(copy).toBe(
      report('<a href="../../shanye/dongtian-shouchong/preview.html">冬天的手冲</a> <a title="content/shanye/articles/2026/未写/index.md（没有构建预览）">没写的那篇</a> <a href="https://mp.weixin.qq.com/s/abc">原文</a>'),
    );
    expect(existsSync(join(root, 'dist/_reports/shanye', '../../shanye/dongtian-shouchong/preview.html'))).toBe(true);
    expect(await readFile(join(root, 'dist/_reports/_overview/2026-11.html'), 'utf8')).toBe('<a href="../shanye/2026-11.html">shanye</a> <a title="reports/gone/2026-11.md">gone</a>');

    await rm(join(root, 'reports/shanye/2026-11.html'));
    await rm(join(root, 'reports/_overview'), { recursive: true });
    await buildSite({ root, now });
    expect(existsSync(join(root, 'dist/_reports'))).toBe(false);
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toContain('还没有报告：运行 mpdesk report monthly --account shanye 生成。');
  });

  it('a snapshot that cannot be read is said on standard error and on the desk; the build still passes', async () => {
    const root = await siteRepo();
    await mkdir(join(root, 'reports/shanye/metrics'), { recursive: true });
    await writeFile(join(root, 'reports/shanye/metrics/daily-2026.csv'), '\uFEFFdate,user_source\n2026-11-01\n');
    const built = await runCli(['build'], root);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/mpdesk: 注意：数据快照无法读取，shanye 的指标没有显示：reports\/shanye\/metrics\/daily-2026\.csv/);
    expect(await readFile(join(root, 'dist/index.html'), 'utf8')).toMatch(/<p class="bad">数据快照无法读取，shanye 的指标没有显示：reports\/shanye\/metrics\/daily-2026\.csv/);
  });
});
