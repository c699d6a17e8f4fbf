import { datacubeReadyHour } from '../platform/index.ts';

/**
 * Calendar days as WeChat counts them: `YYYY-MM-DD` in Asia/Shanghai (UTC+8 all year, no daylight saving), whatever
 * the clock of the machine that runs the pull.
 */
export type Day = string;

const dayMs = 86_400_000;
const beijingOffsetMs = 8 * 3_600_000;

function dayNumber(day: Day): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / dayMs;
}

function fromNumber(number: number): Day {
  return new Date(number * dayMs).toISOString().slice(0, 10);
}

export function addDays(day: Day, days: number): Day {
  return fromNumber(dayNumber(day) + days);
}

/** `to - from` in days. */
export function daysBetween(from: Day, to: Day): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every day from `first` to `last`, both included; empty when `last` is before `first`. */
export function daysFrom(first: Day, last: Day): Day[] {
  const days: Day[] = [];
  for (let at = dayNumber(first), end = dayNumber(last); at <= end; at++) days.push(fromNumber(at));
  return days;
}

export function beijingDay(nowMs: number): Day {
  return fromNumber(Math.floor((nowMs + beijingOffsetMs) / dayMs));
}

export function beijingHour(nowMs: number): number {
  return Math.floor(((nowMs + beijingOffsetMs) % dayMs) / 3_600_000);
}

/** The newest day WeChat has numbers for: yesterday, or the day before until 08:00 Beijing time. */
export function newestReadyDay(nowMs: number): { day: Day; yesterdayNotReady: boolean } {
  const yesterday = addDays(beijingDay(nowMs), -1);
  return beijingHour(nowMs) < datacubeReadyHour ? { day: addDays(yesterday, -1), yesterdayNotReady: true } : { day: yesterday, yesterdayNotReady: false };
}

export interface Span {
  begin: Day;
  end: Day;
}

/** Sorted days grouped into runs of consecutive days, each at most `maxDays` long: one API call each. */
export function spansOf(days: readonly Day[], maxDays: number): Span[] {
  const spans: Span[] = [];
  for (const day of [...new Set(days)].sort()) {
    const last = spans.at(-1);
    if (last && daysBetween(last.end, day) === 1 && daysBetween(last.begin, day) < maxDays) last.end = day;
    else spans.push({ begin: day, end: day });
  }
  return spans;
}
