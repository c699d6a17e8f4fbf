import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFields, loadContent } from '../content/index.ts';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { compareFindings, type Finding } from '../shared/finding.ts';
import { articleKey, folderFingerprint } from '../shared/input-key.ts';
import { threadCount } from '../shared/worker-pool.ts';
import { indexPage } from './index-page.ts';
import { renderShared } from './parallel.ts';
import { renderBatch, type ArticleOutcome } from './render-batch.ts';

export interface BuildOptions {
  root: string;
  /** Output folder; default `<root>/dist`. */
  outDir?: string;
  account?: string;
  status?: string;
  /** Threads to render in, this one included; default: one per core when there are enough articles to render. */
  workers?: number;
  /** Called after each article, for progress output. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface BuildReport {
  rendered: string[];
  unchanged: string[];
  failed: string[];
  findings: Finding[];
}

interface ManifestEntry {
  key: string;
  dir: string;
  title: string;
  status: string;
  account: string;
}

interface Manifest {
  articles: Record<string, ManifestEntry>;
}

const manifestName = '.mpdesk-build.json';

/**
 * Renders every selected article into `dist/<account>/<slug>/`. An article whose inputs (text, account, files it
 * references, theme, renderer) are unchanged since it last built is neither validated nor rendered again;
 * articles that failed are never recorded, so they are checked again on every build.
 */
export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const { root } = options;
  const outDir = options.outDir ?? join(root, 'dist');
  const paths = { root, outDir, cacheDir: join(root, '.cache', 'mpdesk', 'images') };
  const set = await loadContent(root);
  const selected = set.articles.filter(
    (a) => (!options.account || a.place.account === options.account) && (!options.status || articleFields(a).status === options.status),
  );

  const manifestPath = join(outDir, manifestName);
  const manifest: Manifest = await readFile(manifestPath, 'utf8').then((t) => JSON.parse(t) as Manifest, () => ({ articles: {} }));
  // The renderer's code and the themes: a change to either renders everything again.
  const renderer = await folderFingerprint([fileURLToPath(new URL('../render/', import.meta.url)), join(root, 'styles')], ['.ts', '.css']);
  const accountText = new Map(set.accounts.map((a) => [a.place.account, a.source.text]));
  const report: BuildReport = { rendered: [], unchanged: [], failed: [], findings: set.findings.filter((f) => selected.some((a) => a.source.file === f.file)) };

  const keys = new Map<string, string>();
  await Promise.all(
    selected.map(async (article) => {
      const { file } = article.source;
      const key = await articleKey([renderer, accountText.get(article.place.account) ?? ''], article.source.path, article.source.text);
      const previous = manifest.articles[file];
      if (previous?.key === key && (await exists(join(outDir, previous.dir, 'article.html')))) report.unchanged.push(file);
      else keys.set(file, key);
    }),
  );

  let done = report.unchanged.length;
  const total = selected.length;
  const place = new Map(set.articles.map((a) => [a.source.file, a.place]));
  const record = (outcome: ArticleOutcome) => {
    const { file } = outcome;
    report.findings.push(...outcome.findings);
    if (outcome.ok) {
      const { account, slug } = place.get(file)!;
      manifest.articles[file] = { key: keys.get(file)!, dir: `${account}/${slug}`, title: outcome.title, status: outcome.status, account };
      report.rendered.push(file);
    } else {
      delete manifest.articles[file];
      report.failed.push(file);
    }
    options.onProgress?.(++done, total, file);
  };
  const toRender = [...keys.keys()].sort();
  const workers = options.workers ?? threadCount(toRender.length);
  if (workers > 1) await renderShared(set, toRender, paths, workers, record);
  else await renderBatch(set, toRender, paths, record);

  // Articles that no longer exist leave the site too.
  const present = new Set(set.articles.map((a) => a.source.file));
  for (const [file, entry] of Object.entries(manifest.articles)) {
    if (!present.has(file)) {
      await rm(join(outDir, entry.dir), { recursive: true, force: true });
      delete manifest.articles[file];
    }
  }
  const sorted: Manifest = { articles: Object.fromEntries(Object.entries(manifest.articles).sort(([a], [b]) => a.localeCompare(b))) };
  await writeFileAtomic(manifestPath, `${JSON.stringify(sorted, null, 2)}\n`);
  await writeFileAtomic(join(outDir, 'index.html'), indexPage(Object.values(sorted.articles)));
  report.findings.sort(compareFindings);
  for (const list of [report.rendered, report.unchanged, report.failed]) list.sort();
  return report;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
