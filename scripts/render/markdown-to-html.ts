import type { ElementContent, Root as HastRoot } from 'hast';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { alertsOptions, rehypeGithubAlerts } from './plugins/alerts.ts';
import rehypeWechatBlocks from './plugins/blocks.ts';
import rehypeWechatCode from './plugins/code.ts';
import rehypeWechatFrame from './plugins/frame.ts';
import rehypeWechatLists from './plugins/lists.ts';
import rehypeWechatNotes from './plugins/notes.ts';
import type { ImageTarget, RenderData } from './plugins/render-data.ts';

export interface MarkdownRenderInput {
  /** The whole file, frontmatter included (it is parsed and dropped). */
  markdown: string;
  images: ReadonlyMap<string, ImageTarget>;
  sponsored: boolean;
  footerMarkdown?: string;
}

const toSafeHast = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  // Raw HTML in Markdown may carry scripts, handlers, iframes and javascript: URLs; GitHub's schema removes them.
  .use(rehypeSanitize)
  .use(rehypeGithubAlerts, alertsOptions)
  .use(rehypeHighlight, { detect: false, plainText: ['text', 'txt', 'plain'] });

const processor = toSafeHast()
  .use(rehypeWechatNotes)
  .use(rehypeWechatLists)
  .use(rehypeWechatCode)
  .use(rehypeWechatBlocks)
  .use(rehypeWechatFrame)
  .use(rehypeStringify)
  .freeze();

const footerProcessor = toSafeHast().use(rehypeWechatLists).freeze();

/** Markdown → WeChat-shaped HTML with theme classes, before styles are inlined. */
export function markdownToHtml(input: MarkdownRenderInput): string {
  let footer: ElementContent[] | undefined;
  if (input.footerMarkdown?.trim()) {
    const tree = footerProcessor.runSync(footerProcessor.parse(input.footerMarkdown)) as HastRoot;
    footer = tree.children.filter((child): child is ElementContent => child.type === 'element');
  }
  const data: RenderData = { images: input.images, sponsored: input.sponsored, footer };
  const file = new VFile({ value: input.markdown, data: { ...data } });
  return String(processor.processSync(file));
}
