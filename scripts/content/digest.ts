import type { Nodes } from 'mdast';
import { derivedDigestChars, leadingAdLabel } from '../platform/index.ts';
import { alertMarker } from './alerts.ts';
import type { Article } from './article.ts';

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The digest the build uses when the article has none: the first 54 characters of its prose, in document order.
 * Prose is paragraphs (in lists, quotes and alerts too); headings, code, tables, images, raw HTML, footnotes and the
 * alert marker (`[!NOTE]`, shown as its title 说明) are not, nor are the ad labels a sponsored article opens with.
 */
export function derivedDigest(article: Pick<Article, 'tree' | 'fields'>): string {
  const paragraphs: string[] = [];
  const walk = (node: Nodes, skip = 0) => {
    if (node.type === 'paragraph') {
      const text = tidy(inlineText(node).slice(skip));
      if (text) paragraphs.push(text);
      return;
    }
    if (!('children' in node) || ['heading', 'table', 'footnoteDefinition'].includes(node.type)) return;
    const marker = node.type === 'blockquote' ? alertMarker(node) : undefined;
    node.children.forEach((child, i) => walk(child, i === 0 && marker ? marker.length : 0));
  };
  walk(article.tree);
  if (article.fields.sponsored) dropLeadingLabels(paragraphs);
  const text = paragraphs.reduce((all, next) => (!all || !next ? all + next : all + (cjk.test(all.at(-1)!) || cjk.test(next[0]!) ? '' : ' ') + next), '');
  return [...text].slice(0, derivedDigestChars).join('').trimEnd();
}

/** Removes the labels at the start of the prose (【广告】本文由某某赞助。…), a paragraph of labels alone included. */
function dropLeadingLabels(paragraphs: string[]): void {
  while (paragraphs.length) {
    const rest = paragraphs[0]!.replace(leadingAdLabel, '');
    if (rest === paragraphs[0]) return;
    if (rest) paragraphs[0] = rest;
    else paragraphs.shift();
  }
}

/** The visible text of a paragraph: link text stays, images, raw HTML and footnote markers go. */
function inlineText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if (!('children' in node) || node.type === 'footnoteDefinition') return '';
  return node.children.map((child) => inlineText(child)).join('');
}

/** Whitespace as a reader sees it: a line break between Chinese characters is nothing, any other run one space. */
function tidy(text: string): string {
  return text
    .replace(/\s*\n\s*/g, (run, offset: number, all: string) => (cjk.test(all[offset - 1] ?? '') || cjk.test(all[offset + run.length] ?? '') ? '' : ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
