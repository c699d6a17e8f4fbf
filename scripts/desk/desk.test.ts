import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../shared/finding.ts';
import { builtArticles, copySampleSnapshots, deskFiles, deskRepo, slugFile } from './fixture.test-helper.ts';
import { assembleDesk, type CalendarMark, type CalendarMonth, type DeskAccount } from './index.ts';

/** 09:00 on Friday 4 December 2026 in Beijing. */
const now = new Date('2026-12-04T09:00:00+08:00');

const marksOn = (month: CalendarMonth, date: string): CalendarMark[] => month.weeks.flat().find((day) => day.date === date && day.inMonth)?.marks ?? [];
const monthOf = (account: DeskAccount, id: string) => account.calendar.find((month) => month.month === id)!;

async function shanye(options: { snapshotsUntil?: string; kpi?: string; when?: Date } = {}): Promise<{ account: DeskAccount; problems: string[]; root: string }> {
  const { root, set } = await deskRepo(deskFiles(options.kpi));
  if (options.snapshotsUntil) await copySampleSnapshots(root, 'shanye', options.snapshotsUntil);
  const desk = await assembleDesk({ root, set, articles: builtArticles(set), now: options.when ?? now });
  return { account: desk.accounts.find((one) => one.id === 'shanye')!, problems: desk.problems, root };
}

describe('the board', () => {
  it('has a column per status in the order articles move, cards by publish time, archived only when it holds one', async () => {
    const { account } = await shanye();
    expect(account.name).toBe('山野咖啡');
    const columns = account.board.columns.map((column) => [column.name, column.cards.map((card) => card.title)]);
    expect(columns).toEqual([
      ['草稿', ['圣诞特调：桂皮拿铁']],
      ['待审', ['冬季豆单：三支适合拿铁的豆子']],
      ['已批准', ['冬天的手冲，水温要高一点']],
      ['已排期', ['云南咖啡产区巡礼：保山与普洱']],
      // 23:59 on 30 November before 00:30 on 1 December, though both are written in UTC.
      ['已发布', ['立冬前把咖啡豆收好：密封、避光、别进冰箱', '十一月的最后一杯', '月初的第一杯：深夜咖啡馆']],
      ['已归档', ['秋天的产区日记']],
    ]);
    const published = account.board.columns[4]!.cards;
    expect(published[2]).toMatchObject({ beijing: '2026-12-01 00:30 北京时间', preview: 'shanye/yuedi-bei/preview.html', thumbnail: 'shanye/yuedi-bei/images/cover-500x500.jpg', lint: { errors: 0, warnings: 0 } });
    expect(account.board.columns[0]!.cards[0]).not.toHaveProperty('beijing');
  });

  it('keeps empty columns for the main statuses, puts a status validate rejects under 状态未知, and lists failed articles apart with their first error', async () => {
    const { root, set } = await deskRepo(deskFiles());
    const error: Finding = { file: slugFile('doudan'), line: 4, column: 9, endLine: 4, endColumn: 13, ruleId: 'schema/enum', severity: 'error', message: 'status 应为 draft、review、approved、scheduled、published、archived 之一' };
    const articles = builtArticles(set).flatMap((article) => {
      if (article.file === slugFile('doudan')) return [{ file: article.file, account: 'shanye', title: article.title, status: '待定', error }];
      if (article.file === slugFile('guipi-natie')) return [{ ...article, status: '待定' }];
      return article.status === 'review' ? [] : [article];
    });
    const desk = await assembleDesk({ root, set, articles, now });
    const board = desk.accounts[0]!.board;
    expect(board.columns.map((column) => [column.name, column.cards.length])).toEqual([['草稿', 0], ['待审', 0], ['已批准', 1], ['已排期', 1], ['已发布', 3], ['已归档', 1], ['状态未知', 1]]);
    expect(board.failed).toEqual([{ file: slugFile('doudan'), title: '冬季豆单：三支适合拿铁的豆子', status: '待定', statusName: '状态未知', where: `${slugFile('doudan')}:4:9`, message: error.message, ruleId: 'schema/enum' }]);
  });
});

describe('the calendar', () => {
  it('shows the current month and every planned month, each Monday to Sunday, today marked', async () => {
    const { account } = await shanye();
    expect(account.calendar.map((month) => [month.month, month.label, month.current, month.hasPlan])).toEqual([
      ['2026-11', '2026 年 11 月', false, true],
      ['2026-12', '2026 年 12 月', true, true],
    ]);
    const november = monthOf(account, '2026-11');
    // 1 November 2026 is a Sunday: six days of October before it; 30 November is a Monday.
    expect(november.weeks[0]!.map((day) => `${day.date}${day.inMonth ? '' : '*'}`)).toEqual(['2026-10-26*', '2026-10-27*', '2026-10-28*', '2026-10-29*', '2026-10-30*', '2026-10-31*', '2026-11-01']);
    expect(november.weeks.at(-1)!.map((day) => day.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(november.weeks.at(-1)!.slice(1).every((day) => !day.inMonth && !day.marks.length && !day.today)).toBe(true);
    const december = monthOf(account, '2026-12');
    expect(december.weeks.flat().filter((day) => day.today).map((day) => day.date)).toEqual(['2026-12-04']);
  });

  it('puts each mark on its Beijing day: 23:59 on 30 November stays in November, 00:30 on 1 December is December’s', async () => {
    const { account } = await shanye();
    const november = monthOf(account, '2026-11');
    const december = monthOf(account, '2026-12');
    expect(marksOn(november, '2026-11-30')).toMatchObject([{ kind: 'published', time: '23:59', title: '十一月的最后一杯', entry: '2026-11/03', unplanned: false }]);
    expect(marksOn(december, '2026-12-01')).toMatchObject([{ kind: 'published', time: '00:30', title: '月初的第一杯：深夜咖啡馆', unplanned: true, statusName: '已发布', preview: 'shanye/yuedi-bei/preview.html' }]);
    expect(november.weeks.flat().filter((day) => !day.inMonth).flatMap((day) => day.marks)).toEqual([]);
  });

  it('tells published, planned and missed apart by the clock, and names an entry without an article 待写', async () => {
    const { account } = await shanye();
    const november = monthOf(account, '2026-11');
    const december = monthOf(account, '2026-12');
    expect(marksOn(november, '2026-11-06')).toMatchObject([{ kind: 'published', entry: '2026-11/01', title: '立冬前把咖啡豆收好：密封、避光、别进冰箱' }]);
    expect(marksOn(november, '2026-11-13')).toEqual([{ kind: 'missed', unplanned: false, at: '2026-11-13T20:00:00+08:00', time: '20:00', title: '一分钟看懂手冲壶', entry: '2026-11/02', status: 'planned', statusName: '待写' }]);
    // Approved for Thursday 20:00 and it is Friday morning: it did not go out.
    expect(marksOn(december, '2026-12-03')).toMatchObject([{ kind: 'missed', status: 'approved', statusName: '已批准', preview: 'shanye/dongtian-shouchong/preview.html' }]);
    expect(marksOn(december, '2026-12-08')).toMatchObject([{ kind: 'planned', status: 'scheduled', statusName: '已排期' }]);
    expect(marksOn(december, '2026-12-12')).toMatchObject([{ kind: 'planned', status: 'draft', title: '圣诞特调：桂皮拿铁' }]);
    expect(november.counts).toEqual({ published: 2, planned: 0, missed: 1, unplanned: 0 });
    expect(december.counts).toEqual({ published: 1, planned: 2, missed: 1, unplanned: 1 });

    // The evening before, the same entry was still to come.
    const before = await shanye({ when: new Date('2026-12-03T19:59:00+08:00') });
    expect(marksOn(monthOf(before.account, '2026-12'), '2026-12-03')[0]!.kind).toBe('planned');
  });

  it('turns the month at 00:00 +08:00, not at midnight UTC', async () => {
    const lastMinute = await shanye({ when: new Date('2026-11-30T15:59:59Z') });
    expect(lastMinute.account.calendar.filter((month) => month.current).map((month) => month.month)).toEqual(['2026-11']);
    expect(monthOf(lastMinute.account, '2026-11').weeks.flat().find((day) => day.today)?.date).toBe('2026-11-30');
    const firstMinute = await shanye({ when: new Date('2026-11-30T16:00:00Z') });
    expect(firstMinute.account.calendar.filter((month) => month.current).map((month) => month.month)).toEqual(['2026-12']);
    expect(monthOf(firstMinute.account, '2026-12').weeks.flat().find((day) => day.today)?.date).toBe('2026-12-01');
    // A month without a plan is shown when it is the current one, with the articles that go out in it.
    const january = await shanye({ when: new Date('2027-01-05T10:00:00+08:00') });
    expect(january.account.calendar.map((month) => [month.month, month.current, month.hasPlan])).toEqual([['2026-11', false, true], ['2026-12', false, true], ['2027-01', true, false]]);
  });

  it('names a plan that cannot be read, and shows its month with what the articles say', async () => {
    const { root, set } = await deskRepo({ ...deskFiles(), 'content/shanye/plans/2026-12.md': '---\nmonth: "2026-12"\nentries:\n  - id: "01\n---\n' });
    const desk = await assembleDesk({ root, set, articles: builtArticles(set), now });
    expect(desk.problems).toEqual(['计划 content/shanye/plans/2026-12.md 无法读取，日历里没有它的条目（运行 mpdesk validate content/shanye/plans/2026-12.md 查看原因）。']);
    const december = monthOf(desk.accounts[0]!, '2026-12');
    expect(december.hasPlan).toBe(true);
    expect(marksOn(december, '2026-12-08')).toMatchObject([{ kind: 'planned', title: '云南咖啡产区巡礼：保山与普洱', status: 'scheduled' }]);
    expect(marksOn(december, '2026-12-12')).toEqual([]);
  });
});

describe('the KPI tiles', () => {
  it('are the newest snapshot month’s figures against account.yaml’s targets, as the monthly report gives them', async () => {
    const { account } = await shanye({ snapshotsUntil: '2026-11-30' });
    expect(account.kpis).toMatchObject({ state: 'ok', month: '2026-11', label: '2026 年 11 月', asOf: '2026-11-30', coveredDays: 30, days: 30 });
    const tiles = account.kpis.state === 'ok' ? account.kpis.tiles : [];
    // The figures of reports/qinghe-tea/2026-11.md, made from the same snapshots.
    expect(tiles).toEqual([
      { id: 'reads', label: '阅读次数', value: '48,594', target: '45,000', met: true, share: '108%' },
      { id: 'readers', label: '阅读人数', value: '37,283' },
      { id: 'open_rate', label: '打开率', value: '1.34%' },
      { id: 'share_rate', label: '分享率', value: '3.49%', target: '4.00%', met: false, share: '87%' },
      { id: 'favorite_rate', label: '收藏率', value: '1.29%' },
      { id: 'net_followers', label: '净增关注', value: '1,367', target: '1,500', met: false, share: '91%' },
    ]);
  });

  it('scale the count targets to the days a month not yet over has, and give no figure the days cannot give', async () => {
    const kpi = 'kpi:\n  monthly_reads: 45000\n  open_rate: 0.02\n';
    const { account } = await shanye({ snapshotsUntil: '2026-11-12', kpi });
    expect(account.kpis).toMatchObject({ state: 'ok', month: '2026-11', asOf: '2026-11-12', coveredDays: 12, days: 30 });
    const tiles = account.kpis.state === 'ok' ? account.kpis.tiles : [];
    expect(tiles.find((tile) => tile.id === 'reads')).toEqual({ id: 'reads', label: '阅读次数', value: '23,927', target: '18,000', targetNote: '按已有数据的 12 天折算', met: true, share: '133%' });
    expect(tiles.find((tile) => tile.id === 'open_rate')).toEqual({ id: 'open_rate', label: '打开率', value: '1.34%', target: '2.00%', met: false, share: '67%' });
    // Before November's first mass send (the 6th) there is no 送达人数 to divide by: no figure, so neither ✔ nor ✘.
    const early = await shanye({ snapshotsUntil: '2026-11-05', kpi });
    const earlyTiles = early.account.kpis.state === 'ok' ? early.account.kpis.tiles : [];
    expect(earlyTiles.find((tile) => tile.id === 'open_rate')).toEqual({ id: 'open_rate', label: '打开率', target: '2.00%' });
  });

  it('say there are no data, and what to run, when the account has no snapshots', async () => {
    const { account, problems } = await shanye();
    expect(account.kpis).toEqual({ state: 'none', message: '还没有数据快照：运行 mpdesk metrics pull --account shanye，或用 mpdesk metrics import 导入后台导出的文件。' });
    expect(problems).toEqual([]);
  });

  it('name the snapshot file and line that cannot be read, and the rest of the desk is still made', async () => {
    const { root, set } = await deskRepo(deskFiles());
    await copySampleSnapshots(root, 'shanye', '2026-11-30');
    await writeFile(join(root, 'reports/shanye/metrics/followers-2026.csv'), '\uFEFFdate,new_user,cancel_user,net_user,cumulate_user\n2026-11-01,62,11,51,162465\n2026-11-02,很多,5,30,162495\n');
    const desk = await assembleDesk({ root, set, articles: builtArticles(set), now });
    const [account] = desk.accounts;
    expect(account!.kpis.state).toBe('unreadable');
    expect(desk.problems).toHaveLength(1);
    expect(desk.problems[0]).toMatch(/^数据快照无法读取，shanye 的指标没有显示：reports\/shanye\/metrics\/followers-2026\.csv 第 3 行/);
    expect(account!.board.columns.flatMap((column) => column.cards)).toHaveLength(8);
  });
});

describe('the reports', () => {
  it('lists the account’s report pages newest first with their periods in Chinese, and the overview apart', async () => {
    const { root, set } = await deskRepo(deskFiles());
    await mkdir(join(root, 'reports/shanye/2026-11'), { recursive: true });
    await mkdir(join(root, 'reports/_overview'), { recursive: true });
    for (const name of ['2026-10.html', '2026-11.html', '2026-W48.html', '2026-11.md', 'notes.html', '2026-13.html']) await writeFile(join(root, 'reports/shanye', name), '<!doctype html>');
    await writeFile(join(root, 'reports/_overview/2026-11.html'), '<!doctype html>');
    const desk = await assembleDesk({ root, set, articles: builtArticles(set), now });
    expect(desk.accounts[0]!.reports.map((report) => [report.label, report.source, report.href])).toEqual([
      ['2026 年第 48 周（11-23 至 11-29）周报', 'reports/shanye/2026-W48.html', '_reports/shanye/2026-W48.html'],
      ['2026 年 11 月月报', 'reports/shanye/2026-11.html', '_reports/shanye/2026-11.html'],
      ['2026 年 10 月月报', 'reports/shanye/2026-10.html', '_reports/shanye/2026-10.html'],
    ]);
    expect(desk.overview.map((report) => report.href)).toEqual(['_reports/_overview/2026-11.html']);
  });
});
