import { createRequire } from 'node:module';
import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Text in which every character is its own grapheme and never an emoji, a joiner, a combining mark or a control:
 * ASCII, Latin-1, general punctuation, box drawing, CJK punctuation, kana, Han, full-width forms. What help, tables
 * and messages are made of. Each character is then as wide as its East Asian Width says, which is what
 * string-width gives too (a test holds them equal).
 */
const plain = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u2500-\u257F\u3000-\u3029\u3031-\u303C\u303E\u303F\u3041-\u3096\u309B-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uFF01-\uFF60\uFFE0-\uFFE6]*$/;

let full: ((text: string) => number) | undefined;

/** string-width, loaded the first time a text needs it: its emoji patterns cost about 40 ms to load and first run. */
function stringWidth(): (text: string) => number {
  const loaded: unknown = createRequire(import.meta.url)('string-width');
  const measure: unknown = loaded && typeof loaded === 'object' ? Reflect.get(loaded, 'default') : undefined;
  if (typeof measure !== 'function') throw new Error('string-width 没有默认导出');
  return (text) => Number(Reflect.apply(measure, undefined, [text]));
}

/** Columns `text` takes in a terminal, a Chinese character counting two (string-width's answer, sooner). */
export function displayWidth(text: string): number {
  if (!plain.test(text)) return (full ??= stringWidth())(text);
  let width = 0;
  for (const char of text) width += eastAsianWidth(char.codePointAt(0)!, { ambiguousAsWide: false });
  return width;
}
