import type { AccountSettings } from '../content/index.ts';
import type { Period } from './period.ts';
import type { AccountSeries, Send } from './series.ts';

/** What a period adds up to, from the daily, follower and article snapshots. */
export interface PeriodTotals {
  reads: number;
  readers: number;
  shares: number;
  favorites: number;
  newFollowers: number;
  cancelled: number;
  netFollowers: number;
  /** Days of the period with reads in the snapshots, and with followers. */
  readDays: number;
  followerDays: number;
  /** The period's mass sends that carry 送达人数: their readers and deliveries, for the open rate. */
  delivered: number;
  sendReaders: number;
  /** Articles that went out in the period. */
  sent: number;
  /** Followers at the period's last day with a total. */
  followersAtEnd?: number;
}

export function periodTotals(series: AccountSeries, period: Period): PeriodTotals {
  const totals: PeriodTotals = { reads: 0, readers: 0, shares: 0, favorites: 0, newFollowers: 0, cancelled: 0, netFollowers: 0, readDays: 0, followerDays: 0, delivered: 0, sendReaders: 0, sent: 0 };
  for (const day of period.days) {
    const reads = series.daily.get(day);
    if (reads) {
      totals.readDays++;
      totals.reads += reads.reads;
      totals.readers += reads.readers;
      totals.shares += reads.shares;
      totals.favorites += reads.favorites;
    }
    const followers = series.followers.get(day);
    if (followers) {
      totals.followerDays++;
      totals.newFollowers += followers.newUsers;
      totals.cancelled += followers.cancelled;
      totals.netFollowers += followers.net;
      if (followers.total !== undefined) totals.followersAtEnd = followers.total;
    }
  }
  for (const send of sendsIn(series, period)) {
    totals.sent++;
    if (send.delivered === undefined || send.delivered <= 0) continue;
    totals.delivered += send.delivered;
    totals.sendReaders += send.readers;
  }
  return totals;
}

export function sendsIn(series: AccountSeries, period: Period): Send[] {
  return series.sends.filter((send) => send.day >= period.first && send.day <= period.last);
}

export type KpiId = 'reads' | 'readers' | 'open_rate' | 'share_rate' | 'favorite_rate' | 'net_followers';

export interface Kpi {
  id: KpiId;
  label: string;
  unit: 'count' | 'rate';
  /** null when the snapshots cannot say (no reads, no mass send with 送达人数). */
  value: number | null;
  /** The target for this period: a monthly count scaled to a week or to the days the snapshots cover. */
  target?: number;
  /** Why the target differs from account.yaml's, when it does. */
  targetNote?: string;
  met?: boolean;
  /** The same figure for the period before, when the snapshots have it. */
  previous?: number | null;
}

type Targets = NonNullable<AccountSettings['kpi']>;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** A month's length on average: a weekly report's count targets are the monthly ones × 7 / this. */
export const daysPerMonth = 365.25 / 12;

/**
 * The KPIs of a period against the account's targets. Counts are monthly targets: a week gets 7 / 30.44 of them,
 * and a period the snapshots do not cover to its end gets the share of its days they do cover. Rates are compared
 * as they are.
 */
export function periodKpis(totals: PeriodTotals, targets: Targets, period: Period, coveredDays: number, previous?: PeriodTotals): Kpi[] {
  const weekly = period.kind === 'weekly' ? 7 / daysPerMonth : 1;
  const covered = coveredDays / period.days.length;
  const note = [period.kind === 'weekly' ? '月目标 × 7 ÷ 30.44' : '', covered < 1 ? `按已有数据的 ${coveredDays} 天折算` : ''].filter(Boolean).join('，');
  const count = (monthly: number | undefined) => (monthly === undefined ? {} : { target: Math.round(monthly * weekly * covered), ...(note ? { targetNote: note } : {}) });
  const rate = (target: number | undefined) => (target === undefined ? {} : { target });
  const figures: Array<[KpiId, string, Kpi['unit'], (t: PeriodTotals) => number | null, { target?: number; targetNote?: string }]> = [
    ['reads', '阅读次数', 'count', (t) => (t.readDays ? t.reads : null), count(targets.monthly_reads)],
    ['readers', '阅读人数', 'count', (t) => (t.readDays ? t.readers : null), count(targets.monthly_readers)],
    ['open_rate', '打开率', 'rate', (t) => ratio(t.sendReaders, t.delivered), rate(targets.open_rate)],
    ['share_rate', '分享率', 'rate', (t) => ratio(t.shares, t.reads), rate(targets.share_rate)],
    ['favorite_rate', '收藏率', 'rate', (t) => ratio(t.favorites, t.reads), rate(targets.favorite_rate)],
    ['net_followers', '净增关注', 'count', (t) => (t.followerDays ? t.netFollowers : null), count(targets.new_followers)],
  ];
  return figures.map(([id, label, unit, value, goal]) => {
    const figure = value(totals);
    const met = goal.target !== undefined && figure !== null ? { met: figure >= goal.target } : {};
    return { id, label, unit, value: figure, ...goal, ...met, ...(previous ? { previous: value(previous) } : {}) };
  });
}
