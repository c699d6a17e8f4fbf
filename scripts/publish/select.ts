import { dirname } from 'node:path';
import { articleFields, typedFields, type ArticleFile, type ContentSet } from '../content/index.ts';
import { maxDraftArticles } from '../platform/index.ts';
import type { Finding } from '../shared/finding.ts';
import { refusal } from './refusal.ts';

/** What goes out as one draft: one article, or a group of up to 8 in order (the first is the lead article). */
export interface Unit {
  account: string;
  articles: ArticleFile[];
  /** Why these go together: a plan entry's `group`, or `--group`; none for a single article. */
  group?: string;
}

export interface SelectOptions {
  /** Repository-relative paths as given (an article's index.md or folder, or a folder of articles), in order. */
  paths: readonly string[];
  account?: string;
  /** Only what is approved or scheduled, whose `publish_at` has come and that has not gone out. */
  due?: boolean;
  /** The named articles as one multi-article draft, in the order given. */
  group?: boolean;
  /** Only images go out: any article given, whatever its status, alone. */
  imagesOnly?: boolean;
  now: Date;
}

export interface Selection {
  units: Unit[];
  refusals: Finding[];
  /** Named, and already published with a receipt: nothing left to do. */
  done: ArticleFile[];
  /** In a folder or account given, but not approved or scheduled: left alone, counted. */
  skipped: ArticleFile[];
}

const publishable = new Set(['approved', 'scheduled']);
const statusNames: Record<string, string> = { draft: '草稿', review: '待审', approved: '已批准', scheduled: '已排期', published: '已发布', archived: '已归档' };

/** Which articles to publish and how they group into drafts. Nothing here reads anything but the loaded content. */
export function selectUnits(set: ContentSet, options: SelectOptions): Selection {
  const selection: Selection = { units: [], refusals: [], done: [], skipped: [] };
  const named = (file: string) => options.paths.some((p) => p === file || p === dirname(file));
  const rank = (file: string) => options.paths.findIndex((p) => p === '' || p === file || p === dirname(file) || file.startsWith(`${p}/`));
  const candidates = set.articles
    .filter((a) => a.doc && (!options.account || a.place.account === options.account) && (options.paths.length === 0 || rank(a.source.file) >= 0))
    .sort((a, b) => rank(a.source.file) - rank(b.source.file) || a.source.file.localeCompare(b.source.file));

  const chosen: ArticleFile[] = [];
  for (const article of candidates) {
    const fields = articleFields(article);
    const status = fields.status ?? '';
    if (options.imagesOnly) selection.units.push({ account: article.place.account, articles: [article] });
    // Gone out already: said for an article named, passed over quietly in a folder, an account or --due.
    else if (status === 'published' && fields.wechat?.state === 'published') {
      if (named(article.source.file)) selection.done.push(article);
    } else if (options.due && !isDue(article, options.now)) continue;
    else if (publishable.has(status)) chosen.push(article);
    else if (named(article.source.file)) selection.refusals.push(statusRefusal(article, status));
    else selection.skipped.push(article);
  }
  if (options.group) {
    if (chosen.length) selection.units.push(...asGroup(chosen, '--group', selection.refusals));
    return selection;
  }
  const placed = new Set<string>();
  for (const article of chosen) {
    if (placed.has(article.source.file)) continue;
    const group = planGroup(set, article);
    const members = group ? group.members : [article];
    for (const member of members) {
      placed.add(member.source.file);
      const status = articleFields(member).status ?? '';
      if (member !== article && !publishable.has(status)) selection.refusals.push(statusRefusal(member, status));
    }
    selection.units.push(...(group ? asGroup(members, group.name, selection.refusals) : [{ account: article.place.account, articles: [article] }]));
  }
  return selection;
}

function statusRefusal(article: ArticleFile, status: string): Finding {
  const said = status ? `状态是 ${status}（${statusNames[status] ?? status}）` : '没有有效的状态';
  const message =
    status === 'published'
      ? '状态是 published，但没有 mpdesk 的发表回执（wechat.state: published）：像是在后台手动发的，不再发布。'
      : `${said}：只发布 approved（已批准）或 scheduled（已排期）的文章。`;
  return refusal(article, 'publish/status', message, 'status');
}

/** Approved or scheduled, `publish_at` come (an instant: its offset says where), and not gone out. */
function isDue(article: ArticleFile, now: Date): boolean {
  const fields = articleFields(article);
  if (!publishable.has(fields.status ?? '') || fields.wechat?.state === 'published' || !fields.publish_at) return false;
  return Date.parse(fields.publish_at) <= now.getTime();
}

/** A group of one account and at most 8 articles, or its refusal on every member (before any call). */
function asGroup(members: ArticleFile[], name: string, refusals: Finding[]): Unit[] {
  const accounts = new Set(members.map((m) => m.place.account));
  const problem =
    accounts.size > 1
      ? `一组文章必须属于同一个账号，这组里有 ${[...accounts].join('、')}。`
      : members.length > maxDraftArticles
        ? `这组有 ${members.length} 篇，微信的一个草稿最多 ${maxDraftArticles} 篇（45008）：请分成两组。`
        : undefined;
  if (!problem) return [{ account: members[0]!.place.account, articles: members, group: name }];
  const which = name === '--group' ? '--group 指定的组' : `多图文组「${name}」`;
  for (const member of members) refusals.push(refusal(member, 'publish/group', `${which}：${problem}`, name === '--group' ? undefined : 'plan'));
  return [];
}

/** The article's plan entry's `group`, with every article of that plan whose entry is in it, in entry order. */
function planGroup(set: ContentSet, article: ArticleFile): { name: string; members: ArticleFile[] } | undefined {
  const entry = articleFields(article).plan;
  const [month, id] = entry?.split('/') ?? [];
  const plan = set.plans.find((p) => p.place.account === article.place.account && p.place.month === month);
  const entries = plan?.doc ? typedFields('plan', plan.doc.data).entries ?? [] : [];
  const name = entries.find((e) => e.id === id)?.group;
  if (!name) return undefined;
  const order = entries.filter((e) => e.group === name).map((e) => `${month}/${e.id}`);
  const members = set.articles
    .filter((a) => a.place.account === article.place.account && order.includes(articleFields(a).plan ?? ''))
    .sort((a, b) => order.indexOf(articleFields(a).plan!) - order.indexOf(articleFields(b).plan!));
  return { name, members };
}
