import type { Root } from 'mdast';
import { toSimplified } from '../simplified.ts';
import { visit } from '../../shared/visit.ts';
import type { SourceFile } from '../../content/index.ts';
import type { TextBlock } from '../prose.ts';

/**
 * Text the sentence-pattern rules (facts, ad-label, privacy, sensitive) read: full-width digits, letters and the
 * symbols of numbers and addresses (１００％, ＠, ．) made half-width and traditional characters made simplified,
 * one UTF-16 unit for one, so an index in it is an index in the block. Unlike `normalize` it keeps spaces, dots and
 * dashes, which numbers, decimals and e-mail addresses need.
 */
export function plainText(text: string): string {
  let out: string[] | undefined;
  let i = 0;
  for (const unit of text) {
    const plain = unit.charCodeAt(0) < 0x3000 ? unit : plainChar(unit);
    if (plain !== unit) out ??= [...text.slice(0, i)];
    if (out) out.push(plain);
    i += unit.length;
  }
  return out ? out.join('') : text;
}

const charCache = new Map<string, string>();
const han = /^\p{Script=Han}$/u;
const wide = /^[０-９Ａ-Ｚａ-ｚ％．＠＋－＿]$/u;

function plainChar(char: string): string {
  const cached = charCache.get(char);
  if (cached !== undefined) return cached;
  const plain = foldChar(char);
  charCache.set(char, plain);
  return plain;
}

function foldChar(char: string): string {
  if (char === '\u3000') return ' ';
  if (wide.test(char)) return String.fromCharCode(char.charCodeAt(0) - 0xfee0);
  if (!han.test(char)) return char;
  const simplified = toSimplified(char);
  return simplified.length === char.length ? simplified : char;
}

/** A sentence of a block: its plain text and the index in the block where it starts. */
export interface Sentence {
  text: string;
  start: number;
}

const sentenceCache = new WeakMap<TextBlock, Sentence[]>();
const sentencePattern = /[^。！？!?；;\n]+[。！？!?；;\n]*/gu;

/** The block's sentences (split at 。！？； and line breaks), computed once however many rules ask. */
export function sentencesOf(block: TextBlock): Sentence[] {
  let sentences = sentenceCache.get(block);
  if (!sentences) {
    const plain = plainText(block.text);
    sentences = [...plain.matchAll(sentencePattern)].map((m) => ({ text: m[0], start: m.index }));
    sentenceCache.set(block, sentences);
  }
  return sentences;
}

const altCache = new WeakMap<Root, TextBlock[]>();

/**
 * Image alt text as blocks, so a rule can read “扫码购买同款” or “学员身份证正反面照片” where the writer put it.
 * Offsets point at the alt text in the file when it is written plainly, else at the image.
 */
export function altBlocks(source: SourceFile, tree: Root): TextBlock[] {
  // Made once per tree however many rules read them, so the blocks' own caches (sentences, folding) are shared too.
  const known = altCache.get(tree);
  if (known) return known;
  const blocks: TextBlock[] = [];
  visit(tree, 'image', (node) => {
    const alt = node.alt?.trim();
    if (!alt || node.position?.start.offset === undefined) return;
    const start = node.position.start.offset + source.bomLength;
    const at = source.text.indexOf(alt, start);
    const direct = at >= 0 && at < (node.position.end.offset ?? start) + source.bomLength;
    const offsets = [...Array(alt.length).keys()].map((i) => (direct ? at + i : start));
    blocks.push({ kind: 'paragraph', text: alt, offsets });
  });
  altCache.set(tree, blocks);
  return blocks;
}

/** Reports once per span, so a rule that reads alt text itself and through `blocks` does not say it twice. */
export function oncePerSpan<T extends { span: readonly [number, number] }>(report: (r: T) => void): (r: T) => void {
  const seen = new Set<string>();
  return (r) => {
    const key = `${r.span[0]}:${r.span[1]}`;
    if (seen.has(key)) return;
    seen.add(key);
    report(r);
  };
}
