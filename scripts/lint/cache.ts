import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { parseFinding, type Finding } from '../shared/finding.ts';
import { isCount, isObject } from '../shared/json-shape.ts';
import { notice } from '../shared/notice.ts';
import type { PeerParagraph } from './define-rule.ts';

/** Everything lint learned about one file, valid while its key (content hash of its inputs) is unchanged. */
export interface CacheEntry {
  key: string;
  findings: Finding[];
  title: string;
  paragraphs: PeerParagraph[];
}

/** What is wrong with one word-list file, valid while the hash of the tool and the file's text is unchanged. */
export interface ListEntry {
  key: string;
  findings: Finding[];
}

export interface LintCache {
  entries: Record<string, CacheEntry>;
  lists: Record<string, ListEntry>;
}

const cachePath = (root: string) => join(root, '.cache', 'mpdesk', 'lint.json');

/**
 * The cache as far as it is sound. No cache is an empty one; an unreadable file or a record of the wrong shape
 * (a hand edit, another version) is discarded with a notice naming the file, and made again by this run.
 */
export async function readLintCache(root: string): Promise<LintCache> {
  const path = cachePath(root);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { entries: {}, lists: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const cache = { entries: records(parsed, 'entries', cacheEntry), lists: records(parsed, 'lists', listEntry) };
  const kept = Object.keys(cache.entries).length + Object.keys(cache.lists).length;
  const stored = isObject(parsed) ? count(parsed.entries) + count(parsed.lists) : -1;
  if (kept !== stored) notice(`检查缓存 ${relative(process.cwd(), path) || path} 已损坏，已丢弃并重新检查。A corrupt lint cache was discarded.`);
  return cache;
}

function count(group: unknown): number {
  return isObject(group) ? Object.keys(group).length : 0;
}

export async function writeLintCache(root: string, cache: LintCache): Promise<void> {
  await writeFileAtomic(cachePath(root), JSON.stringify(cache));
}

function records<T>(parsed: unknown, name: string, read: (value: unknown) => T | undefined): Record<string, T> {
  const result: Record<string, T> = {};
  const group: unknown = isObject(parsed) ? parsed[name] : undefined;
  if (!isObject(group)) return result;
  for (const [file, value] of Object.entries(group)) {
    const entry = read(value);
    if (entry) result[file] = entry;
  }
  return result;
}

function cacheEntry(value: unknown): CacheEntry | undefined {
  const list = listEntry(value);
  if (!list || !isObject(value) || typeof value.title !== 'string' || !Array.isArray(value.paragraphs)) return undefined;
  const paragraphs: PeerParagraph[] = [];
  for (const p of value.paragraphs) {
    if (!isObject(p) || !isCount(p.line) || !Array.isArray(p.prints) || !p.prints.every((n) => typeof n === 'number')) return undefined;
    paragraphs.push({ line: p.line, prints: p.prints });
  }
  return { ...list, title: value.title, paragraphs };
}

function listEntry(value: unknown): ListEntry | undefined {
  if (!isObject(value) || typeof value.key !== 'string' || !Array.isArray(value.findings)) return undefined;
  const findings: Finding[] = [];
  for (const f of value.findings) {
    const finding = parseFinding(f);
    if (!finding) return undefined;
    findings.push(finding);
  }
  return { key: value.key, findings };
}
