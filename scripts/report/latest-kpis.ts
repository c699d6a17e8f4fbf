import type { AccountSettings } from '../content/index.ts';
import type { AccountSnapshots } from '../metrics/index.ts';
import { periodKpis, periodTotals, type Kpi } from './kpi.ts';
import { periodOf, previousPeriod, type Period } from './period.ts';
import { readSeries } from './series.ts';

export interface LatestKpis {
  /** The month that holds the newest day in the snapshots. */
  period: Period;
  /** The newest day in the snapshots. */
  asOf: string;
  /** Days of the month up to asOf: the count targets are scaled to them. */
  coveredDays: number;
  kpis: Kpi[];
}

/**
 * The KPIs of the month the newest snapshot day falls in, as far as the snapshots go, against the account's `kpi`
 * targets: the figures a monthly report of that month gives. Undefined when the snapshots hold no day at all.
 */
export function latestKpis(snapshots: AccountSnapshots, settings: Partial<AccountSettings>): LatestKpis | undefined {
  const series = readSeries(snapshots);
  const asOf = series.newest;
  if (asOf === undefined) return undefined;
  const period = periodOf('monthly', asOf);
  const coveredDays = period.days.filter((day) => day <= asOf).length;
  const before = periodTotals(series, previousPeriod(period));
  const previous = before.readDays || before.followerDays ? before : undefined;
  return { period, asOf, coveredDays, kpis: periodKpis(periodTotals(series, period), settings.kpi ?? {}, period, coveredDays, previous) };
}
