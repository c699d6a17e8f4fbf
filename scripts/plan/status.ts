import type { ContentSet } from '../content/index.ts';
import { effectiveTime, type ArticleStatus, type PlannedArticle } from './schedule.ts';
import { narrowed, scopedSchedules, type PlanScope } from './scope.ts';
import { dayAndTime } from './time-text.ts';

/** An entry's status: its article's, or `planned` while it has none. */
export type EntryStatus = 'planned' | ArticleStatus;

export interface StatusArticle {
  file: string;
  title: string;
  status: ArticleStatus;
  publish_at?: string;
  url?: string;
}

export interface StatusRow {
  account: string;
  month: string;
  /** `2026-12/03`; null for an article published in the month without an entry. */
  entry: string | null;
  topic: string;
  format?: string;
  owner?: string;
  goal?: string;
  /** The plan's time, as written; null for an unplanned article. */
  planned_at: string | null;
  /** When it goes out: the article's `publish_at` when it has one, else the plan's. */
  publish_at: string;
  /** `2026-12-03 周四 20:00`, China time. */
  beijing: string;
  status: EntryStatus;
  articles: StatusArticle[];
}

/** How each status reads in Chinese. */
export const statusLabels: Record<EntryStatus, string> = {
  planned: '待写',
  unknown: '状态无法读取',
  draft: '草稿',
  review: '审核中',
  approved: '已过审',
  scheduled: '已排期',
  published: '已发布',
  archived: '已归档',
};

const progress: readonly ArticleStatus[] = ['unknown', 'draft', 'review', 'approved', 'scheduled', 'published', 'archived'];
export const entryStatuses: readonly EntryStatus[] = ['planned', ...progress];

export type PlanStatusResult = { ok: true; rows: StatusRow[]; unreadable: string[] } | { ok: false; message: string };

/** One row per plan entry in scope, and one per unplanned article of a planned month, by publish time. */
export function planStatus(set: ContentSet, scope: PlanScope): PlanStatusResult {
  const scoped = scopedSchedules(set, scope);
  if (!scoped.ok) return scoped;
  const rows: StatusRow[] = [];
  const unreadable: string[] = [];
  for (const schedule of scoped.schedules.map((s) => narrowed(s, scope.month))) {
    unreadable.push(...schedule.unreadable.map((file) => file.source.file));
    for (const scheduled of schedule.entries) {
      const { fields } = scheduled.entry;
      const time = effectiveTime(scheduled);
      rows.push({
        account: schedule.account,
        month: scheduled.plan.month,
        entry: scheduled.key,
        topic: fields.topic,
        ...(fields.format !== undefined ? { format: fields.format } : {}),
        ...(fields.owner !== undefined ? { owner: fields.owner } : {}),
        ...(fields.goal !== undefined ? { goal: fields.goal } : {}),
        planned_at: fields.publish_at,
        publish_at: time,
        beijing: dayAndTime(time),
        status: entryStatus(scheduled.articles),
        articles: scheduled.articles.map(statusArticle),
      });
    }
    for (const { article, month } of schedule.unplanned) {
      const time = article.publish_at!;
      const owner = article.author !== undefined ? { owner: article.author } : {};
      rows.push({ account: schedule.account, month, entry: null, topic: article.title, ...owner, planned_at: null, publish_at: time, beijing: dayAndTime(time), status: article.status, articles: [statusArticle(article)] });
    }
  }
  rows.sort((a, b) => a.account.localeCompare(b.account) || Date.parse(a.publish_at) - Date.parse(b.publish_at) || (a.entry ?? '').localeCompare(b.entry ?? ''));
  return { ok: true, rows, unreadable };
}

/** With several articles on one entry, the one furthest behind says where the entry stands. */
export function entryStatus(articles: readonly PlannedArticle[]): EntryStatus {
  if (articles.length === 0) return 'planned';
  return articles.map((article) => article.status).sort((a, b) => progress.indexOf(a) - progress.indexOf(b))[0]!;
}

function statusArticle(article: PlannedArticle): StatusArticle {
  const { file, title, status, publish_at, url } = article;
  return { file, title, status, ...(publish_at !== undefined ? { publish_at } : {}), ...(url !== undefined ? { url } : {}) };
}
