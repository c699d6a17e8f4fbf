import type { AccountSettings } from '../content/index.ts';
import { cadenceSlots, describeCadence, longestGapDays } from '../plan/index.ts';
import { daysBetween } from '../shared/calendar-date.ts';
import type { Period } from './period.ts';

export interface CadenceGap {
  /** The send day before the gap (none when nothing went out before it in the snapshots). */
  from: string;
  /** The next send day, or the period's last day for a gap still open at its end. */
  to: string;
  days: number;
  open: boolean;
}

export interface CadenceGaps {
  /** `每周五 20:00`; undefined when account.yaml has no cadence. */
  cadence?: string;
  allowed?: number;
  gaps: CadenceGap[];
}

/**
 * Gaps between publishing days longer than the cadence ever leaves (7 days for once a week), as plan check counts
 * them, over what actually went out: a gap is reported in the period it ends in, and one still open at the period's
 * end (up to the newest day of the snapshots) is reported too.
 */
export function cadenceGaps(settings: Partial<AccountSettings>, sendDays: readonly string[], period: Period, asOf: string): CadenceGaps {
  if (!settings.cadence) return { gaps: [] };
  const slots = cadenceSlots(settings.cadence);
  const allowed = longestGapDays(slots);
  const days = [...new Set(sendDays)].sort();
  const gaps: CadenceGap[] = [];
  days.forEach((day, index) => {
    const previous = days[index - 1];
    if (previous === undefined || day < period.first || day > period.last) return;
    const gap = daysBetween(previous, day);
    if (gap > allowed) gaps.push({ from: previous, to: day, days: gap, open: false });
  });
  const end = asOf < period.last ? asOf : period.last;
  const last = days.filter((day) => day <= end).at(-1);
  if (last !== undefined && end >= period.first && daysBetween(last, end) > allowed && !days.some((day) => day > end && day <= period.last)) {
    gaps.push({ from: last, to: end, days: daysBetween(last, end), open: true });
  }
  return { cadence: describeCadence(slots), allowed, gaps };
}
