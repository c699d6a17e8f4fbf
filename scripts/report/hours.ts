import { beijingWallClock } from '../shared/beijing-time.ts';
import { bestHourShare } from '../plan/index.ts';
import { weekday, type Period } from './period.ts';
import type { RepoArticle } from './repo-articles.ts';
import type { AccountSeries, Send } from './series.ts';
import { median } from './median.ts';

export interface ReadingHours {
  /** Reads in each hour of the day (China time), added up over the period. */
  byHour: number[];
  /** Reads by ISO weekday (index 0 Monday) and hour: the heat map. */
  byWeekdayHour: number[][];
  /** Hours whose reads reach half the busiest hour's, as plan check reads them. */
  best: number[];
  days: number;
}

export function readingHours(series: AccountSeries, period: Period): ReadingHours {
  const byHour = Array.from({ length: 24 }, () => 0);
  const byWeekdayHour = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  let days = 0;
  for (const day of period.days) {
    const hours = series.hourly.get(day);
    if (!hours) continue;
    days++;
    hours.forEach((reads, hour) => {
      byHour[hour]! += reads;
      byWeekdayHour[weekday(day) - 1]![hour]! += reads;
    });
  }
  const busiest = Math.max(...byHour);
  const best = busiest > 0 ? byHour.flatMap((reads, hour) => (reads >= busiest * bestHourShare ? [hour] : [])) : [];
  return { byHour, byWeekdayHour, best, days };
}

/** A send with what the repository knows of it: its article, and the hour it went out. */
export interface KnownSend extends Send {
  repo?: RepoArticle;
  /** The Beijing hour it went out, when its article's receipt or publish_at says. */
  hour?: number;
}

export function knownSends(sends: readonly Send[], articles: ReadonlyMap<string, RepoArticle>): KnownSend[] {
  return sends.map((send) => {
    const repo = send.article ? articles.get(send.article) : undefined;
    const clock = repo?.sentAt ? beijingWallClock(repo.sentAt) : undefined;
    // An hour is trusted only when the receipt's day is the day WeChat counted the send on.
    return { ...send, ...(repo ? { repo } : {}), ...(clock && clock.date === send.day ? { hour: clock.hour } : {}) };
  });
}

export interface PublishHour {
  hour: number;
  sends: number;
  /** Median reads in the days counted, and the open rate of the sends that carry 送达人数. */
  medianReads: number;
  openRate: number | null;
}

/** How the sends of each publishing hour did; hours with no known send are left out. */
export function publishHours(sends: readonly KnownSend[]): PublishHour[] {
  const byHour = new Map<number, KnownSend[]>();
  for (const send of sends) if (send.hour !== undefined) byHour.set(send.hour, [...(byHour.get(send.hour) ?? []), send]);
  return [...byHour.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([hour, group]) => {
      const delivered = group.reduce((sum, send) => sum + (send.delivered ?? 0), 0);
      const readers = group.reduce((sum, send) => sum + (send.delivered ? send.readers : 0), 0);
      return { hour, sends: group.length, medianReads: median(group.map((send) => send.reads)) ?? 0, openRate: delivered > 0 ? readers / delivered : null };
    });
}
