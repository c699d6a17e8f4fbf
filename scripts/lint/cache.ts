import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import type { Finding } from '../shared/finding.ts';
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

/** The cache as far as it is sound: a record of the wrong shape (a hand edit, another version) is dropped, not trusted. */
export async function readLintCache(root: string): Promise<LintCache> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(cachePath(root), 'utf8'));
  } catch {
    // No cache, or one from an interrupted run: start empty.
    return { entries: {}, lists: {} };
  }
  return { entries: records(parsed, 'entries', cacheEntry), lists: records(parsed, 'lists', listEntry) };
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
    if (!isObject(p) || typeof p.line !== 'number' || !Array.isArray(p.prints) || !p.prints.every((n) => typeof n === 'number')) return undefined;
    paragraphs.push({ line: p.line, prints: p.prints });
  }
  return { ...list, title: value.title, paragraphs };
}

function listEntry(value: unknown): ListEntry | undefined {
  if (!isObject(value) || typeof value.key !== 'string' || !Array.isArray(value.findings)) return undefined;
  const findings: Finding[] = [];
  for (const f of value.findings) {
    const finding = toFinding(f);
    if (!finding) return undefined;
    findings.push(finding);
  }
  return { key: value.key, findings };
}

function toFinding(value: unknown): Finding | undefined {
  if (!isObject(value)) return undefined;
  const { file, line, column, endLine, endColumn, ruleId, severity, message, field, suggestions } = value;
  if (typeof file !== 'string' || typeof ruleId !== 'string' || typeof message !== 'string') return undefined;
  if (typeof line !== 'number' || typeof column !== 'number' || typeof endLine !== 'number' || typeof endColumn !== 'number') return undefined;
  if (severity !== 'error' && severity !== 'warning' && severity !== 'info') return undefined;
  const finding: Finding = { file, line, column, endLine, endColumn, ruleId, severity, message };
  if (typeof field === 'string') finding.field = field;
  if (Array.isArray(suggestions) && suggestions.every((s) => typeof s === 'string')) finding.suggestions = suggestions;
  return finding;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
