import type { AccountSettings, ContentSet } from '../content/index.ts';
import { beijingDate } from '../shared/beijing-time.ts';
import { findAnomalies, thresholdsOf, type Anomaly, type Thresholds } from './anomalies.ts';
import { cadenceGaps, type CadenceGaps } from './cadence-gaps.ts';
import { compareArticles, type Comparisons } from './comparisons.ts';
import { knownSends, publishHours, readingHours, type KnownSend, type PublishHour, type ReadingHours } from './hours.ts';
import { periodKpis, periodTotals, type Kpi, type PeriodTotals } from './kpi.ts';
import { previousPeriod, type Period } from './period.ts';
import { planVsActual, type PlanVsActual } from './plan-actual.ts';
import { repoArticles } from './repo-articles.ts';
import type { AccountSeries } from './series.ts';
import { readsBySource, type SourceShare } from './sources.ts';

/** One day of the period, as the daily charts and tables show it. */
export interface ReportDay {
  day: string;
  reads?: number;
  readers?: number;
  shares?: number;
  newUsers?: number;
  cancelled?: number;
  net?: number;
  total?: number;
  /** Titles that went out that day. */
  sent: string[];
}

/** Everything one account's report says, as plain data: what --format json prints and the writers read. */
export interface AccountReport {
  account: string;
  name: string;
  period: Period;
  previous: Period;
  /** The newest day in the account's snapshots. */
  asOf: string;
  /** Days of the period up to asOf: fewer than the period's while it is not over in the snapshots. */
  coveredDays: number;
  totals: PeriodTotals;
  kpis: Kpi[];
  days: ReportDay[];
  sources: SourceShare[];
  hours: ReadingHours;
  publishHours: PublishHour[];
  /** The period's articles, most read first. */
  articles: KnownSend[];
  plan: PlanVsActual;
  cadence: CadenceGaps;
  anomalies: Anomaly[];
  comparisons: Comparisons;
  thresholds: Thresholds;
  /** Chart colours: the account's brand. */
  colors: { primary: string; accent: string };
}

export interface AccountInput {
  set: ContentSet;
  account: string;
  settings: Partial<AccountSettings>;
  series: AccountSeries;
  period: Period;
}

/** A period not over yet is compared with the same number of days of the one before (上月同期), not all of it. */
function sameStretch(previous: Period, days: number | undefined): Period {
  if (days === undefined) return previous;
  const kept = previous.days.slice(0, days);
  return { ...previous, days: kept, last: kept.at(-1) ?? previous.first, partial: true };
}

const defaultColors = { primary: '#3a6b4c', accent: '#c0873f' };

/** The report of one account for one period; undefined when the snapshots hold nothing for the period. */
export function accountReport({ set, account, settings, series, period }: AccountInput): AccountReport | undefined {
  const asOf = series.newest;
  const totals = periodTotals(series, period);
  if (asOf === undefined || (totals.readDays === 0 && totals.followerDays === 0 && totals.sent === 0)) return undefined;
  const articles = repoArticles(set, account);
  const sends = knownSends(series.sends, articles);
  const coveredDays = period.days.filter((day) => day <= asOf).length;
  const previous = sameStretch(previousPeriod(period), coveredDays < period.days.length ? coveredDays : undefined);
  const before = periodTotals(series, previous);
  const sendDays = [...sends.map((send) => send.day), ...[...articles.values()].flatMap((article) => (article.sentAt ? [beijingDate(article.sentAt)] : []))];
  const thresholds = thresholdsOf(settings);
  const inPeriod = sends.filter((send) => send.day >= period.first && send.day <= period.last);
  return {
    account,
    name: settings.name ?? account,
    period,
    previous,
    asOf,
    coveredDays,
    totals,
    kpis: periodKpis(totals, settings.kpi ?? {}, period, coveredDays, before.readDays || before.followerDays ? before : undefined),
    days: reportDays(series, period, inPeriod),
    sources: readsBySource(series, period),
    hours: readingHours(series, period),
    publishHours: publishHours(sends.filter((send) => send.day <= period.last)),
    articles: [...inPeriod].sort((a, b) => b.reads - a.reads || (a.key < b.key ? -1 : 1)),
    plan: planVsActual({ set, account, period, asOf, articles, sends }),
    cadence: cadenceGaps(settings, sendDays, period, asOf),
    anomalies: findAnomalies({ series, period, sends, sendDays: new Set(sendDays), thresholds }),
    comparisons: compareArticles(sends, period),
    thresholds,
    colors: { primary: settings.brand?.primary ?? defaultColors.primary, accent: settings.brand?.accent ?? defaultColors.accent },
  };
}

function reportDays(series: AccountSeries, period: Period, sends: readonly KnownSend[]): ReportDay[] {
  return period.days.map((day) => {
    const reads = series.daily.get(day);
    const followers = series.followers.get(day);
    return {
      day,
      ...(reads ? { reads: reads.reads, readers: reads.readers, shares: reads.shares } : {}),
      ...(followers ? { newUsers: followers.newUsers, cancelled: followers.cancelled, net: followers.net, ...(followers.total !== undefined ? { total: followers.total } : {}) } : {}),
      sent: sends.filter((send) => send.day === day).map((send) => send.title),
    };
  });
}
