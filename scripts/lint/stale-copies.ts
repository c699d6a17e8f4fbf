import type { CacheEntry } from './cache.ts';
import type { PeerArticle, PeerParagraph } from './define-rule.ts';
import nearDuplicate, { nearCopy } from './rules/originality/near-duplicate.ts';

/**
 * The cached articles whose `originality/near-duplicate` findings may no longer hold once other articles changed:
 * a record is keyed by the article's own inputs, not by the others it was compared with. They are linted again:
 * - those whose record has such a finding, when an article changed or is gone (it may name the old text);
 * - those a changed article now copies from (the finding belongs on both).
 */
export function staleCopies(
  cached: ReadonlyArray<{ file: string; entry: CacheEntry }>,
  changed: ReadonlyArray<{ file: string; paragraphs: readonly PeerParagraph[] }>,
  peers: readonly PeerArticle[],
  anyGone: boolean,
): Set<string> {
  const stale = new Set<string>();
  if (!changed.length && !anyGone) return stale;
  const cachedFiles = new Set(cached.map((c) => c.file));
  for (const { file, entry } of cached) if (entry.findings.some((f) => f.ruleId === nearDuplicate.id)) stale.add(file);
  for (const { file, paragraphs } of changed) {
    for (const paragraph of paragraphs) {
      const copy = nearCopy(paragraph.prints, peers, file);
      if (copy && cachedFiles.has(copy.peer.file)) stale.add(copy.peer.file);
    }
  }
  return stale;
}
