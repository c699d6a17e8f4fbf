import type { ArticleFile, ContentSet } from '../content/index.ts';
import { createLocator } from '../shared/text-locator.ts';

/**
 * The set as validating `files` reads it, for a thread that validates only those: them whole with their reading
 * findings, every account and plan, and of the other articles what the cross-file checks read (where each stands,
 * the plan entry it names). A thousand articles' text would take a tenth of a second to copy to the thread.
 */
export function validationView(set: ContentSet, files: ReadonlySet<string>): ContentSet {
  const outline = (article: ArticleFile): ArticleFile => {
    if (files.has(article.source.file)) return article;
    const { doc } = article;
    const source = { ...article.source, text: '', locator: createLocator('') };
    const plan = doc?.data.plan;
    return { ...article, source, ...(doc ? { doc: { ...doc, data: plan === undefined ? {} : { plan }, fields: new Map(), body: '' } } : {}) };
  };
  return { ...set, articles: set.articles.map(outline), findings: set.findings.filter((f) => files.has(f.file)) };
}
