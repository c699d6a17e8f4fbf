import { articleFields, classify, type ContentSet } from '../content/index.ts';
import { compareFindings, type Finding } from '../shared/finding.ts';
import { validateContent } from '../validate/index.ts';

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

/**
 * Why the list is incomplete or wrong, as validate reports it: Markdown outside the layout (not listed at all),
 * articles that could not be read (listed without their fields) and errors in `account.yaml`. An article's own
 * schema errors are validate's business, not the list's.
 */
export async function listProblems(set: ContentSet, filter: ListFilter = {}): Promise<Finding[]> {
  const inScope = (file: string) => !filter.account || classify(file)?.account === filter.account;
  const unlisted = set.findings.filter((f) => {
    const kind = classify(f.file)?.kind;
    return f.severity === 'error' && (kind === 'misplaced' || kind === 'article') && inScope(f.file);
  });
  const accounts = await validateContent(set, { only: (file) => classify(file)?.kind === 'account' && inScope(file) });
  return [...unlisted, ...accounts.filter((f) => f.severity === 'error')].sort(compareFindings);
}
