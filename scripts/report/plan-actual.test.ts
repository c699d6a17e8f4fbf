import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import { makeRepo } from '../testing/fixture-repo.ts';
import { knownSends } from './hours.ts';
import { parsePeriod, type Period } from './period.ts';
import { planVsActual } from './plan-actual.ts';
import { fixtureSend, reportFiles } from './report.test-helper.ts';
import { repoArticles } from './repo-articles.ts';

const period = (kind: 'monthly' | 'weekly', text: string): Period => {
  const result = parsePeriod(kind, text);
  if (!result.ok) throw new Error(result.problem);
  return result.period;
};

describe('plan against what went out', () => {
  it('reads every time in China time: an article out at 2026-11-30T16:30Z is December’s', async () => {
    const set = await loadContent(await makeRepo(reportFiles()));
    const articles = repoArticles(set, 'shanye');
    const sends = knownSends([fixtureSend('2026-11-20', 900, { article: '2026/yunnan-chandi' })], articles);
    expect(sends[0]).toMatchObject({ hour: 20, repo: { file: 'content/shanye/articles/2026/yunnan-chandi/index.md', entry: '2026-11/01', format: '图文' } });
    const november = planVsActual({ set, account: 'shanye', period: period('monthly', '2026-11'), asOf: '2026-11-30', articles, sends });
    // In the order they were planned: 03 was planned for 11-13 and went out on 11-22.
    expect(november.planned.map((item) => [item.entry, item.outcome, item.offBy])).toEqual([
      ['2026-11/03', 'late', '9 天'],
      ['2026-11/01', 'on-time', undefined],
      ['2026-11/02', 'missing', undefined],
    ]);
    expect(november.unplanned).toEqual([]);
    const december = planVsActual({ set, account: 'shanye', period: period('monthly', '2026-12'), asOf: '2026-12-05', articles, sends });
    expect(december.unplanned).toEqual([{ title: '月底的最后一杯', day: '2026-12-01', file: 'content/shanye/articles/2026/yuedi-bei/index.md' }]);
    // December's entries: 12-03 has an article still a draft; 12-10 is after the snapshots' last day.
    expect(december.planned.map((item) => [item.entry, item.outcome])).toEqual([
      ['2026-12/01', 'missing'],
      ['2026-12/02', 'not-due'],
    ]);
    const week = planVsActual({ set, account: 'shanye', period: period('weekly', '2026-W49'), asOf: '2026-12-05', articles, sends });
    expect(week.planned.map((item) => item.entry)).toEqual(['2026-12/01']);
    expect(week.withoutPlan).toEqual([]);
    const october = planVsActual({ set, account: 'shanye', period: period('monthly', '2026-10'), asOf: '2026-11-30', articles, sends });
    expect(october).toEqual({ planned: [], unplanned: [], withoutPlan: ['2026-10'] });
  });
});
