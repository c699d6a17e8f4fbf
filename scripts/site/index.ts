import { imageCacheDir } from '../shared/cache-dir.ts';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { accountFooter, articleFields, classify, loadContent, readMediaLedger, uploadedImageUrls, type ContentSet } from '../content/index.ts';
import { removeStaleTempFiles, writeFileAtomic } from '../shared/atomic-write.ts';
import { compareFindings, type Finding } from '../shared/finding.ts';
import { articleKey } from '../shared/input-key.ts';
import { notice } from '../shared/notice.ts';
import { makeDir } from '../shared/make-dir.ts';
import { lockRepository } from '../shared/repo-lock.ts';
import { toolHash, treeHash } from '../shared/tool-hash.ts';
import type { FilePass } from '../shared/file-pass.ts';
import { startWorkers, threadCount } from '../shared/worker-pool.ts';
import { crossFileInputs, validateContent } from '../validate/index.ts';
import { outputsIntact, readBuildRecord, writeBuildRecord, type BuildRecord, type LintCounts } from './build-record.ts';
import { writeDesk } from './desk.ts';
import type { BuildResult } from './build-pass.ts';
import { buildShared, buildTask } from './parallel.ts';
import type { ArticleOutcome } from './render-batch.ts';
import { removeOutputs } from './remove-outputs.ts';

/** The lint of the selected files as per-file work (the CLI passes the lint stage's `lintPass`, which caches). */
export type LintStep = (set: ContentSet, only: (file: string) => boolean) => Promise<LintPass>;

/** What a build needs of a lint: jobs it does beside each article's render, and the findings once all are done. */
type LintPass = FilePass<{ file: string }, { file: string }, { findings: readonly Finding[] }>;

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
  /** Gives each article's error and warning counts for the front page; without it the page shows none. */
  lint?: LintStep;
  /** The desk's clock (today's cell, the current month, overdue entries); default: now. */
  now?: Date;
}

export interface BuildReport {
  rendered: string[];
  unchanged: string[];
  failed: string[];
  /** What this build found: the articles it validated and rendered (not the unchanged ones) and their accounts. */
  findings: Finding[];
  /** Milliseconds spent waiting for another build of the repository to finish (0: none was running). */
  waitedMs: number;
}

/** One article that failed before rendering: unreadable, or in an account whose account.yaml has errors. */
interface EarlyFailure {
  file: string;
  account: string;
  slug?: string;
  title: string;
  status: string;
  error: Finding;
}

/**
 * Renders every selected article into `dist/<account>/<slug>/` and writes `dist/index.html`. One build runs at a
 * time per repository (a lock in `.cache/mpdesk/`). An article whose inputs (text, account, files it references,
 * the tool itself, themes, its plan and the articles sharing its plan entry or slug) are unchanged since it last
 * built, and whose output files are still as written, is neither validated nor rendered again. A failed article
 * keeps no output folder and is listed on the front page with its first error; failed articles are checked again on
 * every build.
 */
export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const lock = await lockRepository(options.root, 'build');
  try {
    return { ...(await build(options)), waitedMs: lock.waitedMs };
  } finally {
    await lock.release();
  }
}

async function build(options: BuildOptions): Promise<Omit<BuildReport, 'waitedMs'>> {
  const { root } = options;
  const outDir = options.outDir ?? join(root, 'dist');
  // An output folder that cannot be made fails the build once, in Chinese, rather than every article on its own.
  makeDir(outDir);
  removeStaleTempFiles([join(root, 'content'), outDir, join(root, '.cache', 'mpdesk')]);
  const record = await readBuildRecord(outDir);
  // A first build: worker threads load while the content is read.
  const first = options.workers === undefined && !Object.keys(record.articles).length;
  const set = await loadContent(root, first ? { beforeReading: (files) => startWorkers(threadCount(files) - 1, [buildTask]) } : {});
  const paths = { root, outDir, cacheDir: imageCacheDir(root), uploaded: uploadedImages(set) };
  const inAccount = (account: string) => !options.account || account === options.account;
  // An article whose status cannot be read is in every status's build: it fails there rather than vanish.
  const selected = set.articles.filter((a) => inAccount(a.place.account) && (!options.status || !a.doc || articleFields(a).status === options.status));
  const accounts = await accountErrors(set, selected);
  const unreadable = unreadableArticles(set).filter((f) => inAccount(f.account));
  const early = [...unreadable, ...accounts.failures];
  const failedEarly = new Set(early.map((f) => f.file));
  // Workers start loading now when many articles have not been built, while this thread hashes and plans.
  if (options.workers === undefined) startWorkers(threadCount(selected.filter((a) => !record.articles[a.source.file]).length) - 1, [buildTask]);
  const selectedFiles = new Set(selected.map((a) => a.source.file));
  const lintPass = options.lint ? await planLint(options.lint, set, selectedFiles) : undefined;

  const report: Omit<BuildReport, 'waitedMs'> = {
    rendered: [],
    unchanged: [],
    failed: [],
    // Load problems of readable articles come back with their validation; only the unread ones are added here, and
    // those on no content file (a symlinked folder that is not followed), so the build says what it did not read.
    findings: [...unreadable.map((f) => f.error), ...accounts.findings, ...set.findings.filter((f) => !classify(f.file))],
  };
  const failures = new Map<string, { account: string; slug?: string; title: string; status: string; error: Finding }>(early.map((f) => [f.file, f]));

  const { keys, unchanged } = await sortOut(set, selected.filter((a) => !failedEarly.has(a.source.file)), record, outDir, paths.uploaded);
  report.unchanged.push(...unchanged);

  let done = report.unchanged.length + early.length;
  const total = selected.length + unreadable.length;
  const place = new Map(set.articles.map((a) => [a.source.file, a.place]));
  const onOutcome = (outcome: ArticleOutcome) => {
    const { file } = outcome;
    const { account, slug } = place.get(file)!;
    report.findings.push(...outcome.findings);
    if (outcome.ok && outcome.outputs) {
      const { title, status, publishAt, thumbnail, outputs } = outcome;
      record.articles[file] = { key: keys.get(file)!, dir: `${account}/${slug}`, account, title, status, ...(publishAt ? { publishAt } : {}), ...(thumbnail ? { thumbnail } : {}), outputs };
      report.rendered.push(file);
    } else {
      const error = [...outcome.findings].sort(compareFindings).find((f) => f.severity === 'error') ?? outcome.findings[0]!;
      failures.set(file, { account, slug, title: outcome.title, status: outcome.status, error });
    }
    options.onProgress?.(++done, total, file);
  };
  const toRender = [...keys.keys()].sort();
  const linted = new Map<string, { file: string }>();
  let lintFailure: string | undefined;
  const onResult = (result: BuildResult<{ file: string }>) => {
    if (result.kind === 'render') onOutcome(result.outcome);
    else if (result.kind === 'lint') linted.set(result.file, result.result);
    else lintFailure ??= result.message;
  };
  const threads = options.workers ?? threadCount(new Set([...toRender, ...(lintPass?.jobs.map((j) => j.file) ?? [])]).size);
  await buildShared(set, toRender, lintPass, { paths, threads, onResult });
  const lint = lintPass ? await lintCounts(lintPass, linted, lintFailure) : undefined;
  for (const file of [...report.rendered, ...report.unchanged]) {
    const entry = record.articles[file]!;
    if (lint) entry.lint = lint.get(file) ?? { errors: 0, warnings: 0 };
    else if (options.lint) delete entry.lint;
  }

  for (const [file, failure] of failures) {
    delete record.articles[file];
    record.failed[file] = { account: failure.account, title: failure.title, status: failure.status, error: failure.error };
    report.failed.push(file);
  }
  for (const file of [...report.rendered, ...report.unchanged]) delete record.failed[file];
  await removeOutputs(outDir, record, {
    present: new Set([...set.articles.map((a) => a.source.file), ...unreadableArticles(set).map((f) => f.file)]),
    failedDirs: [...failures.values()].flatMap((f) => (f.slug ? [`${f.account}/${f.slug}`] : [])),
  });

  await writeBuildRecord(outDir, record);
  await writeDesk({ root, outDir, set, record, now: options.now ?? new Date() });
  report.findings.sort(compareFindings);
  for (const list of [report.rendered, report.unchanged, report.failed]) list.sort();
  return report;
}

/**
 * Which articles to render, with their input keys, and which are unchanged: same key as recorded, and the output
 * files still as written (a deleted or altered one is built again, with a notice).
 */
async function sortOut(set: ContentSet, articles: ContentSet['articles'], record: BuildRecord, outDir: string, uploaded: Record<string, Record<string, string>>) {
  // The tool itself and the repository's themes: a change to either renders everything again.
  const tool = `${toolHash()}:${treeHash(set.root, ['styles'])}`;
  // An image uploaded since changes the fragment, which then uses its WeChat URL.
  const accountText = new Map(set.accounts.map((a) => [a.place.account, `${a.source.text}\0${footerFiles(a)}\0${JSON.stringify(uploaded[a.place.account] ?? {})}`]));
  const references = crossFileInputs(set);
  const keys = new Map<string, string>();
  const unchanged: string[] = [];
  const damaged: string[] = [];
  await Promise.all(
    articles.map(async (article) => {
      const { file } = article.source;
      const key = articleKey([tool, accountText.get(article.place.account) ?? '', references(article)], article.source.path, article.source.text);
      const previous = record.articles[file];
      if (previous?.key === key && outputsIntact(join(outDir, previous.dir), previous.outputs)) unchanged.push(file);
      else {
        if (previous?.key === key) damaged.push(file);
        keys.set(file, key);
      }
    }),
  );
  if (damaged.length) notice(`${damaged.length} 篇文章的输出文件缺失或被改动，重新构建（如 ${damaged.sort()[0]}）。`);
  return { keys, unchanged };
}

/** The files of the account footer's images, by size and time: replacing one builds every article again. */
function footerFiles(account: ContentSet['accounts'][number]): string {
  return (accountFooter(account)?.images ?? [])
    .map(({ url, target }) => {
      const info = target.kind === 'local' ? statSync(target.path, { throwIfNoEntry: false }) : undefined;
      return `${url}:${info ? `${info.size}:${info.mtimeMs}` : target.kind}`;
    })
    .join('\0');
}

/** Articles the loader could not read (encoding, permissions) or that sit outside the layout: no text to render. */
function unreadableArticles(set: ContentSet): EarlyFailure[] {
  const loaded = new Set(set.articles.map((a) => a.source.file));
  const failed = new Map<string, EarlyFailure>();
  for (const finding of [...set.findings].sort(compareFindings)) {
    const place = classify(finding.file);
    if (finding.severity !== 'error' || loaded.has(finding.file) || failed.has(finding.file)) continue;
    if (place?.kind !== 'article' && place?.kind !== 'misplaced') continue;
    const slug = place.kind === 'article' ? place.slug : undefined;
    failed.set(finding.file, { file: finding.file, account: place.account, ...(slug ? { slug } : {}), title: slug ?? finding.file, status: '', error: finding });
  }
  return [...failed.values()];
}

/**
 * Accounts whose account.yaml has errors (unreadable, YAML, schema): their errors, for the accounts of selected
 * articles, and those articles, each failed with its account's first error.
 */
async function accountErrors(set: ContentSet, selected: ContentSet['articles']): Promise<{ failures: EarlyFailure[]; findings: Finding[] }> {
  const used = new Set(selected.map((a) => a.place.account));
  const errors = (await validateContent(set, { only: (file) => classify(file)?.kind === 'account' })).filter((f) => {
    const place = classify(f.file);
    return f.severity === 'error' && place?.kind === 'account' && used.has(place.account);
  });
  const first = new Map<string, Finding>();
  for (const finding of errors) {
    const account = classify(finding.file)?.account;
    if (account && !first.has(account)) first.set(account, finding);
  }
  const failures = selected.flatMap((article) => {
    const error = first.get(article.place.account);
    if (!error) return [];
    const data = article.doc?.data;
    return [{ file: article.source.file, account: article.place.account, slug: article.place.slug, title: String(data?.title ?? article.place.slug), status: String(data?.status ?? ''), error }];
  });
  return { failures, findings: errors };
}

/** The lint's jobs for the selected files; when planning it fails, the build goes on and the front page shows no counts. */
async function planLint(step: LintStep, set: ContentSet, files: ReadonlySet<string>): Promise<LintPass | undefined> {
  try {
    return await step(set, (file) => files.has(file));
  } catch (error) {
    lintNotice(error);
    return undefined;
  }
}

/** Errors and warnings per file, once the lint's jobs are done; when linting failed, a notice and no counts. */
async function lintCounts(pass: LintPass, results: ReadonlyMap<string, { file: string }>, failure: string | undefined): Promise<Map<string, LintCounts> | undefined> {
  let findings: readonly Finding[];
  try {
    if (failure !== undefined) throw new Error(failure);
    findings = (await pass.finish(results)).findings;
  } catch (error) {
    lintNotice(error);
    return undefined;
  }
  const counts = new Map<string, LintCounts>();
  for (const finding of findings) {
    const entry = counts.get(finding.file) ?? { errors: 0, warnings: 0 };
    if (finding.severity === 'error') entry.errors++;
    else if (finding.severity === 'warning') entry.warnings++;
    counts.set(finding.file, entry);
  }
  return counts;
}

function lintNotice(error: unknown): void {
  notice(`检查出错，首页不显示检查结果（运行 mpdesk lint 查看）：${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Each account's uploaded body images (processed file hash → WeChat URL) from its media ledger, so the fragment and
 * the preview's copy keep their images. A ledger that cannot be read is said once; the build goes on without it.
 */
function uploadedImages(set: ContentSet): Record<string, Record<string, string>> {
  const uploaded: Record<string, Record<string, string>> = {};
  for (const { place } of set.accounts) {
    const read = readMediaLedger(set.root, place.account);
    if (!read.ok) notice(`${read.message} 这次构建的预览按图片未上传处理。`);
    else uploaded[place.account] = Object.fromEntries(uploadedImageUrls(read.ledger));
  }
  return uploaded;
}
