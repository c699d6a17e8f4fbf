import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestRepo } from '../testing/git-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { reportRepo } from './report.test-helper.ts';

// The report commands as a user runs them, on a committed repository whose snapshots came from the fake WeChat
// through the metrics stage (September to November 2026).

let repo: TestRepo;
beforeAll(async () => {
  repo = await reportRepo();
}, 60_000);

const read = (file: string) => readFile(join(repo.root, file), 'utf8');
const monthly = ['report', 'monthly', '--account', 'shanye', '--period', '2026-11'];

describe('mpdesk report', { timeout: 90_000 }, () => {
  it('writes the monthly Markdown, a self-contained HTML page and the charts, the same bytes every time', async () => {
    const first = await runCli(monthly, repo.root);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^shanye：已写入 reports\/shanye\/2026-11\.md、reports\/shanye\/2026-11\.html 和 5 张图（reports\/shanye\/2026-11\/）。阅读次数 [\d,]+（目标 40,000 [✔✘]），净增关注 [\d,]+（目标 800 [✔✘]），异常 \d+ 处。\n$/);
    expect((await readdir(join(repo.root, 'reports/shanye/2026-11'))).sort()).toEqual(['followers.svg', 'hours.svg', 'kpi.svg', 'reads.svg', 'sources.svg']);
    const markdown = await read('reports/shanye/2026-11.md');
    for (const section of ['## 要点', '## 核心指标', '## 每日阅读', '## 关注', '## 阅读来源', '## 阅读时段与发布时段', '## 文章', '## 计划与实际', '## 发布节奏', '## 异常', '## 标题与时段对比', '## 指标口径']) expect(markdown).toContain(`\n${section}\n`);
    expect(markdown).toContain('![每日阅读次数与阅读人数（三角为发文日）](2026-11/reads.svg)');
    // Each definition once.
    expect(markdown.match(/\*\*打开率\*\* = 阅读人数 ÷ 送达人数/g)).toHaveLength(1);
    expect(markdown).toMatch(/\| 阅读人数 \| [\d,]+ \| 未设目标 \| — \|/);
    // Articles link to their files; a send the repository lacks says so, its title escaped.
    expect(markdown).toContain('[云南咖啡产区巡礼](../../content/shanye/articles/2026/yunnan-chandi/index.md)');
    expect(markdown).toContain('山野咖啡十二月活动 \\| \\<b\\>报名\\</b\\>（仓库里没有）');
    // Plan against what went out: on time by the receipt, nine days late by publish_at, one missing.
    expect(markdown).toMatch(/\| 2026-11\/01 \| 11-20 周五 20:00 \| 云南咖啡产区巡礼 \| 图文 \| 准时 \| 11-20 20:00 \|/);
    expect(markdown).toMatch(/\| 2026-11\/03 \| 11-13 周五 20:00 \| 冬天的手冲怎么调水温 \| 图文 \| 推迟 9 天 \| 11-22 20:00 \|/);
    expect(markdown).toMatch(/\| 2026-11\/02 \| 11-27 周五 20:00 \| 冬季豆单 \| 图片 \| 未发出 \| — \| 还没有文章 \|/);
    // The article sent at 00:30 on 1 December, Beijing time, is not November's.
    expect(markdown).not.toContain('月底的最后一杯');
    // The bought reads of 11-11, with the rule shown.
    expect(markdown).toMatch(/- \*\*11-11 阅读暴涨、分享没有跟上\*\*.*基线：前 28 天中位数（28 天有数据）：阅读 [\d,]+ 次.*阈值：阅读 ≥ 基线 × 3/);
    expect(markdown).toMatch(/- \*\*11-11 阅读集中在夜间\*\*：0–5 点阅读/);

    const html = await read('reports/shanye/2026-11.html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).not.toMatch(/<img|<script|src="http|href="http[^"]*\.css/);
    expect(html).toContain('山野咖啡十二月活动 | &#x3C;b>报名&#x3C;/b>');
    // Ids differ between the charts of one page.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const svg = await read('reports/shanye/2026-11/reads.svg');
    expect(svg).toContain("font-family:'PingFang SC', 'Noto Sans CJK SC'");
    expect(svg).not.toMatch(/zr\d+-/);

    const files = ['2026-11.md', '2026-11.html', ...['followers', 'hours', 'kpi', 'reads', 'sources'].map((name) => `2026-11/${name}.svg`)];
    const before = await Promise.all(files.map((file) => read(`reports/shanye/${file}`)));
    const again = await runCli([...monthly, '--all'].filter((arg, i, all) => !(arg === '--account' || all[i - 1] === '--account')), repo.root);
    expect(again.code).toBe(0);
    expect(await Promise.all(files.map((file) => read(`reports/shanye/${file}`)))).toEqual(before);
    expect(again.stdout).toContain('shanye：没有变化，未改写 reports/shanye/2026-11.md、reports/shanye/2026-11.html 和 5 张图（reports/shanye/2026-11/）。');
    expect(again.stdout).toContain('总览：已写入 reports/_overview/2026-11.md、reports/_overview/2026-11.html（1 个账号）。');
    expect(await read('reports/_overview/2026-11.md')).toMatch(/\| \[shanye\]\(\.\.\/shanye\/2026-11\.md\) \| 山野咖啡 \| \d\/3 \|/);
  });

  it('--format json gives the report as data', async () => {
    const result = await runCli([...monthly, '--format', 'json'], repo.root);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.period).toMatchObject({ kind: 'monthly', id: '2026-11', first: '2026-11-01', last: '2026-11-30' });
    const [report] = data.reports;
    expect(report).toMatchObject({ account: 'shanye', name: '山野咖啡', asOf: '2026-11-30', coveredDays: 30, files: { markdown: 'reports/shanye/2026-11.md', html: 'reports/shanye/2026-11.html' } });
    expect(report.kpis.map((kpi: { id: string }) => kpi.id)).toEqual(['reads', 'readers', 'open_rate', 'share_rate', 'favorite_rate', 'net_followers']);
    expect(report.totals.reads).toBe(report.days.reduce((sum: number, day: { reads?: number }) => sum + (day.reads ?? 0), 0));
    expect(report.anomalies.map((one: { rule: string; day: string }) => `${one.day} ${one.rule}`)).toContain('2026-11-11 night-reads');
    expect(report.plan.unplanned).toEqual([{ title: '山野咖啡十二月活动 | <b>报名</b>', day: '2026-11-22' }, { title: '山野咖啡第 10 期豆单', day: '2026-11-06' }].sort((a, b) => (a.day < b.day ? -1 : 1)));
  });

  it('writes a weekly report of an ISO week', async () => {
    const result = await runCli(['report', 'weekly', '--account', 'shanye', '--period', '2026-W47'], repo.root);
    expect(result.code).toBe(0);
    const markdown = await read('reports/shanye/2026-W47.md');
    expect(markdown).toMatch(/^# 山野咖啡 周报 · 2026 年第 47 周（11-16 至 11-22）/);
    expect(markdown).toMatch(/\| 阅读次数 \| [\d,]+ \| 9,199（月目标 × 7 ÷ 30\.44） \|/);
  });

  it('misuse exits 2: an unknown account, a bad period, --all with --account', async () => {
    const unknown = await runCli(['report', 'monthly', '--account', 'nope'], repo.root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nope');
    for (const [kind, period, words] of [
      ['monthly', '2026-13', '月报的 --period 应写成 YYYY-MM'],
      ['weekly', '2025-W53', '2025 年只有 52 个 ISO 周'],
      ['weekly', '2026-11', '月报用 mpdesk report monthly'],
    ]) {
      const bad = await runCli(['report', kind!, '--period', period!], repo.root);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(words);
    }
    const both = await runCli(['report', 'monthly', '--all', '--account', 'shanye'], repo.root);
    expect(both).toMatchObject({ code: 2, stderr: 'mpdesk: --all 是所有账号加一页总览，不能和 --account 一起用。\n' });
  });

  it('a period the snapshots do not hold exits 1 saying which days they do, and writes nothing', async () => {
    const result = await runCli(['report', 'monthly', '--account', 'shanye', '--period', '2025-06'], repo.root);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('mpdesk: shanye：reports/shanye/metrics/ 没有 2025-06 的数据（快照从 2026-09-01 到 2026-11-30）。\n');
    expect(result.stdout).toBe('2025-06：没有写出报告。\n');
    await expect(read('reports/shanye/2025-06.md')).rejects.toThrow();
  });

  it('--commit commits the report files alone, and nothing when they are unchanged', async () => {
    await repo.commit('plan', { name: '运营 王芳', email: 'operator@shanye.example' }, '2026-12-01T12:00:00+08:00', { 'notes.txt': '不相关的文件\n' });
    await runCli(['report', 'monthly', '--period', '2026-10', '--account', 'shanye'], repo.root);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(repo.root, 'notes.txt'), '改了，但不该被提交\n');
    const result = await runCli(['report', 'monthly', '--period', '2026-10', '--all', '--commit'], repo.root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已提交：report: monthly 2026-10, shanye and the overview\n');
    const shown = (await repo.git.show(['--name-only', '--format=%s', 'HEAD'])).trim().split('\n');
    expect(shown[0]).toBe('report: monthly 2026-10, shanye and the overview');
    expect(shown.slice(1).filter(Boolean).sort()).toEqual([
      'reports/_overview/2026-10.html',
      'reports/_overview/2026-10.md',
      'reports/_overview/2026-10/accounts.svg',
      'reports/shanye/2026-10.html',
      'reports/shanye/2026-10.md',
      ...['followers', 'hours', 'kpi', 'reads', 'sources'].map((name) => `reports/shanye/2026-10/${name}.svg`),
    ]);
    expect(await repo.git.status()).toMatchObject({ modified: ['notes.txt'] });
    const again = await runCli(['report', 'monthly', '--period', '2026-10', '--all', '--commit'], repo.root);
    expect(again.stdout).toContain('报告没有变化，没有提交。');
  });
});
