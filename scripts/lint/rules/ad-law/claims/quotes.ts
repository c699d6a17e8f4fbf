import { originalRange, type Normalized } from '../../../normalize.ts';
import { quotePairs, quoteRanges } from '../absolute-context.ts';

/**
 * Where a match stands against the block's short quotations: all of it inside one (以“治愈”为核心目标: the word
 * mentioned), only its end (治好了他的“恐高症”: a figure of speech), or neither. Lint's folding drops the marks, so this
 * is read in the original text through the position map.
 */
export type Quoted = 'whole' | 'end' | 'none';
export type QuoteAt = (start: number, end: number) => Quoted;

/** A quotation this short holds a word or a phrase; a longer one is someone's speech, read as the other readings do. */
const longest = 8;

/** The inner ranges [from, to) of the text's short quotations that are closed. */
function shortQuotes(text: string): Array<[number, number]> {
  return quoteRanges(text)
    .filter(([open, end]) => end - 1 > open && text[end - 1] === quotePairs[text[open]!])
    .map(([open, end]): [number, number] => [open + 1, end - 1])
    .filter(([from, to]) => to - from <= longest);
}

/** Reads a block's quotations on first use, then answers for ranges of its normalised text. */
export function quotesOf(original: string, normalized: Normalized): QuoteAt {
  let ranges: Array<[number, number]> | undefined;
  return (start, end) => {
    ranges ??= shortQuotes(original);
    if (!ranges.length || end <= start) return 'none';
    const [from, to] = originalRange(normalized, original, start, end);
    const holding = ranges.find(([a, b]) => a <= to - 1 && to <= b);
    if (!holding) return 'none';
    return holding[0] <= from ? 'whole' : 'end';
  };
}

/** For text with no quotation marks to read (a pattern tested alone). */
export const noQuotes: QuoteAt = () => 'none';
