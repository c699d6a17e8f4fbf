import { describe, expect, it } from 'vitest';
import { markCovered, type Coverage } from './coverage.ts';
import { spansOf } from './dates.ts';
import { planPull } from './planner.ts';

const tenAm = Date.parse('2026-12-03T10:00:00+08:00');
// 2026-12-03 07:59 in Beijing is still 2026-12-02 23:59 in UTC: the day is Beijing's.
const earlyMorning = Date.parse('2026-12-02T23:59:00Z');

describe('the pull planner', () => {
  it('splits days into runs of consecutive days no longer than the span', () => {
    expect(spansOf(['2026-11-03', '2026-11-01', '2026-11-02', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08'], 3)).toEqual([
      { begin: '2026-11-01', end: '2026-11-03' },
      { begin: '2026-11-05', end: '2026-11-07' },
      { begin: '2026-11-08', end: '2026-11-08' },
    ]);
  });

  it('counts days in Beijing time, whatever the clock’s zone, and waits for 08:00 for yesterday', () => {
    expect(planPull(new Map(), {}, tenAm).until).toBe('2026-12-02');
    const early = planPull(new Map(), {}, earlyMorning);
    expect(early.until).toBe('2026-12-01');
    expect(early.notes).toEqual(['北京时间 08:00 前昨天（2026-12-02）的数据还没有出来：只拉到 2026-12-01。']);
  });

  it('starts no earlier than WeChat’s first day, and asks only for days not covered unless refreshing', () => {
    const coverage: Coverage = new Map();
    for (const day of ['2014-12-01', '2014-12-02']) markCovered(coverage, 'datacube/getusercumulate', day, '');
    const plan = planPull(coverage, { since: '2014-11-20', until: '2014-12-10' }, tenAm);
    expect(plan.notes).toEqual(['微信的数据从 2014-12-01 开始：从那天拉起。']);
    expect(plan.calls.filter((call) => call.endpoint === 'datacube/getusercumulate')).toEqual([{ endpoint: 'datacube/getusercumulate', begin: '2014-12-03', end: '2014-12-09' }, { endpoint: 'datacube/getusercumulate', begin: '2014-12-10', end: '2014-12-10' }]);
    const refresh = planPull(coverage, { since: '2014-12-01', until: '2014-12-02', refresh: true }, tenAm);
    expect(refresh.calls.filter((call) => call.endpoint === 'datacube/getusercumulate')).toEqual([{ endpoint: 'datacube/getusercumulate', begin: '2014-12-01', end: '2014-12-02' }]);
  });

  it('asks nothing for a range that starts after the last ready day', () => {
    const plan = planPull(new Map(), { since: '2026-12-03' }, tenAm);
    expect(plan.calls).toEqual([]);
  });
});
