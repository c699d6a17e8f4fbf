import { articleFields, type ContentSet } from '../content/index.ts';
import { planStatus } from '../plan/index.ts';

/** A repository article as the report names and links it. */
export interface RepoArticle {
  /** `2026/slug`: the metrics rows' `article` column. */
  id: string;
  /** `content/<account>/articles/2026/slug/index.md`. */
  file: string;
  title: string;
  status?: string;
  /** The published article's address, from the receipt. */
  url?: string;
  /** When it went out: the receipt's `published_at`, else `publish_at` of an article marked published or archived. */
  sentAt?: string;
  /** Its plan entry (`2026-11/01`) and that entry's format (图文, 视频 …). */
  entry?: string;
  format?: string;
}

/** The account's articles by id, each with the format its plan entry gives it. */
export function repoArticles(set: ContentSet, account: string): Map<string, RepoArticle> {
  const plan = planStatus(set, { account });
  const entries = new Map<string, { entry: string; format?: string }>();
  if (plan.ok) for (const row of plan.rows) for (const article of row.articles) if (row.entry) entries.set(article.file, { entry: row.entry, ...(row.format ? { format: row.format } : {}) });
  const articles = new Map<string, RepoArticle>();
  for (const file of set.articles.filter((one) => one.place.account === account)) {
    const fields = articleFields(file);
    const id = `${file.place.year}/${file.place.slug}`;
    const went = fields.status === 'published' || fields.status === 'archived' ? fields.publish_at : undefined;
    const sentAt = [fields.wechat?.published_at, went].find((time) => time !== undefined && !Number.isNaN(Date.parse(time)));
    articles.set(id, {
      id,
      file: file.source.file,
      title: fields.title ?? file.place.slug,
      ...(fields.status ? { status: fields.status } : {}),
      ...(fields.wechat?.url ? { url: fields.wechat.url } : {}),
      ...(sentAt ? { sentAt } : {}),
      ...entries.get(file.source.file),
    });
  }
  return articles;
}
