import {
  articleFields,
  planReference,
  resolvePlan,
  typedFields,
  type AccountFile,
  type AccountSettings,
  type ArticleFile,
  type ArticleFrontmatter,
  type ContentSet,
  type Plan,
  type PlanEntry,
  type PlanFile,
  type SourceFile,
  type Span,
} from '../content/index.ts';
import { beijingWallClock } from '../shared/beijing-time.ts';

/** An article's `status:`, or `unknown` when it does not hold one of the schema's values (validate says why). */
export type ArticleStatus = ArticleFrontmatter['status'] | 'unknown';

/** An article as the plan sees it: typed frontmatter only, with where its `publish_at` and `plan` are written. */
export interface PlannedArticle {
  file: string;
  source: SourceFile;
  title: string;
  status: ArticleStatus;
  author?: string;
  publish_at?: string;
  /** The published article's address, from the publish receipt. */
  url?: string;
  publishSpan?: Span;
  planSpan?: Span;
}

/** A plan entry and the articles that name it (`plan: 2026-12/03`). */
export interface ScheduledEntry {
  plan: Plan;
  entry: PlanEntry;
  /** `2026-12/03`, as articles write it. */
  key: string;
  articles: PlannedArticle[];
}

/** An article published in a month that has a plan, naming no entry of it. */
export interface UnplannedArticle {
  article: PlannedArticle;
  /** Its month in China time. */
  month: string;
  /** The entry it names that no plan has, when it names one. */
  missing?: string;
}

/** One account's plans joined to its articles. */
export interface AccountSchedule {
  account: string;
  settings: Partial<AccountSettings>;
  accountFile?: AccountFile;
  /** Readable plans, by month. */
  plans: Plan[];
  /** Plans whose frontmatter could not be read (their findings are among the set's). */
  unreadable: PlanFile[];
  /** Every entry of `plans`, by month and then as written. */
  entries: ScheduledEntry[];
  unplanned: UnplannedArticle[];
}

/** Joins every account's plans and articles, from the loaded content; nothing is read again. */
export function buildSchedules(set: ContentSet): AccountSchedule[] {
  const accounts = [...new Set([...set.accounts, ...set.plans].map((file) => file.place.account))].sort();
  return accounts.map((account) => scheduleOf(set, account));
}

function scheduleOf(set: ContentSet, account: string): AccountSchedule {
  const accountFile = set.accounts.find((file) => file.place.account === account);
  const settings: Partial<AccountSettings> = accountFile?.doc ? typedFields('account', accountFile.doc.data) : {};
  const files = set.plans.filter((file) => file.place.account === account).sort((a, b) => a.place.month.localeCompare(b.place.month));
  const plans = files.flatMap((file) => resolvePlan(file) ?? []);
  const unreadable = files.filter((file) => !file.doc);
  const entries: ScheduledEntry[] = plans.flatMap((plan) => plan.entries.map((entry) => ({ plan, entry, key: `${plan.month}/${entry.fields.id}`, articles: [] })));
  const byKey = new Map(entries.map((scheduled) => [scheduled.key, scheduled]));
  // An id that is written but whose entry is malformed is validate's to report, not an article without an entry.
  const writtenIds = new Set(plans.flatMap((plan) => rawIds(plan).map((id) => `${plan.month}/${id}`)));
  const planned = new Set(plans.map((plan) => plan.month));
  const unplanned: UnplannedArticle[] = [];
  for (const file of set.articles.filter((a) => a.place.account === account)) {
    const article = plannedArticle(file);
    if (!article) continue;
    const reference = typeof file.doc?.data.plan === 'string' ? file.doc.data.plan : undefined;
    const scheduled = reference === undefined ? undefined : byKey.get(reference);
    if (scheduled) {
      scheduled.articles.push(article);
      continue;
    }
    if (reference !== undefined && (writtenIds.has(reference) || !planReference(reference))) continue;
    const month = article.publish_at === undefined ? undefined : beijingWallClock(article.publish_at).month;
    if (month !== undefined && planned.has(month)) unplanned.push({ article, month, ...(reference !== undefined ? { missing: reference } : {}) });
  }
  return { account, settings, ...(accountFile ? { accountFile } : {}), plans, unreadable, entries, unplanned };
}

function rawIds(plan: Plan): string[] {
  const raw: unknown[] = Array.isArray(plan.doc.data.entries) ? plan.doc.data.entries : [];
  return raw.flatMap((entry) => (entry && typeof entry === 'object' && 'id' in entry && typeof entry.id === 'string' ? [entry.id] : []));
}

/** The article's typed fields the plan needs; undefined when its frontmatter could not be read. */
function plannedArticle(file: ArticleFile): PlannedArticle | undefined {
  const fields = articleFields(file);
  if (!file.doc) return undefined;
  const publishAt = fields.publish_at !== undefined && !Number.isNaN(Date.parse(fields.publish_at)) ? fields.publish_at : undefined;
  const publishSpan = file.doc.fields.get('/publish_at')?.key;
  const planSpan = file.doc.fields.get('/plan')?.key;
  return {
    file: file.source.file,
    source: file.source,
    title: fields.title ?? file.place.slug,
    status: fields.status ?? 'unknown',
    ...(fields.author !== undefined ? { author: fields.author } : {}),
    ...(publishAt !== undefined ? { publish_at: publishAt } : {}),
    ...(fields.wechat?.url !== undefined ? { url: fields.wechat.url } : {}),
    ...(publishSpan ? { publishSpan } : {}),
    ...(planSpan ? { planSpan } : {}),
  };
}

/** When an entry goes out: its article's `publish_at` when the article has one (it was rescheduled), else the plan's. */
export function effectiveTime(scheduled: ScheduledEntry): string {
  return scheduled.articles.find((article) => article.publish_at !== undefined)?.publish_at ?? scheduled.entry.fields.publish_at;
}
