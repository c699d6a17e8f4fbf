import type { Nodes, Root } from 'mdast';
import { isAutolink, type Frontmatter, type SourceFile, type Span } from '../content/index.ts';

/**
 * A run of prose a writer wrote (a paragraph, heading, table cell, an image's alt text, or the
 * title/digest/author), with the file offset of every UTF-16 unit, so matches on it point at the original text.
 * Code, inline code, HTML and URLs are not in it; where they stood (and where an image stood in its paragraph)
 * there is a breaker (U+FFFC, offset -1) so words never join across them. Link text is part of its paragraph.
 */
export interface TextBlock {
  kind: 'paragraph' | 'heading' | 'cell' | 'alt' | 'title' | 'digest' | 'author';
  text: string;
  offsets: number[];
  /** Heading depth, for headings. */
  depth?: number;
  /** Addresses written as text (autolinks such as `<https://a.com>` or a bare `tea@example.com`), in order. */
  urls?: UrlRun[];
}

/** An address shown as its own text: the block's units `[from, to)` and the whole link's span in the file. */
export interface UrlRun {
  from: number;
  to: number;
  span: Span;
}

export const breaker = '\uFFFC';

export function blockSpan(block: TextBlock, from: number, to: number): Span {
  const start = firstOffset(block, from, to);
  let end = start;
  for (let i = Math.min(to, block.offsets.length) - 1; i >= from; i--) {
    const offset = block.offsets[i]!;
    if (offset >= 0) {
      end = offset + 1;
      break;
    }
  }
  return [start, end];
}

function firstOffset(block: TextBlock, from: number, to: number): number {
  for (let i = from; i < to; i++) if (block.offsets[i]! >= 0) return block.offsets[i]!;
  return 0;
}

/** Prose blocks of the Markdown body, in document order; an image's alt text follows the block it stands in. */
export function proseBlocks(source: SourceFile, tree: Root): TextBlock[] {
  const blocks: TextBlock[] = [];
  const base = source.bomLength;
  let alts: TextBlock[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const block: TextBlock = {
        kind: node.type === 'paragraph' ? 'paragraph' : node.type === 'heading' ? 'heading' : 'cell',
        text: '',
        offsets: [],
        ...(node.type === 'heading' ? { depth: node.depth } : {}),
      };
      collect(node, block);
      if (block.text.replaceAll(breaker, '').trim()) blocks.push(block);
      blocks.push(...alts);
      alts = [];
      return;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'definition') return;
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  const collect = (node: Nodes, block: TextBlock) => {
    if (node.type === 'text') {
      appendText(block, node.value, (node.position?.start.offset ?? 0) + base, (node.position?.end.offset ?? 0) + base, source.text);
    } else if (node.type === 'break') {
      block.text += '\n';
      block.offsets.push(-1);
    } else if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'image' || node.type === 'footnoteReference' || node.type === 'imageReference') {
      block.text += breaker;
      block.offsets.push(-1);
      if ((node.type === 'image' || node.type === 'imageReference') && node.alt?.trim() && node.position) {
        // The alt text is written right after “![”; escapes in it are stepped over as in any text.
        const alt: TextBlock = { kind: 'alt', text: '', offsets: [] };
        const from = node.position.start.offset! + base + 2;
        const plain = source.text.slice(from, from + node.alt.length) === node.alt;
        appendText(alt, node.alt, from, plain ? from + node.alt.length : node.position.end.offset! + base, source.text);
        alts.push(alt);
      }
    } else if ('children' in node) {
      const from = block.text.length;
      for (const child of node.children) collect(child as Nodes, block);
      if (node.type === 'link' && isAutolink(node.url, block.text.slice(from))) {
        const start = (node.position?.start.offset ?? 0) + base;
        (block.urls ??= []).push({ from, to: block.text.length, span: [start, (node.position?.end.offset ?? 0) + base] });
      }
      if (node.type === 'link' || node.type === 'linkReference') {
        block.text += breaker;
        block.offsets.push(-1);
      }
    }
  };
  walk(tree);
  return blocks;
}

const masked = new WeakMap<TextBlock, TextBlock>();

/**
 * The block as style rules read it: every address written as text turned into breakers, so that no spacing or
 * punctuation rule finds or fixes anything inside a URL (`<https://a.com/中文abc>` is not prose). Compliance
 * rules read the block itself: an e-mail address in an autolink is still personal data.
 */
export function withoutUrls(block: TextBlock): TextBlock {
  if (!block.urls?.length) return block;
  let view = masked.get(block);
  if (!view) {
    const text = block.text.split('');
    const offsets = [...block.offsets];
    for (const { from, to } of block.urls) {
      for (let i = from; i < to; i++) {
        text[i] = breaker;
        offsets[i] = -1;
      }
    }
    view = { ...block, text: text.join(''), offsets };
    masked.set(block, view);
  }
  return view;
}

/** Appends a text node, mapping each unit to the file; escapes and entities in the source are stepped over. */
function appendText(block: TextBlock, value: string, start: number, end: number, text: string): void {
  const raw = text.slice(start, end);
  if (raw === value) {
    for (let i = 0; i < value.length; i++) block.offsets.push(start + i);
  } else {
    let cursor = start;
    for (const unit of value) {
      const found = text.indexOf(unit, cursor);
      const offset = found >= 0 && found < end ? found : -1;
      for (let k = 0; k < unit.length; k++) block.offsets.push(offset >= 0 ? offset + k : -1);
      if (offset >= 0) cursor = offset + unit.length;
    }
  }
  block.text += value;
}

/** The title, digest and author fields as blocks, so headline and length rules see them with positions. */
export function frontmatterBlocks(source: SourceFile, doc: Frontmatter): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const kind of ['title', 'digest', 'author'] as const) {
    const value = doc.data[kind];
    const field = doc.fields.get(`/${kind}`);
    if (typeof value !== 'string' || !value || !field) continue;
    const raw = source.text.slice(field.value[0], field.value[1]);
    const inner = raw.indexOf(value);
    const block: TextBlock = { kind, text: '', offsets: [] };
    if (inner >= 0) appendText(block, value, field.value[0] + inner, field.value[0] + inner + value.length, source.text);
    else {
      // Escaped in YAML (quotes with \" and the like): point every unit at the field.
      block.text = value;
      block.offsets = new Array<number>(value.length).fill(field.value[0]);
    }
    blocks.push(block);
  }
  return blocks;
}
