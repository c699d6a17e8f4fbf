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

export interface LintCache {
  entries: Record<string, CacheEntry>;
}

const cachePath = (root: string) => join(root, '.cache', 'mpdesk', 'lint.json');

export async function readLintCache(root: string): Promise<LintCache> {
  try {
    const parsed = JSON.parse(await readFile(cachePath(root), 'utf8')) as LintCache;
    return parsed && typeof parsed.entries === 'object' ? parsed : { entries: {} };
  } catch {
    // No cache, or one from an interrupted run: start empty.
    return { entries: {} };
  }
}

export async function writeLintCache(root: string, cache: LintCache): Promise<void> {
  await writeFileAtomic(cachePath(root), JSON.stringify(cache));
}
