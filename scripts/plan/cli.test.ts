import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { articleFile, articlePath, coffeeRepo } from './fixture.test-helper.ts';

const clash = {
  [articlePath('yunnan-chandi')]: articleFile({ title: '云南咖啡产区巡礼', status: 'draft', publish_at: '2026-12-04T20:00:00+08:00', plan: '2026-12/02' }),
  [articlePath('shengdan-tedian')]: articleFile({ title: '圣诞特调预告', status: 'draft', publish_at: '2026-12-04T12:30:00Z', plan: '2026-12/03' }),
};

describe('mpdesk plan check', () => {
  it('exits 0 on warnings alone, with the summary of what it checked', async () => {
    const result = await runCli(['plan', 'check'], await coffeeRepo());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('content/shanye/plans/2026-12.md\n  11:5    警告  条目 2026-12/02「云南咖啡产区巡礼：保山与普洱」');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('! 检查了 1 个账号、1 个计划、3 个条目、1 篇文章：0 个错误，2 个警告。');
  });

  it('exits 1 when two articles take one slot, and gives findings in the lint contract as JSON', async () => {
    const result = await runCli(['plan', 'check', '--account', 'shanye', '--month', '2026-12', '--format', 'json'], await coffeeRepo(clash));
    expect(result.code).toBe(1);
    const findings: Array<Record<string, unknown>> = JSON.parse(result.stdout);
    // The article moved to 20:30 is reported where its time is written, the entry it left behind at the plan.
    expect(findings.filter((f) => f.ruleId === 'plan/slot-taken')).toEqual([
      expect.objectContaining({ file: articlePath('shengdan-tedian'), line: 5, column: 1, endLine: 5, endColumn: 11, severity: 'error', field: 'publish_at' }),
      expect.objectContaining({ file: 'content/shanye/plans/2026-12.md', line: 15, column: 5, endLine: 15, endColumn: 15, severity: 'error', field: 'entries[1].publish_at' }),
    ]);
  });

  it('refuses a month that is not one, a month without a plan and an unknown account, with exit 2', async () => {
    const root = await coffeeRepo();
    expect(await runCli(['plan', 'check', '--month', '2026-13'], root)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^mpdesk: 选项 --month <YYYY-MM> 的值“2026-13”无效；月份应写成 YYYY-MM，如 2027-01：2026-13\n用法：mpdesk plan check/) });
    expect(await runCli(['plan', 'check', '--month', '2027-01'], root)).toMatchObject({ code: 2, stderr: 'mpdesk: 没有 2027-01 的计划（content/<账号>/plans/2027-01.md）。现有计划：2026-12。可以用 mpdesk plan new 2027-01 --account <账号> 按发布节奏生成。\n' });
    expect(await runCli(['plan', 'status', '--account', 'shanyee'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('shanye') });
  });
});

describe('mpdesk plan help', () => {
  it('lists the subcommands, and each has examples and exit codes', async () => {
    const root = await coffeeRepo();
    const bare = await runCli(['plan'], root);
    expect(bare).toMatchObject({ code: 2, stderr: expect.stringContaining('mpdesk plan 后面缺少子命令：可用 new、check、status、ics') });
    for (const command of ['new', 'check', 'status', 'ics']) {
      const help = await runCli(['plan', command, '--help'], root, { COLUMNS: '200' });
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`例 Examples?:\\n  mpdesk plan ${command}`));
      expect(help.stdout).toContain('退出码 Exit: 0');
    }
  });
});
