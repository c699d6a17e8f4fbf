import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Root, Nodes } from 'mdast';
import type { SourceFile, Span } from './index.ts';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

const parsed = new WeakMap<SourceFile, Root>();

/**
 * The Markdown tree of a whole file, frontmatter included, so node positions are positions in the file.
 * Parsing is the slowest step of validation and rendering, so each file is parsed once: treat the tree as read-only.
 */
export function parseMarkdown(source: SourceFile): Root {
  let tree = parsed.get(source);
  if (!tree) {
    tree = parser.runSync(parser.parse(source.text.slice(source.bomLength))) as Root;
    parsed.set(source, tree);
  }
  return tree;
}

/** The tree of Markdown that is not a content file (an account's footer), parsed the same way. */
export function parseMarkdownText(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}

/** Drops the cached tree of a file that is done with, so a long run does not keep every file's tree alive. */
export function forgetMarkdown(source: SourceFile): void {
  parsed.delete(source);
}

/** A node's span in the original text (BOM included), for the text locator. */
export function nodeSpan(source: SourceFile, node: Nodes): Span {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return [start + source.bomLength, end + source.bomLength];
}

/** Deeper Markdown nesting than this is refused: nobody writes it, and the Markdown parser would crawl or overflow. */
export const maxNesting = 64;

/**
 * The first line (1-based, in `body`) whose container prefix nests deeper than `maxNesting`: each `>` counts one
 * level and every two columns of indentation one list level. Lines inside fenced code do not count.
 */
export function tooDeeplyNested(body: string): number | undefined {
  let fence: string | undefined;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prefix = /^[ \t>]*/.exec(line)![0];
    const rest = line.slice(prefix.length);
    const marker = /^(`{3,}|~{3,})/.exec(rest)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (marker) fence = marker;
    let quotes = 0;
    let columns = 0;
    for (const char of prefix) {
      if (char === '>') quotes++;
      else columns += char === '\t' ? 4 : 1;
    }
    // A list marker opens one more level than its indentation shows.
    const listItem = /^(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(rest) ? 1 : 0;
    if (quotes + Math.floor(columns / 2) + listItem > maxNesting) return i + 1;
  }
  return undefined;
}
