import type { Element, ElementContent, Nodes, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { createRequire } from 'node:module';
import type { IOptions as AlertsOptions } from 'rehype-github-alerts';
import type { Options as HighlightOptions } from 'rehype-highlight';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from '../shared/visit.ts';
import { VFile } from 'vfile';
import { alertsOptions, rehypeDropEmptyParagraphs } from './plugins/alerts.ts';
import rehypeWechatBlocks from './plugins/blocks.ts';
import rehypeWechatCode from './plugins/code.ts';
import rehypeWechatFrame from './plugins/frame.ts';
import rehypeWechatLists from './plugins/lists.ts';
import rehypeWechatNotes from './plugins/notes.ts';
import type { ImageTarget, RenderData } from './plugins/render-data.ts';
import rehypeSourceOffsets from './plugins/source-offsets.ts';
import { controlCharacter, type LinkTarget } from '../content/index.ts';

export interface MarkdownRenderInput {
  /** The whole file, frontmatter included (it is dropped), or its already parsed tree. */
  markdown: string | MdastRoot;
  images: ReadonlyMap<string, ImageTarget>;
  /** The article model's link decisions; without them links are classified by the platform rules. */
  links?: ReadonlyMap<string, LinkTarget>;
  sponsored: boolean;
  footerMarkdown?: string;
  /** The footer's processed images, by address as written in it (relative to the account folder). */
  footerImages?: ReadonlyMap<string, ImageTarget>;
  /** Mark elements with their source offsets for the output check (checkOutput removes them). */
  sourceOffsets?: boolean;
}

const toSafeHast = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRawWhenNeeded)
  // Raw HTML in Markdown may carry scripts, handlers, iframes and javascript: URLs; GitHub's schema removes them.
  .use(rehypeSanitize, { ...defaultSchema, strip: ['script', 'style'] })
  .use(rehypeDropEmptyParagraphs)
  .use(rehypeAlertsWhenNeeded, alertsOptions)
  .use(rehypeHighlightWhenNeeded, { detect: false, plainText: ['text', 'txt', 'plain'] });

// rehype-raw (parse5), rehype-github-alerts (parse5 again, through hast-util-from-html) and rehype-highlight
// (lowlight, which loads all 190 of highlight.js's grammars) take about 50, 30 and 100 ms to load; most articles
// have no raw HTML, no alert and no code block with a language, so each is loaded when the first tree that could
// need it comes. Each test is wider than what its plugin acts on, so the output is the same.
const load = createRequire(import.meta.url);

/** Whether the tree holds an element that `test` accepts (without `test`, a raw HTML node). */
function holds(tree: HastRoot, test?: (element: Element) => boolean): boolean {
  let found = false;
  const stop = () => {
    found = true;
    return EXIT;
  };
  if (test) visit(tree, 'element', (element) => (test(element) ? stop() : undefined));
  else visit(tree, 'raw', stop);
  return found;
}

/** Re-parsing the whole tree with parse5 is costly; most articles have no raw HTML to parse. */
function rehypeRawWhenNeeded() {
  let raw: ((tree: HastRoot, file: VFile) => HastRoot) | undefined;
  return (tree: HastRoot, file: VFile) => {
    if (!holds(tree)) return tree;
    raw ??= (load('rehype-raw') as typeof import('rehype-raw')).default();
    return raw(tree, file);
  };
}

/** A `<pre><code>` with a language class (`language-js`, `lang-js`): the only code rehype-highlight touches without detection. */
const languageCode = (pre: Element): boolean =>
  pre.tagName === 'pre' &&
  pre.children.some((code) => code.type === 'element' && code.tagName === 'code' && classNames(code).some((name) => /^lang(?:uage)?-/.test(name)));

const classNames = (element: Element): string[] => {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
};

/** Whether a text in the node has the `[!` an alert's marker starts with. */
const marked = (node: Nodes): boolean => (node.type === 'text' ? node.value.includes('[!') : 'children' in node && node.children.some(marked));

function rehypeAlertsWhenNeeded(options: AlertsOptions) {
  let alerts: ((tree: HastRoot) => void) | undefined;
  return (tree: HastRoot) => {
    if (!holds(tree, (element) => element.tagName === 'blockquote' && marked(element))) return;
    alerts ??= (load('rehype-github-alerts') as typeof import('rehype-github-alerts')).rehypeGithubAlerts(options);
    alerts(tree);
  };
}

function rehypeHighlightWhenNeeded(options: HighlightOptions) {
  let highlight: ((tree: HastRoot, file: VFile) => void) | undefined;
  return (tree: HastRoot, file: VFile) => {
    if (!holds(tree, languageCode)) return;
    highlight ??= (load('rehype-highlight') as typeof import('rehype-highlight')).default(options);
    highlight(tree, file);
  };
}

const processor = toSafeHast()
  .use(rehypeSourceOffsets)
  .use(rehypeWechatNotes)
  .use(rehypeWechatLists)
  .use(rehypeWechatCode)
  .use(rehypeWechatBlocks)
  .use(rehypeWechatFrame)
  .use(rehypeStringify)
  .freeze();

const footerProcessor = toSafeHast().use(rehypeWechatNotes).use(rehypeWechatLists).use(rehypeWechatBlocks).freeze();

/** Markdown → WeChat-shaped HTML with theme classes, before styles are inlined. */
export function markdownToHtml(input: MarkdownRenderInput): string {
  const footer = input.footerMarkdown?.trim() ? renderedFooter(input.footerMarkdown, input.footerImages ?? new Map()) : undefined;
  const data: RenderData = { images: input.images, links: input.links ?? new Map(), sponsored: input.sponsored, footer, sourceOffsets: input.sourceOffsets ?? false };
  if (typeof input.markdown === 'string') {
    return withoutControls(String(processor.processSync(new VFile({ value: input.markdown, data: { ...data } }))));
  }
  const file = new VFile({ data: { ...data } });
  return withoutControls(processor.stringify(processor.runSync(input.markdown, file) as HastRoot, file));
}

/** Footers rendered in this thread, by their Markdown and images: every article of an account has the same one. */
const footers = new Map<string, ElementContent[]>();
/** A long preview session sees a few footers; the cache is dropped rather than grown past this. */
const footerCacheSize = 16;

/** The account footer's elements, rendered once per footer and images; each article gets its own copy to hold. */
function renderedFooter(markdown: string, images: ReadonlyMap<string, ImageTarget>): ElementContent[] {
  const key = JSON.stringify([markdown, [...images]]);
  let footer = footers.get(key);
  if (!footer) {
    const footerFile = new VFile({ value: markdown, data: { images } });
    const tree = footerProcessor.runSync(footerProcessor.parse(footerFile), footerFile) as HastRoot;
    footer = tree.children.filter((child): child is ElementContent => child.type === 'element');
    if (footers.size >= footerCacheSize) footers.clear();
    footers.set(key, footer);
  }
  return structuredClone(footer);
}

/** Control characters (validation reports each at its source) never reach the fragment, whatever asks for one. */
function withoutControls(html: string): string {
  return html.replace(controlCharacter, '');
}
