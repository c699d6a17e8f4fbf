import { makeDir } from '../shared/make-dir.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { articleFields, releaseArticle, type ArticleFile, type ContentSet } from '../content/index.ts';
import { renderArticle, type RenderedArticle } from '../render/index.ts';
import { writeFileAtomicSync } from '../shared/atomic-write.ts';
import { linkOrCopy } from '../shared/link-or-copy.ts';
import type { Finding } from '../shared/finding.ts';
import { WriteError, writingSync } from '../shared/write-error.ts';
import { validateContent } from '../validate/index.ts';
import { hashedOutputFile, outputFile, type OutputFiles } from './build-record.ts';

/** Articles validated and rendered together. */
const groupSize = 4;

export interface BatchPaths {
  root: string;
  outDir: string;
  cacheDir: string;
  /** Per account, processed image hash → WeChat URL, from its media ledger. */
  uploaded?: Record<string, Record<string, string>>;
}

/** What happened to one article; plain data, so it can come back from a worker thread. */
export interface ArticleOutcome {
  file: string;
  ok: boolean;
  findings: Finding[];
  title: string;
  status: string;
  publishAt?: string;
  /** The processed 500x500 cover, relative to the article's output folder. */
  thumbnail?: string;
  /** What was written, when `ok`. */
  outputs?: OutputFiles;
}

/**
 * Validates and renders the given articles and writes their output folders. An article with an error, or one that
 * makes mpdesk itself fail, is reported and left unwritten; the others go on.
 */
export async function renderBatch(
  set: ContentSet,
  files: readonly string[],
  paths: BatchPaths,
  onDone: (outcome: ArticleOutcome) => void,
): Promise<void> {
  const accounts = new Map(set.accounts.map((a) => [a.place.account, a]));
  const byFile = new Map(set.articles.map((a) => [a.source.file, a]));

  const renderOne = async (article: ArticleFile, validation: readonly Finding[]): Promise<ArticleOutcome> => {
    const { file } = article.source;
    const fields = articleFields(article);
    const base = { file, title: fields.title ?? article.place.slug, status: fields.status ?? '', ...(fields.publish_at ? { publishAt: fields.publish_at } : {}) };
    const problems = validation.filter((f) => f.file === file);
    if (problems.some((f) => f.severity === 'error')) return { ...base, ok: false, findings: problems };
    try {
      const uploadedImages = new Map(Object.entries(paths.uploaded?.[article.place.account] ?? {}));
      const rendered = await renderArticle({ root: paths.root, article, account: accounts.get(article.place.account), cacheDir: paths.cacheDir, uploadedImages });
      if (rendered.findings.length) return { ...base, ok: false, findings: [...problems, ...rendered.findings] };
      const outputs = writeArticle(join(paths.outDir, article.place.account, article.place.slug), rendered);
      return { ...base, ok: true, findings: problems, outputs, ...(rendered.meta.cover ? { thumbnail: rendered.meta.cover.square } : {}) };
    } catch (error) {
      return { ...base, ok: false, findings: [...problems, crashed(file, error)] };
    }
  };

  // A few articles at a time: image encoding waits on other threads, so several in flight keep this one busy, and
  // each group's Markdown trees are dropped before the next group is parsed.
  for (let start = 0; start < files.length; start += groupSize) {
    const group = files.slice(start, start + groupSize);
    const validation = await validateGroup(set, group);
    await Promise.all(
      group.map(async (file) => {
        const article = byFile.get(file)!;
        onDone(await renderOne(article, validation.get(file) ?? []));
        releaseArticle(article.source);
      }),
    );
  }
}

/** Validation findings per file; when validating the group fails, each file is tried alone, so only the culprit fails. */
async function validateGroup(set: ContentSet, group: readonly string[]): Promise<Map<string, Finding[]>> {
  const byFile = new Map<string, Finding[]>(group.map((file) => [file, []]));
  const validate = async (files: readonly string[]) => {
    const wanted = new Set(files);
    for (const finding of await validateContent(set, { only: (file) => wanted.has(file) })) byFile.get(finding.file)?.push(finding);
  };
  try {
    await validate(group);
  } catch {
    for (const file of group) {
      byFile.set(file, []);
      await validate([file]).catch((error: unknown) => byFile.get(file)!.push(crashed(file, error)));
    }
  }
  return byFile;
}

/**
 * A failure on one article, reported on that article so the build goes on and names it: an output file that could
 * not be written (a full disk, permissions), or mpdesk itself failing.
 */
function crashed(file: string, error: unknown): Finding {
  const at = { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error' as const };
  if (error instanceof WriteError) return { ...at, ruleId: 'build/write-failed', message: `这篇文章的输出没有写成，其他文章照常构建：${error.message}` };
  const message = error instanceof Error ? error.message : String(error);
  return { ...at, ruleId: 'build/crashed', message: `构建这篇文章时 mpdesk 出错（请报告这个问题），其他文章照常构建：${message}` };
}

/**
 * Writes the output folder and describes what it wrote. Synchronous on purpose: the render threads keep both
 * cores busy, so the thread-pool threads that would do asynchronous writes wait for a core, and a dozen small
 * writes per article cost more in hand-offs than in writing.
 */
function writeArticle(dir: string, rendered: Pick<RenderedArticle, 'html' | 'preview' | 'meta' | 'assets'>): OutputFiles {
  const outputs: OutputFiles = {};
  writingSync(join(dir, 'images'), () => rmSync(join(dir, 'images'), { recursive: true, force: true }), 'remove');
  makeDir(join(dir, 'images'));
  for (const asset of rendered.assets) {
    const path = join(dir, asset.name);
    writingSync(path, () => linkOrCopy(asset.path, path));
    outputs[asset.name] = hashedOutputFile(path, asset.sha256);
  }
  const texts: Array<[string, string]> = [
    ['article.html', rendered.html],
    ['preview.html', rendered.preview],
    ['meta.json', `${JSON.stringify(rendered.meta, null, 2)}\n`],
  ];
  for (const [name, text] of texts) {
    writeFileAtomicSync(join(dir, name), text);
    outputs[name] = outputFile(join(dir, name), text);
  }
  return outputs;
}
