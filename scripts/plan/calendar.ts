import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus, ICalEventTransparency, type ICalEventData } from 'ical-generator';
import type { ContentSet } from '../content/index.ts';
import { contentRevisions, type Revision } from './revisions.ts';
import { effectiveTime, type AccountSchedule, type ScheduledEntry } from './schedule.ts';
import { narrowed, scopedSchedules, type PlanScope } from './scope.ts';
import { entryStatus, statusLabels } from './status.ts';

const zone = 'Asia/Shanghai';
/** A publish is a moment; half an hour shows it in every calendar without blocking the evening. */
const eventMinutes = 30;

export type PlanCalendarResult = { ok: true; text: string; events: number; unreadable: string[] } | { ok: false; message: string };

/**
 * The plans in scope as one iCalendar file (RFC 5545): one event per entry at its time in Asia/Shanghai, UIDs
 * `<account>-<month>-<id>@mpdesk` so a second import updates the first. Nothing comes from the clock: DTSTAMP is
 * the last commit of the entry's plan or article (the plan's first day before any commit), so the same repository
 * gives the same bytes.
 */
export async function planCalendar(set: ContentSet, scope: PlanScope): Promise<PlanCalendarResult> {
  const scoped = scopedSchedules(set, scope);
  if (!scoped.ok) return scoped;
  const schedules = scoped.schedules.map((schedule) => narrowed(schedule, scope.month));
  const revisions = await contentRevisions(set.root);
  const single = schedules.length === 1 ? schedules[0] : undefined;
  const calendar = ical({
    name: `${single ? (single.settings.name ?? single.account) : 'mpdesk'} 内容计划`,
    prodId: '//mpdesk//mpdesk plan ics//ZH',
  });
  // No calendar-wide zone: DTSTAMP must stay in UTC. Each event's TZID brings its VTIMEZONE.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  let events = 0;
  for (const schedule of schedules) {
    for (const scheduled of schedule.entries) {
      calendar.createEvent(eventOf(schedule, scheduled, revisions, single === undefined));
      events++;
    }
  }
  return { ok: true, text: calendar.toString(), events, unreadable: schedules.flatMap((s) => s.unreadable.map((file) => file.source.file)) };
}

function eventOf(schedule: AccountSchedule, scheduled: ScheduledEntry, revisions: ReadonlyMap<string, Revision>, withAccount: boolean): ICalEventData {
  const { plan, entry, articles } = scheduled;
  const start = Date.parse(effectiveTime(scheduled));
  const revised = [plan.file, ...articles.map((article) => article.file)].flatMap((file) => revisions.get(file) ?? []);
  const stamp = revised.length ? new Date(Math.max(...revised.map((r) => r.committed.getTime()))) : new Date(`${plan.month}-01T00:00:00+08:00`);
  const status = entryStatus(articles);
  const url = articles.find((article) => article.url !== undefined)?.url;
  return {
    id: `${schedule.account}-${plan.month}-${entry.fields.id}@mpdesk`,
    // Each commit of its inputs raises it, so calendars that compare SEQUENCE take the re-import as newer.
    sequence: revised.reduce((sum, r) => sum + r.commits, 0),
    stamp,
    lastModified: stamp,
    start: new TZDate(start, zone),
    end: new TZDate(start + eventMinutes * 60_000, zone),
    timezone: zone,
    summary: withAccount ? `[${schedule.settings.name ?? schedule.account}] ${entry.fields.topic}` : entry.fields.topic,
    description: description(scheduled),
    status: ['approved', 'scheduled', 'published', 'archived'].includes(status) ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    transparency: ICalEventTransparency.TRANSPARENT,
    ...(entry.fields.format !== undefined ? { categories: [{ name: entry.fields.format }] } : {}),
    ...(url !== undefined ? { url } : {}),
  };
}

function description(scheduled: ScheduledEntry): string {
  const { plan, entry, articles, key } = scheduled;
  const status = entryStatus(articles);
  return [
    `形式：${entry.fields.format ?? '未定'}`,
    `负责人：${entry.fields.owner ?? '未定'}`,
    `状态：${statusLabels[status]}（${status}）`,
    ...(entry.fields.goal !== undefined ? [`目标：${entry.fields.goal}`] : []),
    ...articles.map((article) => `文章：${article.title}（${article.file}）`),
    ...articles.flatMap((article) => (article.url !== undefined ? [`原文：${article.url}`] : [])),
    `计划：${plan.file} 条目 ${key}`,
  ].join('\n');
}
