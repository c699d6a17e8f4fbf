import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { classify, type ContentSet } from '../content/index.ts';
import { lintPass } from '../lint/index.ts';
import type { Finding } from '../shared/finding.ts';
import { buildSite, type BuildReport } from '../site/index.ts';
import { BuildQueue, type BuildRequest } from './build-queue.ts';
import { LiveReload } from './live-reload.ts';
import { PreviewPages, type ArticlePage, type BuildOutcome } from './pages.ts';
import { listenOnLoopback, previewHandler } from './server.ts';
import { watchSources, type SourceWatcher } from './watch.ts';

export { buildLine } from './build-line.ts';
export type { ArticlePage } from './pages.ts';

export interface PreviewOptions {
  root: string;
  /** The article to open on (repository-relative `index.md`): the address given is its preview's. */
  article?: string;
  /** The port to try first; when it is taken, the next free one. 0: any free port. */
  port: number;
  /** Hears every build: the first one, then one per save. */
  onBuild?: (build: PreviewBuild) => void;
  /** Hears a problem of the file watcher (the preview goes on serving what it has). */
  onWatchError?: (message: string) => void;
}

/** One build of the preview, for its line of output. */
export interface PreviewBuild {
  /** `start`: the build before serving; `change`: one after a save. */
  trigger: 'start' | 'change';
  /** The repository-relative paths whose change started it. */
  paths: string[];
  /** From the first change seen (or the start) to the pages being ready. */
  ms: number;
  report?: BuildReport;
  /** The articles whose page changed (open pages reload), with the page now; none for an article that went away. */
  changed: Array<{ file: string; page?: ArticlePage }>;
  /** The lint failed, so the findings beside the articles lack lint's. */
  lintMissing: boolean;
  /** Why the build failed as a whole (an output folder that cannot be written, say). */
  error?: string;
}

export interface Preview {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** The address to open: the front page, or the article's preview. */
  url: string;
  port: number;
  /** Resolves when no build runs or waits (tests and the bench). */
  idle(): Promise<void>;
  /** Stops watching, waits for a build under way, ends every open connection and closes the server. */
  close(): Promise<void>;
}

/**
 * Serves the build's pages on 127.0.0.1 and keeps them current: every change under `content/` or `styles/`
 * rebuilds what it touches (the build's record decides: the article, its images' article, an account's articles
 * for its account.yaml, everything for a theme) and reloads the open pages whose content changed. Each article's
 * findings (validation, render, lint) are shown beside it; one that fails shows its findings instead of a preview.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const { root } = options;
  const outDir = join(root, 'dist');
  const pages = new PreviewPages();
  const live = new LiveReload((key) => pages.version(key));
  const build = async ({ paths, firstSeen }: BuildRequest, trigger: PreviewBuild['trigger']): Promise<void> => {
    const outcome = await buildOnce(root, outDir);
    const files = outcome.report ? pages.apply({ report: outcome.report, lint: outcome.lint, digests: await digests(outDir, outcome.report, pages) }) : [];
    const changed = files.map((file) => {
      const page = pages.pageOf(file);
      return { file, ...(page ? { page } : {}) };
    });
    live.pagesChanged();
    const { report, failure } = outcome;
    const error = failure === undefined ? {} : { error: failure instanceof Error ? failure.message : String(failure) };
    options.onBuild?.({ trigger, paths, ms: performance.now() - firstSeen, changed, lintMissing: !outcome.lint, ...(report ? { report } : {}), ...error });
    // Without a first build there is nothing to serve: the command fails with the build's error.
    if (failure !== undefined && trigger === 'start') throw failure;
  };

  const firstBuild = build({ paths: [], firstSeen: performance.now() }, 'start');
  // A save during the first build is built after it, not beside it (it would only wait for the build lock).
  const queue = new BuildQueue(async (request) => {
    await firstBuild.catch(() => undefined);
    await build(request, 'change');
  });
  const server = createServer(previewHandler({ outDir, pages, live, firstBuild: firstBuild.catch(() => undefined) }, () => port));
  let watcher: SourceWatcher | undefined;
  let port = 0;
  try {
    port = await listenOnLoopback(server, options.port);
    // Watching starts before the first build ends, so a save made meanwhile is built after it.
    watcher = await watchSources(root, (paths, firstSeen) => queue.request(paths, firstSeen), (message) => options.onWatchError?.(message));
    await firstBuild;
  } catch (error) {
    await firstBuild.catch(() => undefined);
    await watcher?.close();
    await closeServer(server, live);
    throw error;
  }
  const origin = `http://127.0.0.1:${port}`;
  const place = options.article === undefined ? undefined : classify(options.article);
  return {
    origin,
    url: place?.kind === 'article' ? `${origin}/${place.account}/${place.slug}/preview.html` : `${origin}/`,
    port,
    idle: () => queue.idle(),
    close: async () => {
      await watcher?.close();
      await queue.idle();
      await closeServer(server, live);
    },
  };
}

/** One build as `mpdesk build` does it, with the lint's findings kept for the panels; a failure is returned, not thrown. */
async function buildOnce(root: string, outDir: string): Promise<{ report?: BuildReport; lint?: readonly Finding[]; failure?: unknown }> {
  let lint: readonly Finding[] | undefined;
  const step = async (set: ContentSet, only: (file: string) => boolean) => {
    const pass = await lintPass(set, { only });
    return {
      ...pass,
      finish: async (results: Parameters<typeof pass.finish>[0]) => {
        const result = await pass.finish(results);
        lint = result.findings;
        return result;
      },
    };
  };
  try {
    const report = await buildSite({ root, outDir, lint: step });
    return { report, ...(lint ? { lint } : {}) };
  } catch (error) {
    return { failure: error };
  }
}

/**
 * What the pages hold now: the front page, and each preview rendered by this build or new to the preview, with its
 * images (a picture replaced under the same name leaves preview.html as it was, but the page shows another).
 */
async function digests(outDir: string, report: BuildReport, pages: PreviewPages): Promise<BuildOutcome['digests']> {
  const bytes = (path: string) => readFile(path).catch(() => Buffer.alloc(0));
  const pageDigest = async (dir: string) => {
    const hash = createHash('sha256').update(await bytes(join(dir, 'preview.html')));
    const images = await readdir(join(dir, 'images')).catch(() => []);
    for (const name of images.sort()) hash.update(`\0${name}\0`).update(await bytes(join(dir, 'images', name)));
    return hash.digest('hex');
  };
  const previews = new Map<string, string>();
  const rendered = new Set(report.rendered);
  for (const file of [...report.rendered, ...report.unchanged]) {
    const place = classify(file);
    if (place?.kind === 'article' && (rendered.has(file) || !pages.pageOf(file))) previews.set(file, await pageDigest(join(outDir, place.account, place.slug)));
  }
  return { desk: createHash('sha256').update(await bytes(join(outDir, 'index.html'))).digest('hex'), previews };
}

async function closeServer(server: ReturnType<typeof createServer>, live: LiveReload): Promise<void> {
  live.close();
  if (!server.listening) return;
  await new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}
