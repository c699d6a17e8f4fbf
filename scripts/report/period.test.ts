import { describe, expect, it } from 'vitest';
import { isoWeekOf, latestEnded, parsePeriod, periodOf, previousPeriod, weeksInYear, type Period } from './period.ts';

const parsed = (kind: 'monthly' | 'weekly', text: string): Period => {
  const result = parsePeriod(kind, text);
  if (!result.ok) throw new Error(result.problem);
  return result.period;
};

describe('report periods', () => {
  it('a month is its calendar days, February of a leap year included', () => {
    const november = parsed('monthly', '2026-11');
    expect([november.first, november.last, november.days.length, november.label]).toEqual(['2026-11-01', '2026-11-30', 30, '2026 年 11 月']);
    expect(parsed('monthly', '2028-02').days.length).toBe(29);
    expect(previousPeriod(parsed('monthly', '2026-01')).id).toBe('2025-12');
  });

  it('ISO weeks run Monday to Sunday and belong to the year of their Thursday, across year ends', () => {
    const w48 = parsed('weekly', '2026-W48');
    expect([w48.first, w48.last, w48.label]).toEqual(['2026-11-23', '2026-11-29', '2026 年第 48 周（11-23 至 11-29）']);
    // 2026 starts on a Thursday: it has a week 53, which ends in 2027.
    expect(weeksInYear(2026)).toBe(53);
    const w53 = parsed('weekly', '2026-W53');
    expect([w53.first, w53.last]).toEqual(['2026-12-28', '2027-01-03']);
    expect(periodOf('weekly', '2027-01-01').id).toBe('2026-W53');
    const w01 = parsed('weekly', '2027-W01');
    expect([w01.first, w01.last]).toEqual(['2027-01-04', '2027-01-10']);
    expect(previousPeriod(w01).id).toBe('2026-W53');
    // 2024-12-30 is a Monday in the week of 2025's first Thursday.
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(periodOf('weekly', '2024-12-29').id).toBe('2024-W52');
  });

  it('refuses what is not a period, saying what to write', () => {
    expect(parsePeriod('monthly', '2026-13')).toEqual({ ok: false, problem: '月报的 --period 应写成 YYYY-MM，如 2026-11：2026-13' });
    expect(parsePeriod('monthly', '2026-W48')).toMatchObject({ ok: false, problem: expect.stringContaining('周报用 mpdesk report weekly') });
    expect(parsePeriod('weekly', '2026-11')).toMatchObject({ ok: false, problem: expect.stringContaining('月报用 mpdesk report monthly') });
    expect(parsePeriod('weekly', '2025-W53')).toEqual({ ok: false, problem: '2025 年只有 52 个 ISO 周（W01 至 W52）：2025-W53' });
    expect(parsePeriod('weekly', '2026-W00')).toMatchObject({ ok: false });
    expect(parsePeriod('weekly', '2026-w48')).toMatchObject({ ok: false });
  });

  it('the default is the last period over by the newest day in the snapshots', () => {
    expect(latestEnded('monthly', '2026-11-30').id).toBe('2026-11');
    expect(latestEnded('monthly', '2026-12-02').id).toBe('2026-11');
    expect(latestEnded('weekly', '2026-11-29').id).toBe('2026-W48');
    expect(latestEnded('weekly', '2026-12-02').id).toBe('2026-W48');
    expect(latestEnded('weekly', '2027-01-03').id).toBe('2026-W53');
  });
});
