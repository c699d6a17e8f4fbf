import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentSet } from '../content/index.ts';
import { renderArticle, type ArticleMeta } from '../render/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import type { Finding } from '../shared/finding.ts';
import { validateContent } from '../validate/index.ts';

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
  const wanted = new Set(files);
  const validation = await validateContent(set, { only: (file) => wanted.has(file) });
  const accounts = new Map(set.accounts.map((a) => [a.place.account, a]));
  const byFile = new Map(set.articles.map((a) => [a.source.file, a]));

  const renderOne = async (file: string): Promise<ArticleOutcome> => {
    const article = byFile.get(file)!;
    const problems = validation.filter((f) => f.file === file);
    const base = { file, title: String(article.doc?.data.title ?? article.place.slug), status: String(article.doc?.data.status ?? '') };
    if (problems.some((f) => f.severity === 'error')) return { ...base, ok: false, findings: problems };
    const rendered = await renderArticle({ root: paths.root, article, account: accounts.get(article.place.account), cacheDir: paths.cacheDir });
    if (rendered.findings.length) return { ...base, ok: false, findings: [...problems, ...rendered.findings] };
    await writeArticle(join(paths.outDir, article.place.account, article.place.slug), rendered);
    return { ...base, ok: true, findings: problems };
  };

  // Image encoding and file writes wait on other threads; a few articles in flight keep this one busy.
  const queue = [...files];
  const lane = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) onDone(await renderOne(file));
  };
  await Promise.all(Array.from({ length: 4 }, lane));
}

async function writeArticle(dir: string, rendered: { html: string; preview: string; meta: ArticleMeta; assets: Array<{ name: string; path: string }> }) {
  await rm(join(dir, 'images'), { recursive: true, force: true });
  await mkdir(join(dir, 'images'), { recursive: true });
  for (const asset of rendered.assets) await copyFile(asset.path, join(dir, asset.name));
  await writeFileAtomic(join(dir, 'article.html'), rendered.html);
  await writeFileAtomic(join(dir, 'preview.html'), rendered.preview);
  await writeFileAtomic(join(dir, 'meta.json'), `${JSON.stringify(rendered.meta, null, 2)}\n`);
}
