import type { StatusRow } from '../plan/index.ts';
import { beijingWallClock } from '../shared/beijing-time.ts';
import { daysOfMonth, isoWeekday } from '../shared/calendar-date.ts';
import { previewOf, type DeskArticle } from './articles.ts';
import { isOut, knownStatus, statusNames } from './statuses.ts';

/** Published (or archived after it was), planned and still to come, or planned and past its time without going out. */
export type MarkKind = 'published' | 'planned' | 'missed';

/** One planned or published article on its Beijing day. */
export interface CalendarMark {
  kind: MarkKind;
  /** Not an entry of its month's plan (only said of months that have one). */
  unplanned: boolean;
  /** The time as written. */
  at: string;
  /** `20:00`, China time. */
  time: string;
  title: string;
  /** `2026-12/03`, for a plan entry. */
  entry?: string;
  /** `planned` for an entry without an article yet, else the article's status. */
  status: string;
  statusName: string;
  preview?: string;
}

export interface CalendarDay {
  /** YYYY-MM-DD. */
  date: string;
  day: number;
  /** False for the days of the neighbouring months that fill the first and last week. */
  inMonth: boolean;
  today: boolean;
  marks: CalendarMark[];
}

export interface CalendarMonth {
  /** YYYY-MM. */
  month: string;
  /** `2026 年 12 月`. */
  label: string;
  current: boolean;
  /** Whether the account has a plan for the month. */
  hasPlan: boolean;
  /** Monday to Sunday. */
  weeks: CalendarDay[][];
  counts: Record<MarkKind, number> & { unplanned: number };
}

/** The mark of a plan row: an entry with its articles, or an article published in a planned month without one. */
function rowMark(row: StatusRow, previews: ReadonlyMap<string, string>, now: number): CalendarMark {
  const out = isOut(row.status) || row.articles.some((article) => article.url !== undefined);
  const only = row.articles.length === 1 ? row.articles[0] : undefined;
  const preview = row.articles.map((article) => previews.get(article.file)).find((href) => href !== undefined);
  const status = row.status === 'planned' ? 'planned' : knownStatus(row.status);
  return {
    kind: out ? 'published' : Date.parse(row.publish_at) < now ? 'missed' : 'planned',
    unplanned: row.entry === null,
    at: row.publish_at,
    time: clock(row.publish_at),
    title: only?.title ?? row.topic,
    ...(row.entry !== null ? { entry: row.entry } : {}),
    status,
    statusName: status === 'planned' ? '待写' : statusNames[status]!,
    ...(preview !== undefined ? { preview } : {}),
  };
}

/** The mark of an article with a publish time that no plan row holds (its month has no plan). */
function articleMark(article: DeskArticle & { publishAt: string }, now: number): CalendarMark {
  const status = knownStatus(article.status);
  const preview = previewOf(article);
  return {
    kind: isOut(status) ? 'published' : Date.parse(article.publishAt) < now ? 'missed' : 'planned',
    unplanned: false,
    at: article.publishAt,
    time: clock(article.publishAt),
    title: article.title,
    status,
    statusName: statusNames[status]!,
    ...(preview !== undefined ? { preview } : {}),
  };
}

function clock(iso: string): string {
  const { hour, minute } = beijingWallClock(iso);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export interface CalendarInput {
  /** The account's plan rows (`mpdesk plan status`'s, every month). */
  rows: readonly StatusRow[];
  /** Months the account has a plan file for, readable or not. */
  planMonths: readonly string[];
  articles: readonly DeskArticle[];
  now: Date;
}

/**
 * The account's calendar: the current month in China time and every month it has a plan for, in order, each a grid
 * of Monday-to-Sunday weeks. Every mark sits on its Beijing day (an article at 2026-11-30T16:30:00Z is on
 * 1 December): plan entries with their article's status, and articles with a publish time that no plan holds.
 */
export function calendarOf({ rows: allRows, planMonths, articles, now }: CalendarInput): CalendarMonth[] {
  // A time that does not parse is validate's to report; it has no day to sit on.
  const rows = allRows.filter((row) => !Number.isNaN(Date.parse(row.publish_at)));
  const today = beijingWallClock(now.toISOString());
  const previews = new Map(articles.flatMap((article) => (article.dir === undefined ? [] : [[article.file, previewOf(article)!] as const])));
  const inRows = new Set(rows.flatMap((row) => row.articles.map((article) => article.file)));
  const marks = rows.map((row) => rowMark(row, previews, now.getTime()));
  for (const article of articles) {
    if (inRows.has(article.file) || article.publishAt === undefined || Number.isNaN(Date.parse(article.publishAt))) continue;
    marks.push(articleMark({ ...article, publishAt: article.publishAt }, now.getTime()));
  }
  const byDay = new Map<string, CalendarMark[]>();
  for (const mark of marks) {
    const day = beijingWallClock(mark.at).date;
    byDay.set(day, [...(byDay.get(day) ?? []), mark]);
  }
  for (const list of byDay.values()) list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.entry ?? '').localeCompare(b.entry ?? '') || a.title.localeCompare(b.title));
  const planned = new Set(planMonths);
  // An entry written for another month than its plan's (plan check's error) still shows, in the month it falls in.
  const months = [...new Set([today.month, ...planMonths, ...rows.map((row) => beijingWallClock(row.publish_at).month)])].sort();
  return months.map((month) => monthOf(month, today.date, planned.has(month), byDay));
}

function monthOf(month: string, today: string, hasPlan: boolean, byDay: ReadonlyMap<string, readonly CalendarMark[]>): CalendarMonth {
  const days = daysOfMonth(month);
  const first = days[0]!;
  const last = days.at(-1)!;
  const lead = isoWeekday(first) - 1;
  // Padding days of the neighbouring months carry no marks: those are in their own month.
  const cells: CalendarDay[] = [
    ...Array.from({ length: lead }, (_, i) => padding(first, i - lead)),
    ...days.map((date) => ({ date, day: Number(date.slice(8)), inMonth: true, today: date === today, marks: [...(byDay.get(date) ?? [])] })),
    ...Array.from({ length: 7 - isoWeekday(last) }, (_, i) => padding(last, i + 1)),
  ];
  const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
  const marks = cells.flatMap((cell) => cell.marks);
  const counts = { published: 0, planned: 0, missed: 0, unplanned: marks.filter((mark) => mark.unplanned).length };
  for (const mark of marks) counts[mark.kind]++;
  return { month, label: `${month.slice(0, 4)} 年 ${Number(month.slice(5))} 月`, current: month === today.slice(0, 7), hasPlan, weeks, counts };
}

/** The day `offset` days from `day`, shown greyed and empty. */
function padding(day: string, offset: number): CalendarDay {
  const date = new Date(Date.parse(`${day}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  return { date, day: Number(date.slice(8)), inMonth: false, today: false, marks: [] };
}
