import { displayWidth } from './display-width.ts';

// Closing punctuation may not begin a line and opening punctuation may not end one (禁则, kinsoku).
const noLineStart = /^[，。、；：！？）》」』】〉”’…·,.;:!?)\]}%]/u;
const noLineEnd = /[（《「『【〈“‘([{]$/u;
const wide = (char: string | undefined) => char !== undefined && displayWidth(char) === 2;
// Made when first needed: loading the word data takes about 8 ms, which only help's wrapping needs.
let segmenter: Intl.Segmenter | undefined;

/**
 * The unbreakable pieces of one line, each starting where a line may break: at spaces (which then belong to the
 * following piece) and between Chinese words, never inside a Latin word, a path or an option like `--format`.
 */
function pieces(line: string): string[] {
  const out: string[] = [];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const { segment } of segmenter.segment(line)) {
    const previous = out.at(-1);
    if (previous === undefined) out.push(segment);
    else if (/^\s+$/.test(previous)) out[out.length - 1] = previous + segment;
    else if (/^\s+$/.test(segment) || mayBreakBetween(previous, segment)) out.push(segment);
    else out[out.length - 1] = previous + segment;
  }
  return out;
}

function mayBreakBetween(before: string, after: string): boolean {
  const wideJoin = wide([...before].at(-1)) || wide([...after][0]);
  return wideJoin && !noLineStart.test(after) && !noLineEnd.test(before);
}

/**
 * Wraps text to `width` columns of display width (a Chinese character counts two), keeping existing line breaks.
 * A piece wider than the line (a long path) stands alone on its line rather than being cut.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      // The line's width so far, kept as pieces are added: measuring the whole line again for each piece made
      // wrapping quadratic, and `--help` wraps every description.
      let currentWidth = 0;
      for (const piece of pieces(line)) {
        if (current !== '' && currentWidth + displayWidth(piece.trimEnd()) > width) {
          lines.push(current.trimEnd());
          current = piece.trimStart();
          currentWidth = displayWidth(current);
        } else {
          current += piece;
          currentWidth += displayWidth(piece);
        }
      }
      lines.push(current.trimEnd());
      return lines.join('\n');
    })
    .join('\n');
}

/**
 * Wraps a command line at spaces, continuation lines indented two more: with `continuation` ` \\` a wrapped
 * example still runs when pasted into a shell. An option that `takesValue` keeps its value on its line.
 */
export function wrapCommand(command: string, width: number, indent: string, continuation = ' \\', takesValue: (flag: string) => boolean = () => false): string {
  const lines: string[] = [];
  let current = '';
  const start = () => (lines.length ? `${indent}  ` : indent);
  // An option stays on one line with its value: `--approve zhou-wen=审稿`.
  const words = command.trim().split(/ +/).reduce<string[]>((all, word) => {
    const last = all.at(-1);
    if (last !== undefined && takesValue(last)) all[all.length - 1] = `${last} ${word}`;
    else all.push(word);
    return all;
  }, []);
  for (const word of words) {
    if (current !== '' && displayWidth(`${start()}${current} ${word}${continuation}`) > width) {
      lines.push(`${start()}${current}${continuation}`);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  lines.push(`${start()}${current}`);
  return lines.join('\n');
}
