/** A sentence of a block's normalised text, with where it starts in that text. */
export interface Sentence {
  text: string;
  start: number;
}

// Lint folds ，！？；： to , ! ? ; : (NFKC); 。 and the block breaker stay as they are.
const sentenceEnd = /[。!?;\n\uFFFC]+/gu;

/** Splits normalised text into sentences; claims, subjects and negations are read within one sentence. */
export function sentences(text: string): Sentence[] {
  const result: Sentence[] = [];
  let start = 0;
  for (const end of text.matchAll(sentenceEnd)) {
    if (end.index > start) result.push({ text: text.slice(start, end.index), start });
    start = end.index + end[0].length;
  }
  if (start < text.length) result.push({ text: text.slice(start), start });
  return result;
}

const clauseBreak = /[,、:()（）【】“”「」《》…—]/u;

/** Where the clause holding `index` starts, within the sentence. */
export function clauseStart(sentence: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (clauseBreak.test(sentence[i]!)) return i + 1;
  return 0;
}

/** Where the clause holding `index` ends, within the sentence. */
export function clauseEnd(sentence: string, index: number): number {
  for (let i = index; i < sentence.length; i++) if (clauseBreak.test(sentence[i]!)) return i;
  return sentence.length;
}
