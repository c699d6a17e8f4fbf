import { articleFields, type ContentSet } from '../content/index.ts';

export interface ArticleRow {
  account: string;
  slug: string;
  file: string;
  title: string;
  status: string;
  publish_at: string;
  plan: string;
}

export interface ListFilter {
  account?: string;
  status?: string;
}

/** One row per article, by publish time (unscheduled last) then slug; unreadable files still appear, titled by their path. */
export function listArticles(set: ContentSet, filter: ListFilter = {}): ArticleRow[] {
  return set.articles
    .map((article) => {
      const fields = articleFields(article);
      return {
        account: article.place.account,
        slug: article.place.slug,
        file: article.source.file,
        title: fields.title ?? (article.doc ? '' : '（无法读取）'),
        status: fields.status ?? '',
        publish_at: fields.publish_at ?? '',
        plan: fields.plan ?? '',
      };
    })
    .filter((row) => (!filter.account || row.account === filter.account) && (!filter.status || row.status === filter.status))
    .sort(
      (a, b) =>
        (a.publish_at ? Date.parse(a.publish_at) || 0 : Infinity) - (b.publish_at ? Date.parse(b.publish_at) || 0 : Infinity) ||
        a.account.localeCompare(b.account) ||
        a.slug.localeCompare(b.slug),
    );
}
