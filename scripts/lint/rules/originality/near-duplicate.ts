import { defineRule, type PeerArticle } from '../../define-rule.ts';
import { normalize } from '../../normalize.ts';
import { blockSpan, breaker, type TextBlock } from '../../prose.ts';

const shingleLength = 8;
const minChars = 30;
/** Share of a paragraph's shingles found in one other paragraph for it to count as a near copy. */
const threshold = 0.6;
/** Shingles in more paragraphs than this are boilerplate (footers, set phrases), not evidence of copying. */
const commonLimit = 20;

interface Place {
  peer: PeerArticle;
  block: TextBlock;
}

interface ShingleIndex {
  places: Place[];
  byShingle: Map<string, number[]>;
}

const indexes = new WeakMap<readonly PeerArticle[], ShingleIndex>();

function shingles(block: TextBlock): Set<string> {
  const text = normalize(block.text.replaceAll(breaker, '')).text.replace(/[，。！？；：、「」『』（）“”‘’《》]/g, '');
  const result = new Set<string>();
  if (text.length < minChars) return result;
  for (let i = 0; i + shingleLength <= text.length; i++) result.add(text.slice(i, i + shingleLength));
  return result;
}

function indexOf(peers: readonly PeerArticle[]): ShingleIndex {
  let index = indexes.get(peers);
  if (!index) {
    const built: ShingleIndex = { places: [], byShingle: new Map() };
    for (const peer of peers) {
      for (const block of peer.blocks) {
        if (block.kind !== 'paragraph') continue;
        const place = built.places.push({ peer, block }) - 1;
        for (const shingle of shingles(block)) {
          const list = built.byShingle.get(shingle);
          if (list) list.push(place);
          else built.byShingle.set(shingle, [place]);
        }
      }
    }
    index = built;
    indexes.set(peers, index);
  }
  return index;
}

export default defineRule({
  id: 'originality/near-duplicate',
  severity: 'warning',
  description: '与仓库里另一篇文章几乎相同的段落（洗稿、重复发布的风险）。A passage that closely repeats another article.',
  examples: { valid: ['一段只出现在这里的文字，和别的文章都不一样，讲的是冬天在杭州的茶空间里怎样给客人泡一壶老白茶。'], invalid: [] },
  check(context) {
    const index = indexOf(context.peers);
    for (const block of context.blocks) {
      if (block.kind !== 'paragraph') continue;
      const own = shingles(block);
      if (own.size === 0) continue;
      const hits = new Map<number, number>();
      for (const shingle of own) {
        const places = index.byShingle.get(shingle);
        if (!places || places.length > commonLimit) continue;
        for (const place of places) hits.set(place, (hits.get(place) ?? 0) + 1);
      }
      let best: { place: Place; share: number } | undefined;
      for (const [placeIndex, count] of hits) {
        const place = index.places[placeIndex]!;
        if (place.peer.source.file === context.source.file) continue;
        const share = count / own.size;
        if (share >= threshold && (!best || share > best.share)) best = { place, share };
      }
      if (!best) continue;
      const { peer, block: other } = best.place;
      const line = peer.source.locator.point(blockSpan(other, 0, other.text.length)[0]).line;
      context.report({
        span: blockSpan(block, 0, block.text.length),
        message: `这段与《${peer.title}》（${peer.source.file} 第 ${line} 行）有 ${Math.round(best.share * 100)}% 相同，注意重复发布或洗稿风险。`,
      });
    }
  },
});
