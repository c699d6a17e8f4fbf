import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshots } from '../metrics/index.ts';
import { makeRepo } from '../testing/fixture-repo.ts';
import { periodKpis, periodTotals } from './kpi.ts';
import { parsePeriod, type Period } from './period.ts';
import { fixtureSend, fixtureSeries, reportFiles } from './report.test-helper.ts';
import { readSeries } from './series.ts';
import { readsBySource } from './sources.ts';
import { accountReport } from './account-report.ts';
import { reportFindings } from './findings.ts';
import { loadContent } from '../content/index.ts';

const period = (kind: 'monthly' | 'weekly', text: string): Period => {
  const result = parsePeriod(kind, text);
  if (!result.ok) throw new Error(result.problem);
  return result.period;
};

const november = period('monthly', '2026-11');
// October and November: 1,000 reads a day (800 readers, 40 shares, 15 favourites), 40 new followers and 10 gone.
const sends = [fixtureSend('2026-10-30', 1200), fixtureSend('2026-11-06', 1000), fixtureSend('2026-11-20', 1400, { delivered: 30_000, readers: 1500 }), fixtureSend('2026-12-01', 900)];
const series = fixtureSeries('2026-10-01', 61, { reads: 1000 }, { '2026-10-31': { reads: 500 }, '2026-11-30': { total: 52_000 } }, sends);

describe('KPI arithmetic', () => {
  it('adds up the days of the period and opens the period’s mass sends against their deliveries', () => {
    const totals = periodTotals(series, november);
    expect(totals).toMatchObject({ reads: 30_000, readers: 24_000, shares: 1200, favorites: 450, newFollowers: 1200, cancelled: 300, netFollowers: 900, readDays: 30, followerDays: 30, sent: 2, delivered: 50_000, sendReaders: 800 + 1500, followersAtEnd: 52_000 });
  });

  it('compares each figure with its target: ✔ at or above it, ✘ below, 未设目标 without one', () => {
    const totals = periodTotals(series, november);
    const previous = periodTotals(series, period('monthly', '2026-10'));
    const kpis = periodKpis(totals, { monthly_reads: 40_000, new_followers: 900, share_rate: 0.03, open_rate: 0.05 }, november, 30, previous);
    const byId = Object.fromEntries(kpis.map((kpi) => [kpi.id, kpi]));
    expect(byId.reads).toMatchObject({ value: 30_000, target: 40_000, met: false, previous: 31 * 1000 - 500 });
    expect(byId.net_followers).toMatchObject({ value: 900, target: 900, met: true });
    expect(byId.share_rate).toMatchObject({ value: 0.04, target: 0.03, met: true });
    expect(byId.open_rate!.value).toBeCloseTo(2300 / 50_000, 10);
    expect(byId.open_rate).toMatchObject({ target: 0.05, met: false });
    expect(byId.readers).toEqual({ id: 'readers', label: '阅读人数', unit: 'count', value: 24_000, previous: 31 * 800 - 400 });
    expect(byId.favorite_rate).not.toHaveProperty('met');
  });

  it('scales monthly count targets to a week and to the days a period not yet over has', () => {
    const week = period('weekly', '2026-W46');
    const weekly = periodKpis(periodTotals(series, week), { monthly_reads: 40_000, share_rate: 0.03 }, week, 7);
    expect(weekly.find((kpi) => kpi.id === 'reads')).toMatchObject({ value: 7000, target: Math.round((40_000 * 7 * 12) / 365.25), targetNote: '月目标 × 7 ÷ 30.44', met: false });
    // Rates are not scaled.
    expect(weekly.find((kpi) => kpi.id === 'share_rate')).toMatchObject({ target: 0.03 });
    const partial = periodKpis(periodTotals(series, november), { monthly_reads: 40_000 }, november, 15);
    expect(partial.find((kpi) => kpi.id === 'reads')).toMatchObject({ target: 20_000, targetNote: '按已有数据的 15 天折算', met: true });
  });

  it('has no open rate without a mass send that carries 送达人数', () => {
    const quiet = fixtureSeries('2026-11-01', 30, { reads: 1000 }, {}, [fixtureSend('2026-11-06', 1000, { delivered: undefined })]);
    const kpis = periodKpis(periodTotals(quiet, november), { open_rate: 0.05 }, november, 30);
    expect(kpis.find((kpi) => kpi.id === 'open_rate')).toMatchObject({ value: null, target: 0.05 });
    expect(kpis.find((kpi) => kpi.id === 'open_rate')).not.toHaveProperty('met');
  });
});

describe('reading the snapshots', () => {
  it('adds a day’s sources up, and takes an export’s all-sources row only for a day without them', async () => {
    const root = await makeRepo({ 'content/shanye/account.yaml': 'name: 山野咖啡\n' });
    const header = 'date,user_source,user_source_name,int_page_read_user,int_page_read_count,ori_page_read_user,ori_page_read_count,share_user,share_count,add_to_fav_user,add_to_fav_count';
    const rows = [
      '2026-11-01,0,会话,400,500,,,10,12,3,4',
      '2026-11-01,2,朋友圈,200,260,,,5,6,1,1',
      '2026-11-01,5,其他,20,30,,,0,0,0,0',
      '2026-11-01,9,未知（9）,5,7,,,0,0,0,0',
      '2026-11-02,99999999,全部,700,900,,,20,25,5,6',
      '2026-11-03,0,会话,300,380,,,8,9,2,2',
      '2026-11-03,99999999,全部,350,450,,,10,11,3,3',
    ];
    await mkdir(join(root, 'reports', 'shanye', 'metrics'), { recursive: true });
    await writeFile(join(root, 'reports', 'shanye', 'metrics', 'daily-2026.csv'), `\ufeff${header}\n${rows.join('\n')}\n`);
    const snapshots = (await loadSnapshots(root, ['shanye'])).get('shanye')!;
    const read = readSeries(snapshots);
    expect(read.daily.get('2026-11-01')).toMatchObject({ reads: 797, readers: 625, shares: 18, favorites: 5 });
    expect(read.daily.get('2026-11-02')).toMatchObject({ reads: 900, readers: 700 });
    expect(read.daily.get('2026-11-03')).toMatchObject({ reads: 380, readers: 300 });
    expect(read.newest).toBe('2026-11-03');
    const sources = readsBySource(read, november);
    expect(sources.map((source) => [source.name, source.reads])).toEqual([
      ['未分来源（导出的合计）', 900],
      ['会话', 880],
      ['朋友圈', 260],
      ['其他', 37],
    ]);
    expect(sources.reduce((sum, source) => sum + source.share, 0)).toBeCloseTo(1, 10);
  });
});

describe('a period not over yet', () => {
  it('is compared with the same days of the period before (上月同期), not with all of it', async () => {
    const set = await loadContent(await makeRepo(reportFiles()));
    // Snapshots from October to 2 December: December has 2 of its 31 days.
    const december = period('monthly', '2026-12');
    const report = accountReport({ set, account: 'shanye', settings: { kpi: { monthly_reads: 31_000 } }, series: fixtureSeries('2026-10-01', 63, { reads: 1000 }, { '2026-11-02': { reads: 600 } }), period: december });
    expect(report!.coveredDays).toBe(2);
    expect(report!.previous).toMatchObject({ first: '2026-11-01', last: '2026-11-02', days: ['2026-11-01', '2026-11-02'], partial: true });
    expect(report!.kpis.find((kpi) => kpi.id === 'reads')).toMatchObject({ value: 2000, previous: 1600 });
    expect(reportFindings(report!)[0]).toMatch(/^本月阅读 2,000 次.*比上月同期 \+25\.0%。$/);
    const november = accountReport({ set, account: 'shanye', settings: {}, series: fixtureSeries('2026-10-01', 63, { reads: 1000 }), period: period('monthly', '2026-11') });
    expect(november!.previous).not.toHaveProperty('partial');
    expect(reportFindings(november!)[0]).toContain('比上月 ');
  });
});
