import { createRequire } from 'node:module';
import type { Root, Nodes } from 'mdast';
import type { Extension, Transform } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';
import type { SourceFile, Span } from './index.ts';

// The parser is some 150 modules; a run that finds every file in its caches never parses, so it loads them on the
// first parse. `require` of these ES modules (Node ≥ 20.19) keeps parseMarkdown synchronous for its callers.
const load = createRequire(import.meta.url);
/** What each of that pass's patterns needs in one text node: `http(s)://`, `www.` or, for e-mail, `@`. */
const mayLink = /@|https?:\/\/|www\./i;

function holdsLiteralLink(node: Nodes): boolean {
  // The pass leaves text inside links alone.
  if (node.type === 'link' || node.type === 'linkReference') return false;
  if (node.type === 'text') return mayLink.test(node.value);
  return 'children' in node && node.children.some(holdsLiteralLink);
}

/**
 * Runs GFM's literal-autolink pass only on a tree with a text that could hold one. The pass walks the whole tree
 * four times, once per pattern, with closures per node: a seventh of all parsing in a cold lint, on articles whose
 * links are almost all written as links. Trees come out the same (markdown.test.ts compares them).
 */
function literalLinksWhenPossible(this: Processor, literalLinks: Transform | undefined): void {
  const guard = (tree: Root) => (holdsLiteralLink(tree) ? literalLinks?.(tree) : undefined);
  const swap = (extension: Extension | Extension[]): void => {
    if (Array.isArray(extension)) return extension.forEach(swap);
    if (extension.transforms && literalLinks) extension.transforms = extension.transforms.map((t) => (t === literalLinks ? guard : t));
  };
  (this.data('fromMarkdownExtensions') ?? []).forEach(swap);
}

function makeParser() {
  const { unified } = load('unified') as typeof import('unified');
  const remarkParse = (load('remark-parse') as typeof import('remark-parse')).default;
  const remarkFrontmatter = (load('remark-frontmatter') as typeof import('remark-frontmatter')).default;
  const remarkGfm = (load('remark-gfm') as typeof import('remark-gfm')).default;
  const { gfmAutolinkLiteralFromMarkdown } = load('mdast-util-gfm-autolink-literal') as typeof import('mdast-util-gfm-autolink-literal');
  /** GFM's pass that turns bare URLs and e-mail addresses in text into links (mdast-util-gfm-autolink-literal). */
  const literalLinks = gfmAutolinkLiteralFromMarkdown().transforms?.[0];
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(literalLinksWhenPossible, literalLinks);
}

let made: ReturnType<typeof makeParser> | undefined;
const parser = () => (made ??= makeParser());

const parsed = new WeakMap<SourceFile, Root>();

/**
 * The Markdown tree of a whole file, frontmatter included, so node positions are positions in the file.
 * Parsing is the slowest step of validation and rendering, so each file is parsed once: treat the tree as read-only.
 */
export function parseMarkdown(source: SourceFile): Root {
  let tree = parsed.get(source);
  if (!tree) {
    tree = parser().runSync(parser().parse(source.text.slice(source.bomLength))) as Root;
    parsed.set(source, tree);
  }
  return tree;
}

/** The tree of Markdown that is not a content file (an account's footer), parsed the same way. */
export function parseMarkdownText(markdown: string): Root {
  return parser().runSync(parser().parse(markdown)) as Root;
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
