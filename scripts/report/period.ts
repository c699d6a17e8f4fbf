/**
 * Report periods: a calendar month (`2026-11`) or an ISO week (`2026-W48`, Monday to Sunday), as calendar days
 * in China time. The snapshots' dates are already Beijing days (WeChat's ref_date), so a period is a list of
 * YYYY-MM-DD strings; an instant (a publish time) belongs to the period of its Beijing day.
 */
import { isoWeekday } from '../shared/calendar-date.ts';

export type PeriodKind = 'monthly' | 'weekly';

export interface Period {
  kind: PeriodKind;
  /** `2026-11` or `2026-W48`: the report's file name. */
  id: string;
  first: string;
  last: string;
  /** Every day, in order. */
  days: string[];
  /** `2026 年 11 月`, `2026 年第 48 周（11-23 至 11-29）`. */
  label: string;
  /** Only the first days of the period: the stretch a period not over yet is compared with. */
  partial?: boolean;
}

const dayMs = 86_400_000;
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / dayMs;
const dayString = (number: number) => new Date(number * dayMs).toISOString().slice(0, 10);

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days);
}

/** The days from `first` to `last`, both included. */
export function dayRange(first: string, last: string): string[] {
  const days: string[] = [];
  for (let n = dayNumber(first); n <= dayNumber(last); n++) days.push(dayString(n));
  return days;
}

/** ISO weekday, 1 Monday … 7 Sunday. */
export const weekday = isoWeekday;

/** The ISO week-year and week of a day: 2027-01-01 is in 2026-W53. */
export function isoWeekOf(day: string): { year: number; week: number } {
  // The week belongs to the year of its Thursday.
  const thursday = dayNumber(day) - weekday(day) + 4;
  const year = new Date(thursday * dayMs).getUTCFullYear();
  const firstThursday = dayNumber(`${year}-01-04`) - weekday(`${year}-01-04`) + 4;
  return { year, week: (thursday - firstThursday) / 7 + 1 };
}

/** 52 or 53: the week of 28 December is always the year's last. */
export function weeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const weekPattern = /^(\d{4})-W(\d{2})$/;

function month(year: number, monthNumber: number): Period {
  const id = `${year}-${String(monthNumber).padStart(2, '0')}`;
  const count = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const days = dayRange(`${id}-01`, `${id}-${String(count).padStart(2, '0')}`);
  return { kind: 'monthly', id, first: days[0]!, last: days.at(-1)!, days, label: `${year} 年 ${monthNumber} 月` };
}

function week(year: number, weekNumber: number): Period {
  const monday = dayNumber(`${year}-01-04`) - weekday(`${year}-01-04`) + 1 + (weekNumber - 1) * 7;
  const days = dayRange(dayString(monday), dayString(monday + 6));
  const id = `${year}-W${String(weekNumber).padStart(2, '0')}`;
  return { kind: 'weekly', id, first: days[0]!, last: days[6]!, days, label: `${year} 年第 ${weekNumber} 周（${days[0]!.slice(5)} 至 ${days[6]!.slice(5)}）` };
}

export type ParsedPeriod = { ok: true; period: Period } | { ok: false; problem: string };

/** `--period` as written: a month for a monthly report, an ISO week for a weekly one. */
export function parsePeriod(kind: PeriodKind, text: string): ParsedPeriod {
  if (kind === 'monthly') {
    const match = monthPattern.exec(text);
    if (match) return { ok: true, period: month(Number(match[1]), Number(match[2])) };
    const hint = weekPattern.test(text) ? '（这是一周：周报用 mpdesk report weekly）' : '';
    return { ok: false, problem: `月报的 --period 应写成 YYYY-MM，如 2026-11：${text}${hint}` };
  }
  const match = weekPattern.exec(text);
  if (!match) {
    const hint = monthPattern.test(text) ? '（这是一个月：月报用 mpdesk report monthly）' : '';
    return { ok: false, problem: `周报的 --period 应写成 ISO 周 YYYY-Www，如 2026-W48：${text}${hint}` };
  }
  const year = Number(match[1]);
  const number = Number(match[2]);
  const weeks = weeksInYear(year);
  if (number < 1 || number > weeks) return { ok: false, problem: `${year} 年只有 ${weeks} 个 ISO 周（W01 至 W${weeks}）：${text}` };
  return { ok: true, period: week(year, number) };
}

/** The period of `kind` that holds `day`. */
export function periodOf(kind: PeriodKind, day: string): Period {
  if (kind === 'monthly') return month(Number(day.slice(0, 4)), Number(day.slice(5, 7)));
  const { year, week: number } = isoWeekOf(day);
  return week(year, number);
}

/** The period just before. */
export function previousPeriod(period: Period): Period {
  return periodOf(period.kind, addDays(period.first, -1));
}

/** The last period that has ended by `newest` (the newest day in the snapshots): the default report. */
export function latestEnded(kind: PeriodKind, newest: string): Period {
  const holding = periodOf(kind, newest);
  return holding.last === newest ? holding : previousPeriod(holding);
}
