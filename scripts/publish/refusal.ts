import type { ArticleFile } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';

/** Why an article is not published, as a finding on the field it is about (or the frontmatter's first line). */
export function refusal(article: ArticleFile, ruleId: string, message: string, field?: string): Finding {
  const { source } = article;
  const span = (field && article.doc?.fields.get(`/${field}`)) || undefined;
  const [start, end] = span ? [span.key?.[0] ?? span.value[0], span.value[1]] : [source.bomLength, source.bomLength + 3];
  return { file: source.file, ...source.locator.range(start, end), ruleId, severity: 'error', message, ...(span && field ? { field } : {}) };
}
