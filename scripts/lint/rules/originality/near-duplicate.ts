import { defineRule, normalizedBlock, type PeerArticle, type PeerParagraph } from '../../define-rule.ts';
import { blockSpan, type TextBlock } from '../../prose.ts';

const shingleLength = 8;
const minChars = 30;
/** Keep one shingle hash in four: enough to recognise a copied paragraph, a quarter of the memory in the cache. */
const sampling = 4;
/** Share of a paragraph's fingerprints found in one other paragraph for it to count as a near copy. */
const threshold = 0.6;
/** Fingerprints in more paragraphs than this are boilerplate (footers, set phrases), not evidence of copying. */
const commonLimit = 20;

/** FNV-1a, 32 bits, of `text[from, to)`: a compact, stable hash for shingles (no substring is made). */
function hash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Sampled hashes of the 8-character shingles of a paragraph's normalised text (punctuation left out). */
export function paragraphPrints(block: TextBlock): Uint32Array {
  const text = normalizedBlock(block).text.replace(/[\uFFFC，。！？；：、「」『』（）“”‘’《》,.!?;:()]/g, '');
  if (text.length < minChars) return new Uint32Array();
  const prints = new Set<number>();
  for (let i = 0; i + shingleLength <= text.length; i++) {
    const h = hash(text, i, i + shingleLength);
    if (h % sampling === 0) prints.add(h);
  }
  return Uint32Array.from(prints);
}

interface Place {
  peer: PeerArticle;
  paragraph: PeerParagraph;
}

interface PeerIndex {
  places: Place[];
  byPrint: Map<number, number[]>;
}

/**
 * Indexes of the peers, by the peers array: the whole one, once many files have asked, and before that one per
 * asking file, holding only that file's own fingerprints. A hook that lints one article among a thousand then
 * scans the others' fingerprints once instead of indexing all of them.
 */
const indexes = new WeakMap<readonly PeerArticle[], { whole?: PeerIndex; byFile: Map<string, { index: PeerIndex; wanted: Set<number> }> }>();
const partialIndexes = 4;

function buildIndex(peers: readonly PeerArticle[], wanted?: ReadonlySet<number>): PeerIndex {
  const built: PeerIndex = { places: [], byPrint: new Map() };
  for (const peer of peers) {
    for (const paragraph of peer.paragraphs) {
      let place = -1;
      for (const print of paragraph.prints) {
        if (wanted && !wanted.has(print)) continue;
        if (place < 0) place = built.places.push({ peer, paragraph }) - 1;
        const list = built.byPrint.get(print);
        if (list) list.push(place);
        else built.byPrint.set(print, [place]);
      }
    }
  }
  return built;
}

/** An index that answers exactly for `own`, a paragraph of `file`: counts of every fingerprint asked about are whole. */
function indexFor(peers: readonly PeerArticle[], file: string, own: Uint32Array): PeerIndex {
  let memo = indexes.get(peers);
  if (!memo) indexes.set(peers, (memo = { byFile: new Map() }));
  if (memo.whole) return memo.whole;
  let partial = memo.byFile.get(file);
  if (!partial && memo.byFile.size < partialIndexes) {
    const wanted = new Set<number>();
    for (const paragraph of peers.find((peer) => peer.file === file)?.paragraphs ?? []) for (const print of paragraph.prints) wanted.add(print);
    partial = { index: buildIndex(peers, wanted), wanted };
    memo.byFile.set(file, partial);
  }
  if (partial && own.every((print) => partial.wanted.has(print))) return partial.index;
  return (memo.whole = buildIndex(peers));
}

export interface NearCopy {
  peer: PeerArticle;
  paragraph: PeerParagraph;
  share: number;
}

/**
 * The paragraph of another article that shares most of these fingerprints (at least the threshold), if any. Both
 * the rule and the post-pass of a parallel lint (lint/originality.ts) use it, so they cannot disagree.
 */
export function nearCopy(own: Uint32Array, peers: readonly PeerArticle[], file: string): NearCopy | undefined {
  if (own.length < 3) return undefined;
  const index = indexFor(peers, file, own);
  const hits = new Map<number, number>();
  for (const print of own) {
    const places = index.byPrint.get(print);
    if (!places || places.length > commonLimit) continue;
    for (const place of places) hits.set(place, (hits.get(place) ?? 0) + 1);
  }
  let best: NearCopy | undefined;
  for (const [placeIndex, count] of hits) {
    const place = index.places[placeIndex]!;
    if (place.peer.file === file) continue;
    const share = count / own.length;
    if (share >= threshold && (!best || share > best.share)) best = { ...place, share };
  }
  return best;
}

export function nearCopyMessage({ peer, paragraph, share }: NearCopy): string {
  return `这段与《${peer.title}》（${peer.file} 第 ${paragraph.line} 行）约 ${Math.round(share * 100)}% 相同，注意重复发布或洗稿风险。`;
}

export default defineRule({
  id: 'originality/near-duplicate',
  severity: 'warning',
  description: '与仓库里另一篇文章几乎相同的段落（洗稿、重复发布的风险）。A passage that closely repeats another article.',
  examples: { valid: ['一段只出现在这里的文字，和别的文章都不一样，讲的是冬天在杭州的茶空间里怎样给客人泡一壶老白茶。'], invalid: [] },
  check(context) {
    for (const block of context.blocks) {
      if (block.kind !== 'paragraph') continue;
      const copy = nearCopy(paragraphPrints(block), context.peers, context.source.file);
      if (copy) context.report({ span: blockSpan(block, 0, block.text.length), message: nearCopyMessage(copy) });
    }
  },
});
