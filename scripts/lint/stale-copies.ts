import type { CacheEntry } from './cache.ts';
import type { PeerArticle, PeerParagraph } from './define-rule.ts';
import nearDuplicate, { nearCopy, nearCopyMessage } from './rules/originality/near-duplicate.ts';

/**
 * The cached articles whose `originality/near-duplicate` findings may no longer hold once other articles changed:
 * a record is keyed by the article's own inputs, not by the others it was compared with. They are linted again:
 * - those whose record has such a finding that the comparison with the articles as they are now no longer gives
 *   (the copy it names changed or is gone, or another is now closer);
 * - those a changed article now copies from (the finding belongs on both).
 * A record's other findings do not depend on other articles, so one that still reads the same is kept as it is.
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
  for (const { file, entry } of cached) if (copiesDiffer(file, entry, peers)) stale.add(file);
  for (const { file, paragraphs } of changed) {
    for (const paragraph of paragraphs) {
      const copy = nearCopy(paragraph.prints, peers, file);
      if (copy && cachedFiles.has(copy.peer.file)) stale.add(copy.peer.file);
    }
  }
  return stale;
}

/** Whether a record's near-copy findings differ from what its kept fingerprints give against `peers` now. */
function copiesDiffer(file: string, entry: CacheEntry, peers: readonly PeerArticle[]): boolean {
  const kept = entry.findings.filter((f) => f.ruleId === nearDuplicate.id);
  if (!kept.length) return false;
  const byLine = new Map(kept.map((f) => [f.line, f.message]));
  if (byLine.size !== kept.length) return true;
  let matched = 0;
  for (const paragraph of entry.paragraphs) {
    const copy = nearCopy(paragraph.prints, peers, file);
    const said = byLine.get(paragraph.line);
    // A copy found now but not in the record may be one a directive suppressed: linted again to be sure.
    if ((copy ? nearCopyMessage(copy) : undefined) !== said) return true;
    if (said !== undefined) matched++;
  }
  return matched !== kept.length;
}
