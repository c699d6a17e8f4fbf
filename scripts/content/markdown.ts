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
