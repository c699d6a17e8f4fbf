import { toSimplified } from '../../simplified.ts';
import type { TextBlock } from '../../prose.ts';

/**
 * The sentence a term stands in, as the reading classifier sees it: the block's text folded to simplified, half-width,
 * lower-case characters unit for unit (so positions stay those of the block), cut at sentence ends.
 */
export interface Site {
  /** The whole sentence, folded. */
  sentence: string;
  /** The term's half-open range in `sentence`. */
  at: number;
  end: number;
  /** The clause (between commas) holding the term, as a range in `sentence`. */
  clause: [number, number];
  /** Whether the term stands inside quotation marks (“…”「…」『…』"…"). */
  quoted: boolean;
  /** The sentence with quoted passages blanked out, for cues that must come from the writer, not the quote. */
  outsideQuotes: string;
  kind: TextBlock['kind'];
  /** The whole block, folded: the paragraph a sentence stands in, for what it dates (era.ts). */
  paragraph: string;
}

const foldCache = new Map<string, string>();

/** One code point folded, or itself when folding would change the length (positions must stay put). */
function foldPoint(point: string): string {
  const cached = foldCache.get(point);
  if (cached !== undefined) return cached;
  const candidate = toSimplified(point.normalize('NFKC').toLowerCase());
  const folded = candidate.length === point.length ? candidate : point;
  foldCache.set(point, folded);
  return folded;
}

const foldedBlocks = new WeakMap<TextBlock, string>();

/** The block's text folded unit for unit; computed once per block. */
export function foldedText(block: TextBlock): string {
  let folded = foldedBlocks.get(block);
  if (folded === undefined) {
    folded = '';
    for (const point of block.text) folded += foldPoint(point);
    foldedBlocks.set(block, folded);
  }
  return folded;
}

const sentenceEnd = /[。！？!?；;\n\uFFFC]/;
const clauseEnd = /[，,、：:。！？!?；;\n（）()【】[\]\uFFFC]/;
export const quotePairs: Record<string, string> = { '“': '”', '「': '」', '『': '』', '"': '"', '‘': '’' };

/** Quoted ranges of a text: from an opening mark to its closing mark (or the end). */
export function quoteRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const close = quotePairs[text[i]!];
    if (!close) continue;
    const j = text.indexOf(close, i + 1);
    const to = j < 0 ? text.length : j + 1;
    ranges.push([i, to]);
    i = to - 1;
  }
  return ranges;
}

const quotesOfBlock = new WeakMap<TextBlock, Array<[number, number]>>();

/** The sentence around [from, to) of the block: a quotation's inner full stop does not end it. */
export function siteOf(block: TextBlock, from: number, to: number): Site {
  const text = foldedText(block);
  let quotes = quotesOfBlock.get(block);
  if (!quotes) {
    quotes = quoteRanges(text);
    quotesOfBlock.set(block, quotes);
  }
  const inQuote = (i: number) => quotes.some(([a, b]) => i > a && i < b - 1);
  let start = from;
  while (start > 0 && !(sentenceEnd.test(text[start - 1]!) && !inQuote(start - 1))) start--;
  let end = to;
  while (end < text.length && !(sentenceEnd.test(text[end]!) && !inQuote(end))) end++;
  const sentence = text.slice(start, end);
  const at = from - start;
  const stop = to - start;
  let clauseStart = at;
  while (clauseStart > 0 && !clauseEnd.test(sentence[clauseStart - 1]!)) clauseStart--;
  let clauseStop = stop;
  while (clauseStop < sentence.length && !clauseEnd.test(sentence[clauseStop]!)) clauseStop++;
  const local = quotes.map(([a, b]) => [a - start, b - start] as const).filter(([a, b]) => b > 0 && a < sentence.length);
  let outsideQuotes = sentence;
  for (const [a, b] of local) outsideQuotes = outsideQuotes.slice(0, Math.max(a, 0)) + ' '.repeat(Math.min(b, sentence.length) - Math.max(a, 0)) + outsideQuotes.slice(Math.min(b, sentence.length));
  return {
    sentence,
    at,
    end: stop,
    clause: [clauseStart, clauseStop],
    quoted: local.some(([a, b]) => at > a && stop < b),
    outsideQuotes,
    kind: block.kind,
    paragraph: text,
  };
}
