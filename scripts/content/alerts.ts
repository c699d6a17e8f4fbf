import type { Blockquote, Text } from 'mdast';

/** GitHub alert keywords (`> [!NOTE]`); the renderer gives each a Chinese title. */
export const alertKeywords = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'] as const;
export type AlertKeyword = (typeof alertKeywords)[number];

/**
 * The alert marker opening a blockquote, as rehype-github-alerts reads it: `[!KEYWORD]` at the start of the first
 * paragraph, alone on its line. The text node holding it and the marker's length, or undefined when it is no alert.
 */
export function alertMarker(quote: Blockquote): { keyword: AlertKeyword; text: Text; length: number } | undefined {
  const first = quote.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  if (text?.type !== 'text') return undefined;
  const match = /^\[!(\w+)\][ \t]*(?:\r?\n|$)/.exec(text.value);
  const keyword = alertKeywords.find((k) => k === match?.[1]?.toUpperCase());
  return match && keyword ? { keyword, text, length: match[0].length } : undefined;
}
