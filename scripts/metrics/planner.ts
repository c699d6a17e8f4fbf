import { articleTotalDays, datacubeEndpoints, datacubeFirstDay, datacubeSpans, type DatacubeEndpoint } from '../platform/index.ts';
import { addDays, daysFrom, newestReadyDay, spansOf, type Day, type Span } from './dates.ts';
import type { Coverage } from './coverage.ts';

export interface PlanOptions {
  since?: Day;
  until?: Day;
  /** Ask again for days already in the snapshots (WeChat revises past days). */
  refresh?: boolean;
}

export interface PlannedCall extends Span {
  endpoint: DatacubeEndpoint;
}

export interface PullPlan {
  calls: PlannedCall[];
  /** The newest day asked for: never today, never yesterday before 08:00 Beijing time. */
  until: Day;
  /** What the plan decided that the user should hear (yesterday not ready, --until moved back). */
  notes: string[];
}

/** A first run, or `--refresh` without `--since`, covers this many days. */
export const firstRunDays = 30;

/**
 * The calls a pull makes: for each endpoint the days in the range that the snapshots do not have yet (all of
 * them with `refresh`), in runs no longer than the endpoint's span. Without `since` the range starts at the
 * endpoint's first day pulled or 30 days back, whichever is earlier, so only new days and gaps are asked for;
 * getarticletotal also asks again for send days whose seven days were not over yet.
 */
export function planPull(coverage: Coverage, options: PlanOptions, nowMs: number): PullPlan {
  const ready = newestReadyDay(nowMs);
  const notes: string[] = [];
  let until = options.until ?? ready.day;
  if (until > ready.day) {
    const why = ready.yesterdayNotReady ? `北京时间 08:00 前昨天（${addDays(ready.day, 1)}）的数据还没有出来` : '微信只提供到昨天的数据，不拉今天';
    if (options.until !== undefined) notes.push(`--until ${options.until} 晚于可拉取的最后一天：${why}，只拉到 ${ready.day}。`);
    until = ready.day;
  }
  if (options.until === undefined && ready.yesterdayNotReady) notes.push(`北京时间 08:00 前昨天（${addDays(ready.day, 1)}）的数据还没有出来：只拉到 ${ready.day}。`);
  const since = options.since !== undefined && options.since < datacubeFirstDay ? datacubeFirstDay : options.since;
  if (since !== options.since) notes.push(`微信的数据从 ${datacubeFirstDay} 开始：从那天拉起。`);

  const calls: PlannedCall[] = [];
  for (const endpoint of datacubeEndpoints) {
    const days = coverage.get(endpoint) ?? new Map<Day, string>();
    const growing = (day: Day) => endpoint === 'datacube/getarticletotal' && stillGrowing(day, days.get(day), until);
    let wanted: Day[];
    if (since !== undefined) {
      wanted = daysFrom(since, until).filter((day) => options.refresh || !days.has(day) || growing(day));
    } else if (options.refresh) {
      wanted = daysFrom(addDays(until, 1 - firstRunDays), until);
    } else {
      // From the endpoint's first day pulled: a day a stopped or garbled pull left out is asked for again.
      const oldest = [...days.keys()].reduce<Day | undefined>((min, day) => (min === undefined || day < min ? day : min), undefined);
      const recent = addDays(until, 1 - firstRunDays);
      wanted = daysFrom(oldest !== undefined && oldest < recent ? oldest : recent, until).filter((day) => !days.has(day) || growing(day));
    }
    for (const span of spansOf(wanted, datacubeSpans[endpoint] ?? 1)) calls.push({ endpoint, ...span });
  }
  return { calls, until, notes };
}

/** A send day asked for while its seven days were not over, when a newer day is ready now. */
function stillGrowing(day: Day, pulledThrough: string | undefined, until: Day): boolean {
  return pulledThrough !== undefined && pulledThrough !== '' && pulledThrough < until && addDays(day, articleTotalDays - 1) > pulledThrough;
}

/** What coverage.csv records for a day just pulled: the day it was pulled through, while it can still grow. */
export function pulledThrough(endpoint: DatacubeEndpoint, day: Day, until: Day): string {
  return endpoint === 'datacube/getarticletotal' && addDays(day, articleTotalDays - 1) > until ? until : '';
}
