import { accountFooter, articleVisibleChars, derivedDigest, resolveArticle, typedFields, type AccountFile, type Article, type ArticleFile, type Span } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';
import { checkOutput } from './check-output.ts';
import { addressKeys } from './address-keys.ts';
import { processImages, type ArticleMedia, type Asset } from './article-images.ts';
import { inlineStyles } from './inline-styles.ts';
import { markdownToHtml } from './markdown-to-html.ts';
import { previewPage } from './preview.ts';
import { loadTheme } from './theme.ts';

export { checkOutputTarget, writeRendered, type OutputTarget } from './write-output.ts';
export type { ArticleMedia, Asset, BodyMedia, CoverMedia } from './article-images.ts';

export interface RenderRequest {
  root: string;
  article: ArticleFile;
  account?: AccountFile;
  /** Where processed images are cached by content hash. */
  cacheDir: string;
  /** Processed file hash → WeChat URL (the account's media ledger): those images are on WeChat in the fragment. */
  uploadedImages?: ReadonlyMap<string, string>;
}

export interface ArticleMeta {
  title: string;
  author: string;
  digest: string;
  status: string;
  theme: string;
  sponsored: boolean;
  content_source_url?: string;
  cover?: { wide: string; square: string; pic_crop_235_1: string; pic_crop_1_1: string };
  visible_chars: number;
  html_bytes: number;
  reading_minutes: number;
  images: Array<{ file: string; width: number; height: number; bytes: number; alt: string }>;
}

export interface RenderedArticle {
  html: string;
  preview: string;
  meta: ArticleMeta;
  /** Files for the output folder: relative name → processed file in the cache. */
  assets: Asset[];
  /** The processed images to upload, with their hashes, and which are on WeChat already. */
  media: ArticleMedia;
  findings: Finding[];
}

/** Chinese readers take about 400 characters a minute. */
const charsPerMinute = 400;

/**
 * One article → the paste-ready fragment, its preview page, processed images and meta.json data. Whatever goes
 * wrong is a finding on this article: one article never stops the others.
 */
export async function renderArticle(request: RenderRequest): Promise<RenderedArticle> {
  const { source, place } = request.article;
  const failed = (ruleId: string, message: string): RenderedArticle => ({
    html: '',
    preview: '',
    meta: emptyMeta(place.slug),
    assets: [],
    media: { body: [] },
    findings: [{ file: source.file, ...source.locator.range(source.bomLength, source.bomLength + 3), ruleId, severity: 'error', message }],
  });
  try {
    const article = resolveArticle(request.article);
    if (!article) return failed('render/unreadable', '文章无法读取（见 validate 的报告），没有渲染。');
    return await renderResolved(article, request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failed('render/crashed', `渲染这篇文章时出错，没有输出（这是 mpdesk 的缺陷，请附上这篇文章报告）：${message}`);
  }
}

async function renderResolved(article: Article, { root, account, cacheDir, uploadedImages }: RenderRequest): Promise<RenderedArticle> {
  const { source } = article;
  const findings: Finding[] = [];
  const report = (ruleId: string, span: Span, message: string, field?: string) =>
    findings.push({ file: source.file, ...source.locator.range(span[0], span[1]), ruleId, severity: 'error', message, ...(field ? { field } : {}) });
  const data = article.fields;
  const settings = account?.doc ? typedFields('account', account.doc.data) : {};
  const fieldSpan = (name: string): Span => article.doc.fields.get(`/${name}`)?.key ?? [source.bomLength, source.bomLength + 3];

  const themeName = data.theme ?? settings.theme ?? 'default';
  const theme = await loadTheme(root, { theme: themeName, account: article.account, brand: settings.brand });
  if (!theme.ok) report('schema/theme', fieldSpan('theme'), theme.message, 'theme');

  const footer = account ? accountFooter(account) : undefined;
  const processed = await processImages(article.images, cacheDir, uploadedImages, footer?.images);
  const fromFooter = new Set(footer?.images);
  for (const { image, ruleId, message } of processed.failures) {
    // A footer image's place is in account.yaml, which validation names; here the article says where to look.
    if (fromFooter.has(image)) report(ruleId, [source.bomLength, source.bomLength + 3], `${account!.source.file} 的文末（footer）：${message}`);
    else report(ruleId, image.span, message, image.site === 'cover' ? 'cover' : undefined);
  }

  const sponsored = Boolean(data.sponsored);
  const classed = markdownToHtml({
    markdown: article.tree,
    images: processed.targets,
    links: new Map([...article.links, ...(footer?.links ?? [])].flatMap((link) => addressKeys(link.url).map((key) => [key, link.target] as const))),
    sponsored,
    footerMarkdown: footer?.markdown,
    footerImages: processed.footerTargets,
    sourceOffsets: true,
  });
  const html = theme.ok ? inlineStyles(classed, theme.css) : classed;
  // Images that failed are reported above; the check need not report them again.
  const expected = [...[...processed.targets.values(), ...processed.footerTargets.values()].map((target) => target.src), ...processed.failures.flatMap((failure) => addressKeys(failure.image.url))];
  const check = checkOutput(html, { images: new Set(expected), ownChars: articleVisibleChars(article.tree, settings.footer) });
  // Without its theme the fragment still has its classes: the theme's finding says why, the check would only repeat it.
  for (const violation of theme.ok ? check.violations : []) {
    const at = violation.offset === undefined ? [source.bomLength, source.bomLength + 3] as const : [violation.offset + source.bomLength, violation.offset + source.bomLength + 1] as const;
    report(violation.ruleId, at, `渲染结果不符合微信规则：${violation.message}`);
  }

  // Every image the model found must reach the reader, or be reported: none disappears in silence.
  for (const image of article.images) {
    const target = processed.targets.get(image.url);
    if (image.site !== 'cover' && target && !check.imageSources.has(target.src)) {
      report('render/image-dropped', image.span, `图片“${image.url}”没有出现在排版结果里（是否写在没有被引用的脚注或会被清理的 HTML 里？）。`);
    }
  }

  const title = data.title ?? article.slug;
  const author = data.author ?? settings.default_author ?? '';
  const meta: ArticleMeta = {
    title,
    author,
    digest: data.digest ?? derivedDigest(article),
    status: data.status ?? '',
    theme: themeName,
    sponsored,
    ...(data.content_source_url ? { content_source_url: data.content_source_url } : {}),
    ...(processed.cover ? { cover: processed.cover } : {}),
    visible_chars: check.visibleChars,
    html_bytes: check.htmlBytes,
    reading_minutes: Math.max(1, Math.ceil(check.visibleChars / charsPerMinute)),
    images: processed.meta,
  };
  const pendingImages = processed.media.body.filter((image) => !image.uploaded).length;
  const preview = previewPage({ title, author, accountName: settings.name ?? article.account, fragment: check.html, pendingImages, file: source.file });
  return { html: check.html, preview, meta, assets: processed.assets, media: processed.media, findings };
}

function emptyMeta(title: string): ArticleMeta {
  return { title, author: '', digest: '', status: '', theme: '', sponsored: false, visible_chars: 0, html_bytes: 0, reading_minutes: 0, images: [] };
}
