import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultThresholds, findAnomalies, thresholdsOf, type Thresholds } from './anomalies.ts';
import { parsePeriod, type Period } from './period.ts';
import { fixtureSend, fixtureSeries } from './report.test-helper.ts';
import type { Send } from './series.ts';

const november = ((): Period => {
  const result = parsePeriod('monthly', '2026-11');
  if (!result.ok) throw new Error(result.problem);
  return result.period;
})();

const night = (share: number, reads = 1000) => Array.from({ length: 24 }, (_, hour) => (hour < 6 ? (reads * share) / 6 : hour >= 8 ? (reads * (1 - share)) / 16 : 0));

// Weekly Friday sends delivered to 20,000; three November sends that each break one rule, or nearly.
const sends: Send[] = [
  ...['2026-10-02', '2026-10-09', '2026-10-16', '2026-10-23', '2026-10-30'].map((day) => fixtureSend(day, 1500)),
  fixtureSend('2026-11-06', 1500, { readers: 450, title: '刷出来的阅读' }),
  fixtureSend('2026-11-13', 1500, { delivered: 15_000, title: '送达少了四分之一' }),
  fixtureSend('2026-11-20', 1500, { delivered: 17_000, title: '送达少了百分之十五' }),
];

const series = fixtureSeries(
  '2026-10-01',
  61,
  { reads: 1000 },
  {
    // Bought reads: four times the usual, hardly shared; and a hit, shared as much as it is read; and 2.9 times.
    '2026-11-10': { reads: 4000, shares: 20 },
    '2026-11-11': { reads: 4000, shares: 160 },
    '2026-11-12': { reads: 2900, shares: 5 },
    // 40 % of a day's reads between 00:00 and 05:59; and 15 %.
    '2026-11-15': { reads: 1000, hours: night(0.4) },
    '2026-11-16': { reads: 1000, hours: night(0.15) },
    // A QR code at an event, the day after a send; a day an article brought followers through its account name.
    '2026-11-21': { newUsers: 200, followSources: { 30: 170, 57: 30 } },
    '2026-11-14': { newUsers: 200, followSources: { 57: 180, 30: 20 } },
    // No sources: a jump the day after a send is left alone.
    '2026-11-07': { newUsers: 300 },
  },
  sends,
);

function found(thresholds: Thresholds = defaultThresholds) {
  const known = sends.map((send) => ({ ...send }));
  return findAnomalies({ series, period: november, sends: known, sendDays: new Set(sends.map((send) => send.day)), thresholds });
}

describe('anomaly rules', () => {
  it('flags each pattern once, naming the day or article, the figure, the baseline and the threshold', () => {
    const anomalies = found();
    expect(anomalies.map((one) => [one.day, one.rule, one.send?.title])).toEqual([
      ['2026-11-06', 'ratio-off-norm', '刷出来的阅读'],
      ['2026-11-10', 'reads-without-shares', undefined],
      ['2026-11-13', 'delivered-drop', '送达少了四分之一'],
      ['2026-11-15', 'night-reads', undefined],
      ['2026-11-21', 'follower-jump', undefined],
    ]);
    expect(anomalies[1]).toMatchObject({
      figure: '阅读 4,000 次，分享率 0.5%',
      baseline: '前 28 天中位数（28 天有数据）：阅读 1,000 次，分享率 4.0%',
      threshold: '阅读 ≥ 基线 × 3，且分享率 < 基线 × 0.5',
    });
    expect(anomalies[0]).toMatchObject({ figure: '阅读人数/阅读次数 0.30', baseline: '账号常态：近 90 天 7 篇文章的中位数 0.80', threshold: '高于常态 × 2 或低于常态 ÷ 2' });
    expect(anomalies[2]).toMatchObject({ figure: '送达 15,000 人', baseline: '之前 5 次群发送达人数的中位数 20,000 人', threshold: '比基线少 20% 以上' });
    expect(anomalies[3]).toMatchObject({ figure: '0–5 点阅读 400 次，占当天 40.0%', threshold: '占比 ≥ 20%，且 ≥ 基线 × 3' });
    expect(anomalies[4]).toMatchObject({ figure: '不是文章带来的新增关注 170 人，最多的来源是扫描二维码（170 人）', baseline: '前 28 天中位数（28 天有数据）：40 人' });
  });

  it('takes its thresholds from account.yaml, each with its default', () => {
    const relaxed = thresholdsOf({ anomalies: { ratio_factor: 4, spike_factor: 5, delivered_drop: 0.3 } });
    expect(relaxed).toEqual({ ...defaultThresholds, ratio_factor: 4, spike_factor: 5, delivered_drop: 0.3 });
    expect(found(relaxed).map((one) => one.rule)).toEqual(['night-reads']);
    expect(found({ ...defaultThresholds, night_share: 0.5 }).map((one) => one.rule)).not.toContain('night-reads');
    expect(found({ ...defaultThresholds, min_new_followers: 200 }).map((one) => one.rule)).not.toContain('follower-jump');
  });

  it('does not judge without a week of baseline', () => {
    const short = fixtureSeries('2026-11-08', 23, { reads: 1000 }, { '2026-11-10': { reads: 4000, shares: 20 } });
    expect(findAnomalies({ series: short, period: november, sends: [], sendDays: new Set(), thresholds: defaultThresholds })).toEqual([]);
  });

  it('states the same defaults as the account schema', async () => {
    const schema: unknown = JSON.parse(await readFile(new URL('../../schemas/account.schema.json', import.meta.url), 'utf8'));
    const properties = (schema as { properties: { anomalies: { properties: Record<string, { default: number }> } } }).properties.anomalies.properties;
    expect(Object.fromEntries(Object.entries(properties).map(([name, field]) => [name, field.default]))).toEqual(defaultThresholds);
  });
});
