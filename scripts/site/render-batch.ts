import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { articleFields, releaseArticle, type ContentSet } from '../content/index.ts';
import { renderArticle, type ArticleMeta } from '../render/index.ts';
import { writeFileAtomicSync } from '../shared/atomic-write.ts';
import type { Finding } from '../shared/finding.ts';
import { validateContent } from '../validate/index.ts';

/** Articles validated and rendered together. */
const groupSize = 4;

export interface BatchPaths {
  root: string;
  outDir: string;
  cacheDir: string;
}

/** What happened to one article; plain data, so it can come back from a worker thread. */
export interface ArticleOutcome {
  file: string;
  ok: boolean;
  findings: Finding[];
  title: string;
  status: string;
}

/**
 * Validates and renders the given articles and writes their output folders. An article with an error is
 * reported and left unwritten; the others go on.
 */
export async function renderBatch(
  set: ContentSet,
  files: readonly string[],
  paths: BatchPaths,
  onDone: (outcome: ArticleOutcome) => void,
): Promise<void> {
  const accounts = new Map(set.accounts.map((a) => [a.place.account, a]));
  const byFile = new Map(set.articles.map((a) => [a.source.file, a]));

  const renderOne = async (file: string, validation: readonly Finding[]): Promise<ArticleOutcome> => {
    const article = byFile.get(file)!;
    const problems = validation.filter((f) => f.file === file);
    const fields = articleFields(article);
    const base = { file, title: fields.title ?? article.place.slug, status: fields.status ?? '' };
    if (problems.some((f) => f.severity === 'error')) return { ...base, ok: false, findings: problems };
    const rendered = await renderArticle({ root: paths.root, article, account: accounts.get(article.place.account), cacheDir: paths.cacheDir });
    if (rendered.findings.length) return { ...base, ok: false, findings: [...problems, ...rendered.findings] };
    writeArticle(join(paths.outDir, article.place.account, article.place.slug), rendered);
    return { ...base, ok: true, findings: problems };
  };

  // A few articles at a time: image encoding waits on other threads, so several in flight keep this one busy, and
  // each group's Markdown trees are dropped before the next group is parsed.
  for (let start = 0; start < files.length; start += groupSize) {
    const group = files.slice(start, start + groupSize);
    const wanted = new Set(group);
    const validation = await validateContent(set, { only: (file) => wanted.has(file) });
    await Promise.all(
      group.map(async (file) => {
        onDone(await renderOne(file, validation));
        releaseArticle(byFile.get(file)!.source);
      }),
    );
  }
}

/**
 * Synchronous on purpose: the render threads keep both cores busy, so the thread-pool threads that would do
 * asynchronous writes wait for a core, and a dozen small writes per article cost more in hand-offs than in writing.
 */
function writeArticle(dir: string, rendered: { html: string; preview: string; meta: ArticleMeta; assets: Array<{ name: string; path: string }> }) {
  rmSync(join(dir, 'images'), { recursive: true, force: true });
  mkdirSync(join(dir, 'images'), { recursive: true });
  for (const asset of rendered.assets) copyFileSync(asset.path, join(dir, asset.name));
  writeFileAtomicSync(join(dir, 'article.html'), rendered.html);
  writeFileAtomicSync(join(dir, 'preview.html'), rendered.preview);
  writeFileAtomicSync(join(dir, 'meta.json'), `${JSON.stringify(rendered.meta, null, 2)}\n`);
}
