import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent, type ArticleFile } from '../content/index.ts';
import { renderArticle, type ArticleMeta } from '../render/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { compareFindings, type Finding } from '../shared/finding.ts';
import { validateContent } from '../validate/index.ts';
import { articleKey, rendererFingerprint } from './cache-key.ts';
import { indexPage } from './index-page.ts';

export interface BuildOptions {
  root: string;
  /** Output folder; default `<root>/dist`. */
  outDir?: string;
  account?: string;
  status?: string;
  /** Called after each article, for progress output. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface BuildReport {
  rendered: string[];
  unchanged: string[];
  failed: string[];
  findings: Finding[];
}

interface Manifest {
  articles: Record<string, { key: string; dir: string; title: string; status: string; account: string }>;
}

const manifestName = '.mpdesk-build.json';

/** Renders every selected article into `dist/<account>/<slug>/`, skipping those whose inputs did not change. */
export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const { root } = options;
  const outDir = options.outDir ?? join(root, 'dist');
  const cacheDir = join(root, '.cache', 'mpdesk', 'images');
  const set = await loadContent(root);
  const selected = set.articles.filter(
    (a) => (!options.account || a.place.account === options.account) && (!options.status || a.doc?.data.status === options.status),
  );
  const wanted = new Set(selected.map((a) => a.source.file));
  const validation = await validateContent(set, { only: (file) => wanted.has(file) });
  const blocked = new Set(validation.filter((f) => f.severity === 'error').map((f) => f.file));

  const manifestPath = join(outDir, manifestName);
  const manifest: Manifest = await readFile(manifestPath, 'utf8').then((t) => JSON.parse(t) as Manifest, () => ({ articles: {} }));
  const renderer = await rendererFingerprint(root);
  const accounts = new Map(set.accounts.map((a) => [a.place.account, a]));
  const report: BuildReport = { rendered: [], unchanged: [], failed: [], findings: [...validation] };

  let done = 0;
  const buildOne = async (article: ArticleFile) => {
    const { file } = article.source;
    const account = accounts.get(article.place.account);
    const dir = `${article.place.account}/${article.place.slug}`;
    if (blocked.has(file)) {
      report.failed.push(file);
      delete manifest.articles[file];
      return;
    }
    const key = await articleKey(renderer, article.source.path, article.source.text, account?.source.text ?? '');
    if (manifest.articles[file]?.key === key && (await exists(join(outDir, dir, 'article.html')))) {
      report.unchanged.push(file);
      return;
    }
    const rendered = await renderArticle({ root, article, account, cacheDir });
    if (rendered.findings.length) {
      report.findings.push(...rendered.findings);
      report.failed.push(file);
      delete manifest.articles[file];
      return;
    }
    await writeArticle(join(outDir, dir), rendered);
    manifest.articles[file] = { key, dir, title: rendered.meta.title, status: rendered.meta.status, account: article.place.account };
    report.rendered.push(file);
  };

  // Image encoding runs in sharp's own threads; a few articles at once keep both cores busy.
  const queue = [...selected];
  const worker = async () => {
    for (let article = queue.shift(); article; article = queue.shift()) {
      await buildOne(article);
      options.onProgress?.(++done, selected.length, article.source.file);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));

  // Articles that no longer exist leave the site too.
  const present = new Set(set.articles.map((a) => a.source.file));
  for (const [file, entry] of Object.entries(manifest.articles)) {
    if (!present.has(file)) {
      await rm(join(outDir, entry.dir), { recursive: true, force: true });
      delete manifest.articles[file];
    }
  }
  const sortedManifest: Manifest = { articles: Object.fromEntries(Object.entries(manifest.articles).sort(([a], [b]) => a.localeCompare(b))) };
  await writeFileAtomic(manifestPath, `${JSON.stringify(sortedManifest, null, 2)}\n`);
  await writeFileAtomic(join(outDir, 'index.html'), indexPage(Object.values(sortedManifest.articles)));
  report.findings.sort(compareFindings);
  for (const list of [report.rendered, report.unchanged, report.failed]) list.sort();
  return report;
}

async function writeArticle(dir: string, rendered: { html: string; preview: string; meta: ArticleMeta; assets: Array<{ name: string; path: string }> }) {
  await rm(join(dir, 'images'), { recursive: true, force: true });
  await mkdir(join(dir, 'images'), { recursive: true });
  for (const asset of rendered.assets) await copyFile(asset.path, join(dir, asset.name));
  await writeFileAtomic(join(dir, 'article.html'), rendered.html);
  await writeFileAtomic(join(dir, 'preview.html'), rendered.preview);
  await writeFileAtomic(join(dir, 'meta.json'), `${JSON.stringify(rendered.meta, null, 2)}\n`);
}

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(() => true, () => false);
}
