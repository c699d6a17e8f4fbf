import type { KnownSend } from './hours.ts';
import { median } from './median.ts';
import { compareText } from './order.ts';
import { addDays, weekday, type Period } from './period.ts';

/**
 * Articles compared by when they went out (weekday and hour) and by format: the open rate (readers / delivered)
 * and shares per reader of each group, its best and weakest title, and its size. Observations, not proof: the
 * report says how few articles stand behind each.
 */

export interface ComparedArticle {
  title: string;
  day: string;
  file?: string;
  openRate: number | null;
  sharesPerReader: number | null;
}

export interface ComparisonGroup {
  /** `周五 20 点`, `周三（时间不详）`, `图文`, `未标注形式`. */
  name: string;
  articles: ComparedArticle[];
  medianOpenRate: number | null;
  medianSharesPerReader: number | null;
}

export interface Comparisons {
  /** The days the articles come from: the 90 days up to the period's end. */
  from: string;
  to: string;
  bySlot: ComparisonGroup[];
  byFormat: ComparisonGroup[];
}

export const comparisonDays = 90;

const weekdayName = (day: string) => `周${'一二三四五六日'[weekday(day) - 1]}`;

function compared(send: KnownSend): ComparedArticle {
  return {
    title: send.title,
    day: send.day,
    ...(send.repo ? { file: send.repo.file } : {}),
    openRate: send.delivered ? send.readers / send.delivered : null,
    sharesPerReader: send.readers > 0 ? send.shares / send.readers : null,
  };
}

function groups(sends: readonly KnownSend[], nameOf: (send: KnownSend) => string): ComparisonGroup[] {
  const byName = new Map<string, KnownSend[]>();
  for (const send of sends) byName.set(nameOf(send), [...(byName.get(nameOf(send)) ?? []), send]);
  const known = (values: Array<number | null>) => median(values.filter((value): value is number => value !== null)) ?? null;
  return [...byName.entries()]
    .map(([name, members]) => {
      const articles = members.map(compared).sort((a, b) => (b.openRate ?? -1) - (a.openRate ?? -1) || compareText(a.day, b.day));
      return { name, articles, medianOpenRate: known(articles.map((a) => a.openRate)), medianSharesPerReader: known(articles.map((a) => a.sharesPerReader)) };
    })
    .sort((a, b) => b.articles.length - a.articles.length || compareText(a.name, b.name));
}

export function compareArticles(sends: readonly KnownSend[], period: Period): Comparisons {
  const from = addDays(period.last, -(comparisonDays - 1));
  const window = sends.filter((send) => send.day >= from && send.day <= period.last && send.readers > 0);
  return {
    from,
    to: period.last,
    bySlot: groups(window, (send) => (send.hour !== undefined ? `${weekdayName(send.day)} ${send.hour} 点` : `${weekdayName(send.day)}（时间不详）`)),
    byFormat: groups(window, (send) => send.repo?.format ?? '未标注形式'),
  };
}
