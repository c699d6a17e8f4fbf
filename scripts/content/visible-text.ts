import { htmlParser } from './html-parser.ts';
import type { Nodes, Root, Text } from 'mdast';
import { visit } from '../shared/visit.ts';
import { linkKind, visibleCharCount } from '../platform/index.ts';
import { alertMarker } from './alerts.ts';
import { parseMarkdownText } from './markdown.ts';
import { isAutolink, noteLabel } from './references.ts';

/**
 * Visible characters of an article as WeChat's 20,000 limit counts them (platform `visibleCharCount`), from the
 * model: its text (headings, paragraphs, lists, tables, code, raw HTML text, referenced footnotes), the
 * "text：URL" note of each external link and the account's footer. What only the renderer adds (list markers, note
 * numbers, alert titles, the theme's heading marks) is not in it, so the rendered count is a little higher.
 */
export function articleVisibleChars(tree: Root, footer?: string): number {
  // Validation and the render's output check both ask, of the same tree.
  let count = counted.get(tree);
  if (count === undefined) {
    count = visibleCharCount(visibleText(tree));
    counted.set(tree, count);
  }
  return count + (footer?.trim() ? footerChars(footer) : 0);
}

const counted = new WeakMap<Root, number>();
const footers = new Map<string, number>();

/** An account's footer, counted once per run. */
function footerChars(footer: string): number {
  let count = footers.get(footer);
  if (count === undefined) {
    count = visibleCharCount(visibleText(parseMarkdownText(footer)));
    footers.set(footer, count);
  }
  return count;
}

function visibleText(tree: Root): string {
  const referenced = new Set<string>();
  const markers = new Map<Text, number>();
  const defined = new Map<string, string>();
  visit(tree, (node) => {
    if (node.type === 'footnoteReference') referenced.add(node.identifier);
    else if (node.type === 'definition' && !defined.has(node.identifier)) defined.set(node.identifier, node.url);
    else if (node.type === 'blockquote') {
      const marker = alertMarker(node);
      if (marker) markers.set(marker.text, marker.length);
    }
  });
  const parts: string[] = [];
  const notes = new Set<string>();
  const walk = (node: Nodes) => {
    if (node.type === 'yaml' || node.type === 'definition' || (node.type === 'footnoteDefinition' && !referenced.has(node.identifier))) return;
    if (node.type === 'text') parts.push(node.value.slice(markers.get(node) ?? 0));
    else if (node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
    else if (node.type === 'html') parts.push(htmlText(node.value));
    if (!('children' in node)) return;
    for (const child of node.children) walk(child);
    const url = node.type === 'link' ? node.url : node.type === 'linkReference' ? defined.get(node.identifier) : undefined;
    const kind = url === undefined ? undefined : linkKind(url);
    if (url !== undefined && (kind === 'external' || kind === 'email')) {
      const text = plain(node);
      if (!isAutolink(url, text) && !notes.has(url)) {
        notes.add(url);
        parts.push(`${noteLabel(text)}：${url.replace(/^mailto:/i, '')}`);
      }
    }
  };
  walk(tree);
  return parts.join('');
}

function plain(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  return 'children' in node ? node.children.map((child) => plain(child)).join('') : '';
}

/** The text a raw HTML fragment shows once sanitised: scripts, styles and comments show nothing. */
function htmlText(html: string): string {
  let hidden = 0;
  let text = '';
  const parser = new (htmlParser())({
    onopentagname(name) {
      if (name === 'script' || name === 'style') hidden++;
    },
    onclosetag(name) {
      if ((name === 'script' || name === 'style') && hidden > 0) hidden--;
    },
    ontext(value) {
      if (!hidden) text += value;
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  return text;
}
