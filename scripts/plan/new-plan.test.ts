import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import { runCli } from '../testing/run-cli.ts';
import { validateContent } from '../validate/index.ts';
import { accountYaml, coffeeRepo } from './fixture.test-helper.ts';
import { newPlan } from './index.ts';

const january = 'content/shanye/plans/2027-01.md';

describe('mpdesk plan new', () => {
  it('scaffolds the month from the cadence in China time, as a plan that validates, and says what to do next', async () => {
    const root = await coffeeRepo();
    const result = await runCli(['plan', 'new', '2027-01', '--account', 'shanye'], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`已创建 ${january}：9 个条目（每周二 20:00、周五 20:00）。\n下一步：填上每条的选题，然后运行 mpdesk plan check --account shanye --month 2027-01\n`);
    const text = await readFile(join(root, january), 'utf8');
    expect(text.split('\n').slice(0, 10)).toEqual([
      '---',
      '# 由 mpdesk plan new 按 account.yaml 的发布节奏（每周二 20:00、周五 20:00，北京时间）生成。',
      '# 把每条的 topic“待定”换成选题，补上 format（图文、视频、图片、音频、转载）、owner 和 goal；可加 theme 和 goals。',
      'month: "2027-01"',
      'entries:',
      '  - id: "01"',
      '    topic: 待定',
      '    publish_at: 2027-01-01T20:00:00+08:00',
      '  - id: "02"',
      '    topic: 待定',
    ]);
    expect(text.match(/publish_at: .+/g)!.map((line) => line.slice(12, 22))).toEqual([
      '2027-01-01', '2027-01-05', '2027-01-08', '2027-01-12', '2027-01-15', '2027-01-19', '2027-01-22', '2027-01-26', '2027-01-29',
    ]);
    expect(await validateContent(await loadContent(root))).toEqual([]);
    // Nothing left behind by the atomic write.
    expect(await readdir(join(root, 'content/shanye/plans'))).toEqual(['2026-12.md', '2027-01.md']);

    const check = await runCli(['plan', 'check', '--month', '2027-01', '--format', 'json'], root);
    expect(check.code).toBe(0);
    const findings: Array<{ ruleId: string; line: number }> = JSON.parse(check.stdout);
    expect(findings.filter((f) => f.ruleId === 'plan/topic-todo').map((f) => f.line)).toEqual([7, 10, 13, 16, 19, 22, 25, 28, 31]);
  });

  it('never overwrites a plan: exit 2 naming it, the file as it was', async () => {
    const root = await coffeeRepo();
    const before = await readFile(join(root, 'content/shanye/plans/2026-12.md'), 'utf8');
    const result = await runCli(['plan', 'new', '2026-12', '--account', 'shanye'], root);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'mpdesk: 计划已存在：content/shanye/plans/2026-12.md，不会覆盖。要重新生成，先删除或改名这个文件。\n' });
    expect(await readFile(join(root, 'content/shanye/plans/2026-12.md'), 'utf8')).toBe(before);
  });

  it('needs a cadence, and says how to write one', async () => {
    const root = await coffeeRepo({ 'content/shanye/account.yaml': accountYaml('') });
    const result = await runCli(['plan', 'new', '2027-01', '--account', 'shanye'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'mpdesk: content/shanye/account.yaml 没有 cadence（发布节奏），无法生成计划：写上每周的发布时段（北京时间），如 cadence: [{weekday: 二, time: "20:00"}, {weekday: 五, time: "20:00"}]。运行 mpdesk validate content/shanye/account.yaml 检查。\n',
    );
  });

  it('refuses a month that is not one, and a cadence written wrong, before writing anything', async () => {
    const root = await coffeeRepo({ 'content/shanye/account.yaml': accountYaml('cadence:\n  - {weekday: 周五, time: "20:00"}\n') });
    expect(await runCli(['plan', 'new', '2027-13', '--account', 'shanye'], root)).toMatchObject({ code: 2, stderr: 'mpdesk: 月份应写成 YYYY-MM，如 2027-01：2027-13\n' });
    const result = await newPlan(await loadContent(root), { account: 'shanye', month: '2027-01' });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('content/shanye/account.yaml 的 cadence 写得不对') });
    expect(await readdir(join(root, 'content/shanye/plans'))).toEqual(['2026-12.md']);
  });

  it('starts a Monday 00:30 slot on the Monday in Beijing', async () => {
    const root = await coffeeRepo({ 'content/shanye/account.yaml': accountYaml('cadence:\n  - {weekday: 一, time: "00:30"}\n') });
    const result = await newPlan(await loadContent(root), { account: 'shanye', month: '2027-02' });
    expect(result).toMatchObject({ ok: true, entries: [{ id: '01', publish_at: '2027-02-01T00:30:00+08:00' }, { id: '02' }, { id: '03' }, { id: '04', publish_at: '2027-02-22T00:30:00+08:00' }] });
  });
});
