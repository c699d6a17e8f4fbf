import type { SourceFile, Span } from '../content/index.ts';
import { beijingWallClock, type BeijingClock } from '../shared/beijing-time.ts';
import type { AccountSchedule, PlannedArticle, ScheduledEntry } from './schedule.ts';

/** Something that goes out at a time: a planned entry (through its article when that has a time) or an unplanned article. */
export interface Occupant {
  time: string;
  clock: BeijingClock;
  /** The month it belongs to: its plan's, or for an unplanned article its month in China. */
  month: string;
  /** How messages name it: `2026-12/03「选题」` or `「标题」`. */
  label: string;
  /** Where its time is written. */
  source: SourceFile;
  span: Span;
  field: string;
  /** Published or archived: its timing is history, not something to change. */
  done: boolean;
}

const isDone = (article: PlannedArticle) => article.status === 'published' || article.status === 'archived';

/** Every occupant of the account's publishing slots, by time. */
export function occupantsOf(schedule: AccountSchedule): Occupant[] {
  const occupants = [...schedule.entries.flatMap(entryOccupants), ...schedule.unplanned.flatMap(({ article, month }) => (article.publish_at === undefined ? [] : [articleOccupant(article, article.publish_at, month, `「${article.title}」`)]))];
  return occupants.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.source.file.localeCompare(b.source.file) || a.span[0] - b.span[0]);
}

function entryOccupants(scheduled: ScheduledEntry): Occupant[] {
  const { plan, entry } = scheduled;
  const label = entryLabel(scheduled);
  const timed = scheduled.articles.flatMap((article) => (article.publish_at === undefined ? [] : [{ article, time: article.publish_at }]));
  const planned = (done: boolean): Occupant => {
    const time = entry.fields.publish_at;
    return { time, clock: beijingWallClock(time), month: plan.month, label, source: plan.source, span: entry.keys.publish_at ?? entry.span, field: `entries[${entry.index}].publish_at`, done };
  };
  if (timed.length === 0) return [planned(false)];
  // The plan is where a planner looks; the article only when it moved to another time.
  const [first] = timed;
  if (timed.length === 1 && first) {
    return Date.parse(first.time) === Date.parse(entry.fields.publish_at) ? [planned(isDone(first.article))] : [articleOccupant(first.article, first.time, plan.month, label)];
  }
  // Several articles on one entry (validate warns about it) are told apart by their titles.
  return timed.map(({ article, time }) => articleOccupant(article, time, plan.month, `${scheduled.key}「${article.title}」`));
}

function articleOccupant(article: PlannedArticle, time: string, month: string, label: string): Occupant {
  const span = article.publishSpan ?? [article.source.bomLength, article.source.bomLength + 3];
  return { time, clock: beijingWallClock(time), month, label, source: article.source, span, field: 'publish_at', done: isDone(article) };
}

export function entryLabel(scheduled: ScheduledEntry): string {
  return `${scheduled.key}「${scheduled.entry.fields.topic}」`;
}
