import type { ContentSet } from '../content/index.ts';
import { planStatus, statusLabels } from '../plan/index.ts';
import { beijingDate, beijingWallClock } from '../shared/beijing-time.ts';
import type { KnownSend } from './hours.ts';
import { weekday, type Period } from './period.ts';
import { compareText } from './order.ts';
import type { RepoArticle } from './repo-articles.ts';

/**
 * The period's plan against what went out: each entry on time, late, early, missing or not yet due (the snapshots
 * end before it), and what went out without an entry (in the repository, or sent from the backend by hand).
 */

export type PlanOutcome = 'on-time' | 'late' | 'early' | 'missing' | 'not-due';

export const outcomeLabels: Record<PlanOutcome, string> = { 'on-time': '准时', late: '推迟', early: '提前', missing: '未发出', 'not-due': '未到期' };

/** An article that went out within this much of the planned time is on time. */
export const onTimeMinutes = 60;

export interface PlannedItem {
  entry: string;
  topic: string;
  format?: string;
  owner?: string;
  /** The plan's time as written, and as `11-06 周五 20:00` in China time. */
  plannedAt: string;
  planned: string;
  outcome: PlanOutcome;
  /** When it went out (`11-06 20:00`, or the day alone when only the snapshots say), and by how much it was off. */
  actual?: string;
  offBy?: string;
  /** The entry's articles: file, title, status as the plan reads it. */
  articles: Array<{ file: string; title: string; status: string }>;
}

export interface UnplannedItem {
  title: string;
  day: string;
  /** The repository file; none for a send from the backend the repository does not have. */
  file?: string;
}

export interface PlanVsActual {
  planned: PlannedItem[];
  unplanned: UnplannedItem[];
  /** Months of the period without a plan file. */
  withoutPlan: string[];
}

const minuteMs = 60_000;

function clockText(iso: string, withWeekday: boolean): string {
  const clock = beijingWallClock(iso);
  const time = `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
  return `${clock.date.slice(5)}${withWeekday ? ` 周${'一二三四五六日'[weekday(clock.date) - 1]}` : ''} ${time}`;
}

/** When an article went out: its receipt's (or published) time, else the day its send was counted on. */
function wentOut(article: RepoArticle | undefined, sends: readonly KnownSend[]): { at?: string; day: string } | undefined {
  if (!article) return undefined;
  if (article.sentAt) return { at: article.sentAt, day: beijingDate(article.sentAt) };
  const send = sends.find((one) => one.article === article.id);
  return send ? { day: send.day } : undefined;
}

function offBy(plannedAt: string, went: { at?: string; day: string }): { outcome: PlanOutcome; offBy?: string } {
  if (went.at) {
    const minutes = Math.round((Date.parse(went.at) - Date.parse(plannedAt)) / minuteMs);
    if (Math.abs(minutes) <= onTimeMinutes) return { outcome: 'on-time' };
    const amount = Math.abs(minutes) >= 24 * 60 ? `${Math.round(Math.abs(minutes) / (24 * 60))} 天` : `${Math.round(Math.abs(minutes) / 60)} 小时`;
    return { outcome: minutes > 0 ? 'late' : 'early', offBy: amount };
  }
  const days = Math.round((Date.parse(went.day) - Date.parse(beijingDate(plannedAt))) / 86_400_000);
  return days === 0 ? { outcome: 'on-time' } : { outcome: days > 0 ? 'late' : 'early', offBy: `${Math.abs(days)} 天` };
}

export interface PlanInput {
  set: ContentSet;
  account: string;
  period: Period;
  /** The newest day in the snapshots: an entry after it is not due yet as far as they know. */
  asOf: string;
  articles: ReadonlyMap<string, RepoArticle>;
  sends: readonly KnownSend[];
}

export function planVsActual({ set, account, period, asOf, articles, sends }: PlanInput): PlanVsActual {
  const byFile = new Map([...articles.values()].map((article) => [article.file, article]));
  const inPeriod = (day: string) => day >= period.first && day <= period.last;
  const result: PlanVsActual = { planned: [], unplanned: [], withoutPlan: [] };
  for (const month of [...new Set(period.days.map((day) => day.slice(0, 7)))]) {
    const status = planStatus(set, { account, month });
    if (!status.ok) {
      result.withoutPlan.push(month);
      continue;
    }
    for (const row of status.rows) {
      const went = row.articles.map((one) => wentOut(byFile.get(one.file), sends)).find((one) => one !== undefined);
      if (row.entry === null) {
        if (went && inPeriod(went.day)) result.unplanned.push({ title: row.topic, day: went.day, file: row.articles[0]!.file });
        continue;
      }
      const plannedAt = row.planned_at ?? row.publish_at;
      if (!inPeriod(beijingDate(plannedAt))) continue;
      const timing = went ? offBy(plannedAt, went) : { outcome: beijingDate(plannedAt) > asOf ? ('not-due' as const) : ('missing' as const) };
      result.planned.push({
        entry: row.entry,
        topic: row.topic,
        ...(row.format ? { format: row.format } : {}),
        ...(row.owner ? { owner: row.owner } : {}),
        plannedAt,
        planned: clockText(plannedAt, true),
        ...timing,
        ...(went ? { actual: went.at ? clockText(went.at, false) : went.day.slice(5) } : {}),
        articles: row.articles.map((one) => ({ file: one.file, title: one.title, status: `${statusLabels[one.status]} ${one.status}` })),
      });
    }
  }
  // Sends the repository does not have: published from the backend by hand.
  for (const send of sends) if (inPeriod(send.day) && !send.repo) result.unplanned.push({ title: send.title, day: send.day });
  // In the plan's order of time: an entry whose article moved stays where it was planned.
  result.planned.sort((a, b) => Date.parse(a.plannedAt) - Date.parse(b.plannedAt) || compareText(a.entry, b.entry));
  result.unplanned.sort((a, b) => compareText(a.day, b.day) || compareText(a.title, b.title));
  return result;
}
