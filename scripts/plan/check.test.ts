import { describe, expect, it } from 'vitest';
import type { Finding } from '../shared/finding.ts';
import { accountYaml, articleFile, articlePath, coffeeSet, decemberEntries, planFile } from './fixture.test-helper.ts';
import { checkPlans, planStatus } from './index.ts';

const december = 'content/shanye/plans/2026-12.md';

async function findings(files: Parameters<typeof coffeeSet>[0] = {}, month?: string): Promise<Finding[]> {
  const result = await checkPlans(await coffeeSet(files), { account: 'shanye', ...(month ? { month } : {}) });
  if (!result.ok) throw new Error(result.message);
  return result.findings;
}

const only = (list: Finding[], ruleId: string) => list.filter((f) => f.ruleId === ruleId);
const where = (f: Finding) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;

describe('plan check: entries and articles', () => {
  it('names each entry with no article at the entry, and each article with no entry at its publish_at', async () => {
    const list = await findings({
      [articlePath('dali-kafeiguan')]: articleFile({ title: '大理古城里的三家咖啡馆', status: 'draft', publish_at: '2026-12-11T20:00:00+08:00' }),
    });
    const missing = only(list, 'plan/entry-without-article');
    // Entry 02 is lines 11–15 of the plan, from `id` after `  - ` to the end of `    publish_at: …`.
    expect(missing.map(where)).toEqual([`${december}:11:5-15:42`, `${december}:16:5-21:13`]);
    expect(missing[0]).toMatchObject({
      severity: 'warning',
      field: 'entries[1]',
      message: '条目 2026-12/02「云南咖啡产区巡礼：保山与普洱」（2026-12-04 周五 20:00）还没有文章：新建一篇，frontmatter 写 plan: 2026-12/02。',
      suggestions: ['mpdesk new article --account shanye --plan 2026-12/02 --title "云南咖啡产区巡礼：保山与普洱"'],
    });
    const unplanned = only(list, 'plan/unplanned-article');
    expect(unplanned.map(where)).toEqual([`${articlePath('dali-kafeiguan')}:5:1-5:11`]);
    expect(unplanned[0]!.message).toBe(
      `文章「大理古城里的三家咖啡馆」在北京时间 2026-12-11 20:00 发布，属于 2026-12，但没有写 plan:，不在计划里：在 ${december} 加一条，并在文章里写 plan: 2026-12/<条目 id>。`,
    );
  });

  it('points at plan: when an article names an entry the plan does not have', async () => {
    const list = await findings({
      [articlePath('guilan-natie')]: articleFile({ title: '桂皮拿铁的做法', status: 'draft', publish_at: '2026-12-15T20:00:00+08:00', plan: '2026-12/09' }),
    });
    expect(only(list, 'plan/unplanned-article').map((f) => [where(f), f.field])).toEqual([[`${articlePath('guilan-natie')}:6:1-6:5`, 'plan']]);
    expect(only(list, 'plan/unplanned-article')[0]!.message).toContain('写的计划条目 2026-12/09 不存在');
  });

  it('asks for a topic still left as 待定, and does not also ask for its article', async () => {
    const entries = [...decemberEntries.slice(0, 2), { id: '03', topic: '待定', publish_at: '2026-12-08T20:00:00+08:00' }];
    const list = await findings({ [december]: planFile('2026-12', entries) });
    expect(only(list, 'plan/topic-todo').map((f) => [where(f), f.field])).toEqual([[`${december}:17:5-17:10`, 'entries[2].topic']]);
    expect(only(list, 'plan/entry-without-article').map((f) => f.field)).toEqual(['entries[1]']);
  });
});

describe('plan check: months and days in China time', () => {
  it('puts an article whose UTC evening is past midnight in Beijing into the next month', async () => {
    // 2026-11-30T16:30Z is 2026-12-01 00:30 in Beijing: a December article.
    const files = { [articlePath('yewan-kafei')]: articleFile({ title: '深夜咖啡馆的最后一杯', status: 'draft', publish_at: '2026-11-30T16:30:00Z' }) };
    expect(only(await findings(files, '2026-12'), 'plan/unplanned-article')[0]!.message).toContain('在北京时间 2026-12-01 00:30 发布，属于 2026-12');
    const november = { ...files, 'content/shanye/plans/2026-11.md': planFile('2026-11', [{ id: '01', topic: '秋天的最后一批新豆', publish_at: '2026-11-27T20:00:00+08:00' }]) };
    expect(only(await findings(november, '2026-11'), 'plan/unplanned-article')).toEqual([]);
  });

  it('refuses an entry whose time is in another month in Beijing, and accepts 00:00 +08:00 as the first day', async () => {
    const entries = [
      { id: '01', topic: '月初第一杯', publish_at: '2026-11-30T16:00:00Z' }, // 2026-12-01 00:00 Beijing: December
      { id: '02', topic: '十一月的尾巴', publish_at: '2026-11-30T15:59:00Z' }, // 2026-11-30 23:59 Beijing
      { id: '03', topic: '跨年夜特调', publish_at: '2026-12-31T20:00:00Z' }, // 2027-01-01 04:00 Beijing
    ];
    const list = only(await findings({ [december]: planFile('2026-12', entries) }), 'plan/entry-outside-month');
    expect(list.map((f) => [f.line, f.column, f.severity, f.field])).toEqual([
      [10, 5, 'error', 'entries[1].publish_at'],
      [13, 5, 'error', 'entries[2].publish_at'],
    ]);
    expect(list[1]!.message).toBe('条目 2026-12/03 的计划时间 2026-12-31T20:00:00Z 是北京时间 2027-01-01 04:00，不在本计划的月份 2026-12 内：改时间，或把它移到 2027-01 的计划里。');
  });
});

describe('plan check: slots', () => {
  it('flags two articles in the same Beijing hour, written in different offsets, on both', async () => {
    const list = await findings({
      [articlePath('yunnan-chandi')]: articleFile({ title: '云南咖啡产区巡礼', status: 'draft', publish_at: '2026-12-04T20:00:00+08:00', plan: '2026-12/02' }),
      [articlePath('shengdan-tedian')]: articleFile({ title: '圣诞特调预告', status: 'draft', publish_at: '2026-12-04T12:30:00Z' }),
    });
    const taken = only(list, 'plan/slot-taken');
    expect(taken.map((f) => [f.file, f.line, f.severity])).toEqual([
      [articlePath('shengdan-tedian'), 5, 'error'],
      [december, 15, 'error'],
    ]);
    expect(taken[1]!.message).toBe(
      `2026-12/02「云南咖啡产区巡礼：保山与普洱」与「圣诞特调预告」（2026-12-04 20:30，${articlePath('shengdan-tedian')}）在同一时段（北京时间 2026-12-04 20 点）：同一账号一个时段只发一篇，请错开。`,
    );
  });

  it('tells two articles on one entry apart by their titles, each where its time is written', async () => {
    const list = await findings({
      [articlePath('guipi-natie')]: articleFile({ title: '圣诞特调：桂皮拿铁', status: 'draft', publish_at: '2026-12-08T20:00:00+08:00', plan: '2026-12/03' }),
      [articlePath('guipi-natie-shipin')]: articleFile({ title: '桂皮拿铁（视频版）', status: 'draft', publish_at: '2026-12-08T20:00:00+08:00', plan: '2026-12/03' }),
    });
    expect(only(list, 'plan/slot-taken').map((f) => [f.file, f.line, f.message.split('与')[0]])).toEqual([
      [articlePath('guipi-natie-shipin'), 5, '2026-12/03「桂皮拿铁（视频版）」'],
      [articlePath('guipi-natie'), 5, '2026-12/03「圣诞特调：桂皮拿铁」'],
    ]);
  });

  it('leaves two articles that are already published alone: that is history', async () => {
    const list = await findings({
      [articlePath('dongtian-shouchong')]: articleFile({ title: '冬天的手冲', status: 'published', publish_at: '2026-12-01T20:00:00+08:00', plan: '2026-12/01', url: 'https://mp.weixin.qq.com/s/AbC' }),
      [articlePath('cidiao')]: articleFile({ title: '次条：手冲壶怎么选', status: 'published', publish_at: '2026-12-01T20:00:00+08:00', url: 'https://mp.weixin.qq.com/s/DeF' }),
    });
    expect(only(list, 'plan/slot-taken')).toEqual([]);
  });
});

describe('plan check: cadence gaps', () => {
  it('counts the days between publishing days in Beijing against the longest gap the cadence leaves', async () => {
    // Tuesday and Friday leave at most 4 days (Friday to Tuesday). 12-04 20:00 to 12-08T23:30Z (12-09 07:30 in
    // Beijing) is 5 days in China, though only 4 by the UTC date.
    const entries = [
      { id: '01', topic: '冬天的手冲怎么调水温', publish_at: '2026-12-01T20:00:00+08:00' },
      { id: '02', topic: '产区巡礼', publish_at: '2026-12-04T20:00:00+08:00' },
      { id: '03', topic: '早安咖啡', publish_at: '2026-12-08T23:30:00Z' },
      { id: '04', topic: '圣诞特调', publish_at: '2026-12-11T20:00:00+08:00' },
    ];
    const gaps = only(await findings({ [december]: planFile('2026-12', entries) }), 'plan/cadence-gap');
    expect(gaps.map((f) => [f.line, f.column, f.field])).toEqual([[13, 5, 'entries[2].publish_at']]);
    expect(gaps[0]!.message).toBe(
      '2026-12/03「早安咖啡」距上一篇 2026-12/02「产区巡礼」（2026-12-04 20:00）5 天，发布节奏（每周二 20:00、周五 20:00）最多隔 4 天：在中间补一篇，或调整计划时间。',
    );
  });

  it('measures the gap from last month’s final entry, and reports it in the month it ends in', async () => {
    const november = planFile('2026-11', [{ id: '01', topic: '秋天的最后一批新豆', publish_at: '2026-11-24T20:00:00+08:00' }]);
    const files = { 'content/shanye/plans/2026-11.md': november };
    expect(only(await findings(files, '2026-12'), 'plan/cadence-gap').map((f) => [f.file, f.line])).toEqual([[december, 9]]);
    expect(only(await findings(files, '2026-11'), 'plan/cadence-gap')).toEqual([]);
  });

  it('says the gap check did not run when the account has no cadence', async () => {
    const list = await findings({ 'content/shanye/account.yaml': accountYaml('') });
    expect(list.filter((f) => f.severity === 'info').map((f) => [f.file, f.ruleId])).toEqual([
      ['content/shanye/account.yaml', 'plan/no-best-hours'],
      ['content/shanye/account.yaml', 'plan/no-cadence'],
    ]);
    expect(only(list, 'plan/cadence-gap')).toEqual([]);
  });
});

describe('plan check: best hours', () => {
  const early = [...decemberEntries.slice(0, 2), { ...decemberEntries[2]!, publish_at: '2026-12-08T08:30:00+08:00' }];
  const withEarly = { [december]: planFile('2026-12', early) };

  it('warns about an entry planned outside best_hours from account.yaml', async () => {
    const hours = only(await findings(withEarly), 'plan/off-best-hours');
    expect(hours.map((f) => [f.line, f.field])).toEqual([[20, 'entries[2].publish_at']]);
    expect(hours[0]!.message).toBe('2026-12/03「圣诞特调：桂皮拿铁」计划在北京时间 2026-12-08 08:30 发布，不在读者最活跃的 12、20、21 点（按 account.yaml 的 best_hours）。');
  });

  it('takes the best hours from the hourly snapshots when they hold reads', async () => {
    const rows = ['\uFEFFdate,hour,user_source,user_source_name,int_page_read_user,int_page_read_count,ori_page_read_user,ori_page_read_count,share_user,share_count,add_to_fav_user,add_to_fav_count'];
    const reads: Record<number, number> = { 7: 470, 8: 610, 12: 300, 20: 380, 21: 900 };
    for (const [hour, count] of Object.entries(reads)) rows.push(`2026-11-20,${hour},0,会话,${count - 50},${count},0,0,3,4,1,1`);
    const list = await findings({ ...withEarly, 'reports/shanye/metrics/hourly-2026.csv': `${rows.join('\n')}\n` });
    // 8, 21 and 7 reach half of 900; 12 and 20 do not, so the 20:00 entries are off the best hours now.
    expect(only(list, 'plan/off-best-hours').map((f) => f.line)).toEqual([9, 15]);
    expect(only(list, 'plan/off-best-hours')[0]!.message).toContain('不在读者最活跃的 7、8、21 点（按 reports/shanye/metrics/hourly-2026.csv：阅读次数达到最高那个小时一半以上的小时）');
  });

  it('says so and falls back to best_hours when a snapshot’s layout is unknown', async () => {
    const csv = '日期,时段,阅读人数\n2026-11-20,20,310\n';
    const list = await findings({ ...withEarly, 'reports/shanye/metrics/hourly-2026.csv': csv });
    expect(only(list, 'plan/hourly-data')).toEqual([
      {
        file: 'reports/shanye/metrics/hourly-2026.csv',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        ruleId: 'plan/hourly-data',
        severity: 'warning',
        message: '无法从这份小时阅读数据得出最佳时段：表头应有 hour 和 int_page_read_count 两列，实际是 日期,时段,阅读人数。改用 account.yaml 的 best_hours。',
      },
    ]);
    expect(only(list, 'plan/off-best-hours').map((f) => f.line)).toEqual([20]);
  });

  it('names the line of a cell that is not a count, and skips the check when there is nothing to fall back on', async () => {
    const csv = 'date,hour,int_page_read_count\n2026-11-20,20,310\n2026-11-20,21,约四百\n';
    const list = await findings({ ...withEarly, 'content/shanye/account.yaml': accountYaml(''), 'reports/shanye/metrics/hourly-2026.csv': csv });
    expect(only(list, 'plan/hourly-data').map((f) => [f.line, f.message])).toEqual([
      [3, '无法从这份小时阅读数据得出最佳时段：int_page_read_count 应为非负整数，实际是“约四百”。没有检查计划时段是否在读者最活跃的小时。'],
    ]);
    expect(only(list, 'plan/off-best-hours')).toEqual([]);
  });
});

describe('plan check: the plan itself', () => {
  it('includes the plan’s schema errors, so an entry that cannot be read is never passed over', async () => {
    const broken = planFile('2026-12', decemberEntries).replace('publish_at: 2026-12-04T20:00:00+08:00', 'publish_at: 2026-12-04 20:00');
    const list = await findings({ [december]: broken });
    expect(list.filter((f) => f.severity === 'error').map((f) => [f.file, f.line, f.ruleId])).toEqual([[december, 15, 'schema/format']]);
    expect(only(list, 'plan/entry-without-article').map((f) => f.field)).toEqual(['entries[2]']);
  });

  it('keeps an article whose status cannot be read on its entry, with validate’s reason', async () => {
    const files = { [articlePath('yunnan-chandi')]: articleFile({ title: '云南咖啡产区巡礼', status: '写作中', publish_at: '2026-12-04T20:00:00+08:00', plan: '2026-12/02' }) };
    const list = await findings(files);
    expect(only(list, 'plan/entry-without-article').map((f) => f.field)).toEqual(['entries[2]']);
    expect(list.filter((f) => f.file === articlePath('yunnan-chandi')).map((f) => [f.line, f.ruleId, f.field])).toEqual([[4, 'schema/enum', 'status']]);
    const status = planStatus(await coffeeSet(files), { account: 'shanye' });
    expect(status.ok && status.rows.map((row) => row.status)).toEqual(['scheduled', 'unknown', 'planned']);
  });

  it('refuses a month that has no plan, naming the plans there are and how to make one', async () => {
    const result = await checkPlans(await coffeeSet(), { account: 'shanye', month: '2027-01' });
    expect(result).toEqual({ ok: false, message: '没有 2027-01 的计划（content/shanye/plans/2027-01.md）。现有计划：2026-12。可以用 mpdesk plan new 2027-01 --account shanye 按发布节奏生成。' });
  });
});
