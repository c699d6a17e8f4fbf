import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { articleFile, articlePath, coffeeRepo, coffeeSet } from './fixture.test-helper.ts';
import { planStatus } from './index.ts';

const more = {
  [articlePath('yunnan-chandi')]: articleFile({ title: '云南咖啡产区巡礼', status: 'published', publish_at: '2026-12-04T20:00:00+08:00', plan: '2026-12/02', url: 'https://mp.weixin.qq.com/s/Yn8cHd2Q' }),
  // Rescheduled from the plan's Tuesday 20:00 to Wednesday noon.
  [articlePath('guipi-natie')]: articleFile({ title: '圣诞特调：桂皮拿铁', status: 'review', publish_at: '2026-12-09T12:00:00+08:00', plan: '2026-12/03' }),
  [articlePath('guipi-natie-shipin')]: articleFile({ title: '桂皮拿铁（视频版）', status: 'approved', plan: '2026-12/03' }),
  [articlePath('dali-kafeiguan')]: articleFile({ title: '大理古城里的三家咖啡馆', status: 'draft', publish_at: '2026-12-11T20:00:00+08:00' }),
};

describe('plan status', () => {
  it('gives each entry its article’s status, planned while there is none, and unplanned articles their own row', async () => {
    const result = planStatus(await coffeeSet(more), { account: 'shanye', month: '2026-12' });
    if (!result.ok) throw new Error(result.message);
    expect(result.rows.map((row) => [row.entry, row.beijing, row.status, row.articles.length])).toEqual([
      ['2026-12/01', '2026-12-01 周二 20:00', 'scheduled', 1],
      ['2026-12/02', '2026-12-04 周五 20:00', 'published', 1],
      // The article's time wins over the plan's; with two articles, the one furthest behind says where it stands.
      ['2026-12/03', '2026-12-09 周三 12:00', 'review', 2],
      [null, '2026-12-11 周五 20:00', 'draft', 1],
    ]);
    expect(result.rows[2]).toMatchObject({ planned_at: '2026-12-08T20:00:00+08:00', publish_at: '2026-12-09T12:00:00+08:00', owner: '阿禾', format: '图文', goal: '到店' });
    expect(result.rows[1]!.articles).toEqual([
      { file: articlePath('yunnan-chandi'), title: '云南咖啡产区巡礼', status: 'published', publish_at: '2026-12-04T20:00:00+08:00', url: 'https://mp.weixin.qq.com/s/Yn8cHd2Q' },
    ]);
  });

  it('prints a table aligned by display width, with the count by status', async () => {
    const root = await coffeeRepo(more);
    const result = await runCli(['plan', 'status', '--account', 'shanye'], root);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('条目        发布时间（北京时间）   选题                          形式  负责人  状态              文章');
    expect(lines[4]).toBe('2026-12/03  2026-12-09 周三 12:00  圣诞特调：桂皮拿铁            图文  阿禾    审核中 review     guipi-natie-shipin、guipi-natie');
    // Every row's status starts in the same terminal column as the header's, whatever the Chinese before it.
    const statusColumn = (line: string) => stringWidth(line.slice(0, line.search(/待写|草稿|审核中|已过审|已排期|已发布|状态/)));
    expect(new Set(lines.slice(2, 6).map(statusColumn))).toEqual(new Set([statusColumn(lines[0]!)]));
    expect(lines.at(-2)).toBe('共 3 个条目、1 篇计划外文章：草稿 1，审核中 1，已排期 1，已发布 1。');
  });

  it('names a plan it could not read, and exits 1', async () => {
    const root = await coffeeRepo({ 'content/shanye/plans/2027-01.md': '---\nmonth: "2027-01"\nentries: [\n---\n' });
    const result = await runCli(['plan', 'status', '--format', 'json'], root);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toHaveLength(3);
    expect(result.stderr).toBe('mpdesk: 计划无法读取，没有列入：content/shanye/plans/2027-01.md。运行 mpdesk plan check 查看原因。\n');
  });
});
