import { describe, expect, it } from 'vitest';
import type { CacheEntry } from './cache.ts';
import type { PeerArticle } from './define-rule.ts';
import nearDuplicate, { nearCopy, nearCopyMessage } from './rules/originality/near-duplicate.ts';
import { staleCopies } from './stale-copies.ts';

const prints = (from: number) => Uint32Array.from({ length: 12 }, (_, i) => from + i * 4);
const article = (file: string, title: string, from: number): PeerArticle => ({ file, title, paragraphs: [{ line: 8, prints: prints(from) }] });

/** A cached record of `self` holding what the comparison with `peers` says of its paragraph. */
function record(self: PeerArticle, peers: readonly PeerArticle[]): CacheEntry {
  const copy = nearCopy(self.paragraphs[0]!.prints, peers, self.file);
  const findings = copy ? [{ file: self.file, line: 8, column: 1, endLine: 8, endColumn: 30, ruleId: nearDuplicate.id, severity: 'warning' as const, message: nearCopyMessage(copy) }] : [];
  return { key: 'k', findings, title: self.title, paragraphs: self.paragraphs, printKey: 'p' };
}

describe('the cached copies linted again when other articles change', () => {
  const yuanWen = article('content/shanye/articles/2026/yuan-wen/index.md', '冬天喝什么茶', 1000);
  const xinGao = article('content/shanye/articles/2026/xin-gao/index.md', '冬日茶单', 1000);
  const other = article('content/shanye/articles/2026/shuiwen/index.md', '水温', 9000);
  const peers = [yuanWen, xinGao, other];

  it('leaves a record whose copy still reads the same when an unrelated article changes', () => {
    const cached = [{ file: yuanWen.file, entry: record(yuanWen, peers) }];
    expect(cached[0]!.entry.findings).toHaveLength(1);
    expect(staleCopies(cached, [{ file: other.file, paragraphs: other.paragraphs }], peers, false)).toEqual(new Set());
  });

  it('lints again a record whose copy was rewritten, retitled or is gone', () => {
    const cached = [{ file: yuanWen.file, entry: record(yuanWen, peers) }];
    const rewritten = article(xinGao.file, xinGao.title, 5000);
    expect(staleCopies(cached, [{ file: xinGao.file, paragraphs: rewritten.paragraphs }], [yuanWen, rewritten, other], false)).toEqual(new Set([yuanWen.file]));
    const retitled = { ...xinGao, title: '冬日茶单（修订）' };
    expect(staleCopies(cached, [{ file: xinGao.file, paragraphs: xinGao.paragraphs }], [yuanWen, retitled, other], false)).toEqual(new Set([yuanWen.file]));
    expect(staleCopies(cached, [], [yuanWen, other], true)).toEqual(new Set([yuanWen.file]));
  });

  it('lints again a record a changed article now copies from', () => {
    const cached = [{ file: other.file, entry: record(other, peers) }];
    const copying = article(xinGao.file, xinGao.title, 9000);
    expect(staleCopies(cached, [{ file: xinGao.file, paragraphs: copying.paragraphs }], [yuanWen, copying, other], false)).toEqual(new Set([other.file]));
  });
});
