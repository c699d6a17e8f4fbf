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

export interface LintCache {
  entries: Record<string, CacheEntry>;
}

const cachePath = (root: string) => join(root, '.cache', 'mpdesk', 'lint.json');

/** No cache is an empty one; a corrupt one is discarded with a notice naming it, and made again by this run. */
export async function readLintCache(root: string): Promise<LintCache> {
  const path = cachePath(root);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { entries: {} };
  let parsed: LintCache | undefined;
  try {
    parsed = parseCache(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (!parsed) notice(`检查缓存 ${relative(process.cwd(), path) || path} 已损坏，已丢弃并重新检查。A corrupt lint cache was discarded.`);
  return parsed ?? { entries: {} };
}

function parseCache(value: unknown): LintCache | undefined {
  if (!isObject(value) || !isObject(value.entries)) return undefined;
  const entries: Record<string, CacheEntry> = {};
  for (const [file, entry] of Object.entries(value.entries)) {
    if (!isObject(entry) || typeof entry.key !== 'string' || typeof entry.title !== 'string') return undefined;
    if (!Array.isArray(entry.findings) || !Array.isArray(entry.paragraphs)) return undefined;
    const findings = entry.findings.map(parseFinding);
    const paragraphs = entry.paragraphs.map((p: unknown) => (isObject(p) && isCount(p.line) && Array.isArray(p.prints) && p.prints.every(isCount) ? { line: p.line, prints: p.prints.filter(isCount) } : undefined));
    if (findings.includes(undefined) || paragraphs.includes(undefined)) return undefined;
    entries[file] = { key: entry.key, title: entry.title, findings: findings.filter((f) => f !== undefined), paragraphs: paragraphs.filter((p) => p !== undefined) };
  }
  return { entries };
}

export async function writeLintCache(root: string, cache: LintCache): Promise<void> {
  await writeFileAtomic(cachePath(root), JSON.stringify(cache));
}
