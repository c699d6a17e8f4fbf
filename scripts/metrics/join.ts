import { articleFields, type ArticleFile } from '../content/index.ts';
import { msgidPattern } from '../platform/index.ts';
import { beijingDate } from '../shared/beijing-time.ts';
import { isObject } from '../shared/json-shape.ts';
import type { Row } from './datasets.ts';

/**
 * Which repository article a metrics row belongs to: through the publish receipt's `msg_data_id` (the datacube
 * `msgid` is `<msg_data_id>_<index>`), then its `url`, then the title and the publish day for articles published by
 * hand. A row that fits none, or more than one, is listed and left as it was: never guessed.
 */

interface Candidate {
  /** `<year>/<slug>`: the article column. */
  id: string;
  title: string;
  /** The Beijing day it went out: the receipt's published_at, else publish_at. */
  day?: string;
  msgDataId?: string;
  /** 1-based position in its mass send, from the receipt's draft_index. */
  index?: number;
  url?: string;
}

export interface LinkProblem {
  /** How the row names its article. */
  what: string;
  /** For ambiguous rows, the articles that fit. */
  candidates: string[];
}

/** What the receipt (`wechat:` in the frontmatter) says, read field by field: its schema is still growing. */
function receipt(file: ArticleFile): { msgDataId?: string; url?: string; publishedAt?: string; index?: number } {
  const wechat = file.doc?.data.wechat;
  if (!isObject(wechat)) return {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);
  const index = wechat.draft_index;
  return {
    msgDataId: text(wechat.msg_data_id),
    url: text(wechat.url),
    publishedAt: text(wechat.published_at),
    ...(typeof index === 'number' && Number.isInteger(index) ? { index: index + 1 } : {}),
  };
}

/** Titles compare without spaces and full-width forms: an export may add or drop either. */
export const normalTitle = (title: string) => title.normalize('NFKC').replace(/\s+/g, '');

/** Article addresses differ in scheme and in tracking parameters WeChat adds when shared. */
export function normalUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    for (const name of ['chksm', 'scene', 'sharer_shareinfo', 'sharer_shareinfo_first', 'from', 'isappinstalled', 'clicktime', 'enterid']) parsed.searchParams.delete(name);
    parsed.hash = '';
    return `${parsed.host}${parsed.pathname}${parsed.search}`;
  } catch {
    return url.trim();
  }
}

function dayOf(value: string | undefined): string | undefined {
  return value !== undefined && !Number.isNaN(Date.parse(value)) ? beijingDate(value) : undefined;
}

export class ArticleLinker {
  private readonly candidates: Candidate[];
  readonly unmatched = new Map<string, LinkProblem>();
  readonly ambiguous = new Map<string, LinkProblem>();
  /** msgid → send day, from getarticletotal rows, for rows that do not say when their article went out. */
  readonly sendDays = new Map<string, string>();

  constructor(files: readonly ArticleFile[]) {
    this.candidates = files.flatMap((file) => {
      const fields = articleFields(file);
      if (fields.title === undefined) return [];
      const given = receipt(file);
      const day = dayOf(given.publishedAt) ?? dayOf(fields.publish_at);
      return [{ id: `${file.place.year}/${file.place.slug}`, title: normalTitle(fields.title), ...(day ? { day } : {}), ...given, ...(given.url ? { url: normalUrl(given.url) } : {}) }];
    });
  }

  /** Sets `article` (and a missing `publish_date`) on a row of the articles or article-totals dataset. */
  link(row: Row, url?: string): void {
    const msgid = typeof row.msgid === 'string' ? row.msgid : undefined;
    if ((row.publish_date ?? null) === null && msgid) row.publish_date = this.sendDays.get(msgid) ?? null;
    const found = this.find(row, msgid, url);
    const what = `${typeof row.title === 'string' ? `《${row.title}》` : ''}${msgid ? ` msgid ${msgid}` : ''}${row.publish_date ? `（${row.publish_date} 发出）` : ''}`.trim();
    if (found.length === 1) {
      row.article = found[0]!.id;
      if ((row.publish_date ?? null) === null && found[0]!.day) row.publish_date = found[0]!.day;
    } else if (found.length > 1) {
      this.ambiguous.set(what, { what, candidates: found.map((candidate) => candidate.id).sort() });
    } else if ((row.article ?? null) === null) {
      this.unmatched.set(what, { what, candidates: [] });
    }
  }

  private find(row: Row, msgid: string | undefined, url: string | undefined): Candidate[] {
    const [, msgDataId, index] = (msgid && msgidPattern.exec(msgid)) || [];
    const title = typeof row.title === 'string' ? normalTitle(row.title) : undefined;
    if (msgDataId) {
      // One mass send holds up to eight articles: the position tells them apart, else the title.
      const byId = this.candidates.filter((candidate) => candidate.msgDataId === msgDataId && (candidate.index !== undefined ? candidate.index === Number(index) : candidate.title === title));
      if (byId.length) return byId;
    }
    if (url) {
      const byUrl = this.candidates.filter((candidate) => candidate.url === normalUrl(url));
      if (byUrl.length) return byUrl;
    }
    if (title === undefined) return [];
    const sent = typeof row.publish_date === 'string' ? row.publish_date : undefined;
    const seen = typeof row.date === 'string' ? row.date : typeof row.stat_date === 'string' ? row.stat_date : undefined;
    // Without a send day, any article of that title that had gone out by the day of the numbers.
    return this.candidates.filter((candidate) => candidate.title === title && candidate.day !== undefined && (sent ? candidate.day === sent : seen !== undefined && candidate.day <= seen));
  }
}
