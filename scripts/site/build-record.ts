import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { parseFinding, type Finding } from '../shared/finding.ts';
import { isCount, isObject } from '../shared/json-shape.ts';
import { notice } from '../shared/notice.ts';

/** What the build wrote for one file of an article's output folder: enough to tell cheaply that it is still there. */
export interface OutputFile {
  sha256: string;
  size: number;
  mtimeMs: number;
}

/** Output folder file name (`article.html`, `images/cup.png`) → what was written. */
export type OutputFiles = Record<string, OutputFile>;

export interface LintCounts {
  errors: number;
  warnings: number;
}

/** An article whose output folder is current. */
export interface BuiltArticle {
  /** Hash of everything the output depends on. */
  key: string;
  /** `<account>/<slug>` under the output folder. */
  dir: string;
  account: string;
  title: string;
  status: string;
  publishAt?: string;
  /** The processed 500x500 cover, relative to `dir`. */
  thumbnail?: string;
  lint?: LintCounts;
  outputs: OutputFiles;
}

/** An article that did not build, with the first error that stopped it. */
export interface FailedArticle {
  account: string;
  title: string;
  status: string;
  error: Finding;
}

export interface BuildRecord {
  articles: Record<string, BuiltArticle>;
  failed: Record<string, FailedArticle>;
}

const version = 2;
const recordName = '.mpdesk-build.json';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Describes a file just written. */
export function outputFile(path: string, bytes: Uint8Array | string): OutputFile {
  return hashedOutputFile(path, sha256(bytes));
}

/** `outputFile` for a file whose hash is known (a processed image, recorded by the image cache). */
export function hashedOutputFile(path: string, hash: string): OutputFile {
  const { size, mtimeMs } = statSync(path);
  return { sha256: hash, size, mtimeMs };
}

/**
 * Whether every file recorded for an output folder is there with what was written. Cheap: a file whose size and
 * time are as recorded is taken as it is; only a touched one is read and hashed. Updates the times of files that
 * were touched but are unchanged, so the next check is cheap again.
 */
export function outputsIntact(dir: string, outputs: OutputFiles): boolean {
  for (const [name, recorded] of Object.entries(outputs)) {
    const path = join(dir, name);
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(path));
    } catch {
      return false;
    }
    if (size !== recorded.size) return false;
    if (mtimeMs === recorded.mtimeMs) continue;
    try {
      if (sha256(readFileSync(path)) !== recorded.sha256) return false;
    } catch {
      return false;
    }
    recorded.mtimeMs = mtimeMs;
  }
  return true;
}

/**
 * The record of the last build in `outDir`. None is an empty one, and so is one written by an older mpdesk (its
 * keys differ anyway); a corrupt one is discarded with a notice naming it, and everything is built again.
 */
export async function readBuildRecord(outDir: string): Promise<BuildRecord> {
  const path = join(outDir, recordName);
  const empty = (): BuildRecord => ({ articles: {}, failed: {} });
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return empty();
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    stored = undefined;
  }
  // Written before outputs were recorded: its keys differ anyway, so it is simply replaced.
  if (isObject(stored) && stored.version === undefined && isObject(stored.articles)) return empty();
  const parsed = parseRecord(stored);
  if (!parsed) notice(`构建记录 ${relative(process.cwd(), path) || path} 已损坏，已丢弃并重新构建全部文章。`);
  return parsed ?? empty();
}

export async function writeBuildRecord(outDir: string, record: BuildRecord): Promise<void> {
  const sorted = <T>(entries: Record<string, T>) => Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
  const stored = { version, articles: sorted(record.articles), failed: sorted(record.failed) };
  await writeFileAtomic(join(outDir, recordName), `${JSON.stringify(stored, null, 1)}\n`);
}

function parseRecord(value: unknown): BuildRecord | undefined {
  if (!isObject(value) || value.version !== version || !isObject(value.articles) || !isObject(value.failed)) return undefined;
  const record: BuildRecord = { articles: {}, failed: {} };
  for (const [file, entry] of Object.entries(value.articles)) {
    const built = parseBuilt(entry);
    if (!built) return undefined;
    record.articles[file] = built;
  }
  for (const [file, entry] of Object.entries(value.failed)) {
    const error = isObject(entry) ? parseFinding(entry.error) : undefined;
    if (!isObject(entry) || !error || !strings(entry, ['account', 'title', 'status'])) return undefined;
    record.failed[file] = { account: entry.account, title: entry.title, status: entry.status, error };
  }
  return record;
}

function parseBuilt(entry: unknown): BuiltArticle | undefined {
  if (!isObject(entry) || !strings(entry, ['key', 'dir', 'account', 'title', 'status']) || !isObject(entry.outputs)) return undefined;
  // The folder is removed when the article goes: it must be one of ours, never a path that leads elsewhere.
  if (!/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/.test(entry.dir)) return undefined;
  const outputs: OutputFiles = {};
  for (const [name, file] of Object.entries(entry.outputs)) {
    if (!inside(name) || !isObject(file) || typeof file.sha256 !== 'string' || !isCount(file.size) || typeof file.mtimeMs !== 'number') return undefined;
    outputs[name] = { sha256: file.sha256, size: file.size, mtimeMs: file.mtimeMs };
  }
  const { publishAt, thumbnail, lint } = entry;
  if ((publishAt !== undefined && typeof publishAt !== 'string') || (thumbnail !== undefined && (typeof thumbnail !== 'string' || !inside(thumbnail)))) return undefined;
  const counts = isObject(lint) && isCount(lint.errors) && isCount(lint.warnings) ? { errors: lint.errors, warnings: lint.warnings } : undefined;
  if (lint !== undefined && !counts) return undefined;
  return {
    key: entry.key,
    dir: entry.dir,
    account: entry.account,
    title: entry.title,
    status: entry.status,
    ...(publishAt !== undefined ? { publishAt } : {}),
    ...(thumbnail !== undefined ? { thumbnail } : {}),
    ...(counts ? { lint: counts } : {}),
    outputs,
  };
}

/** A relative path that stays inside its folder. */
const inside = (name: string) => name !== '' && !name.startsWith('/') && !name.split('/').includes('..');

/** Whether the named fields are all strings (and narrows them). */
function strings<K extends string>(entry: Record<string, unknown>, names: readonly K[]): entry is Record<string, unknown> & Record<K, string> {
  return names.every((name) => typeof entry[name] === 'string');
}
