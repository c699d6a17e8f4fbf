import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { visit } from 'unist-util-visit';
import type { AccountFile, ArticleFile, Span } from '../content/index.ts';
import { emptyImageUrl, localPath } from '../content/local-path.ts';
import { nodeSpan, parseMarkdown } from '../content/markdown.ts';
import type { Finding } from '../shared/finding.ts';
import { checkOutput } from './check-output.ts';
import { processBodyImage, processCover, type ProcessedImage } from './images.ts';
import { inlineStyles } from './inline-styles.ts';
import { markdownToHtml } from './markdown-to-html.ts';
import type { ImageTarget } from './plugins/render-data.ts';
import { previewPage } from './preview.ts';
import { loadTheme, type Brand } from './theme.ts';

export interface RenderRequest {
  root: string;
  article: ArticleFile;
  account?: AccountFile;
  /** Where processed images are cached by content hash. */
  cacheDir: string;
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
  assets: Array<{ name: string; path: string }>;
  findings: Finding[];
}

/** Chinese readers take about 400 characters a minute. */
const charsPerMinute = 400;

/** One article → the paste-ready fragment, its preview page, processed images and meta.json data. */
export async function renderArticle({ root, article, account, cacheDir }: RenderRequest): Promise<RenderedArticle> {
  const { source, place } = article;
  const data = article.doc?.data ?? {};
  const accountData = account?.doc?.data ?? {};
  const findings: Finding[] = [];
  const report = (ruleId: string, span: Span, message: string, field?: string) =>
    findings.push({ file: source.file, ...source.locator.range(span[0], span[1]), ruleId, severity: 'error', message, ...(field ? { field } : {}) });
  const fieldSpan = (name: string): Span => {
    const field = article.doc?.fields.get(`/${name}`);
    return field?.key ?? [source.bomLength, source.bomLength + 3];
  };

  const themeName = text(data.theme) ?? text(accountData.theme) ?? 'default';
  const theme = await loadTheme(root, { theme: themeName, account: place.account, brand: accountData.brand as Brand | undefined });
  if (!theme.ok) report('render/theme', fieldSpan('theme'), theme.message, 'theme');

  const accountRoot = join(root, 'content', place.account);
  const localImage = (url: string, span: Span, field?: string): string | undefined => {
    if (url.trim() === '') {
      report('image/missing', span, emptyImageUrl, field);
      return undefined;
    }
    const local = localPath(url);
    if (local === undefined) {
      if (!/^https:\/\/mmbiz\.qpic\.cn\//i.test(url)) report('image/external', span, `外部图片会被微信过滤：${url}。请下载后放在文章旁边，用相对路径引用。`, field);
      return undefined;
    }
    const path = resolve(dirname(source.path), local);
    if (!path.startsWith(accountRoot + sep)) {
      report('image/outside-account', span, `图片路径 “${url}” 超出了账号目录 content/${place.account}/。`, field);
      return undefined;
    }
    return path;
  };

  const assets: RenderedArticle['assets'] = [];
  const taken = new Set<string>();
  const assetName = (original: string, image: ProcessedImage) => {
    const stem = basename(original, extname(original)).replace(/[^\w\u4e00-\u9fff-]+/g, '-') || 'image';
    const ext = extname(image.path);
    let name = `images/${stem}${ext}`;
    for (let n = 2; taken.has(name); n++) name = `images/${stem}-${n}${ext}`;
    taken.add(name);
    assets.push({ name, path: image.path });
    return name;
  };

  const images = new Map<string, ImageTarget>();
  const imageMeta: ArticleMeta['images'] = [];
  const tree = parseMarkdown(source);
  const bodyImages: Array<{ url: string; alt: string; span: Span }> = [];
  visit(tree, 'image', (node) => void bodyImages.push({ url: node.url, alt: node.alt ?? '', span: nodeSpan(source, node) }));
  for (const { url, alt, span } of bodyImages) {
    if (images.has(url)) continue;
    const path = localImage(url, span);
    if (!path) continue;
    const processed = await processBodyImage(path, cacheDir);
    if (!processed.ok) {
      report(processed.message.startsWith('文件不存在') ? 'image/missing' : 'image/unreadable', span, `图片 “${url}”：${processed.message}`);
      continue;
    }
    const name = assetName(url, processed.value);
    images.set(url, { src: name });
    const { width, height, bytes } = processed.value;
    imageMeta.push({ file: name, width, height, bytes, alt });
  }

  let cover: ArticleMeta['cover'];
  const coverUrl = text(data.cover);
  const coverPath = coverUrl ? localImage(coverUrl, fieldSpan('cover'), 'cover') : undefined;
  if (coverUrl && coverPath) {
    const processed = await processCover(coverPath, cacheDir);
    if (!processed.ok) report(processed.message.startsWith('文件不存在') ? 'image/missing' : 'image/unreadable', fieldSpan('cover'), `封面 “${coverUrl}”：${processed.message}`, 'cover');
    else {
      const { wide, square, crop235, crop11 } = processed.value;
      cover = { wide: assetName('cover-900x383', wide), square: assetName('cover-500x500', square), pic_crop_235_1: crop235, pic_crop_1_1: crop11 };
    }
  }

  const sponsored = Boolean(data.sponsored);
  const classed = markdownToHtml({ markdown: tree, images, sponsored, footerMarkdown: text(accountData.footer) });
  const html = theme.ok ? inlineStyles(classed, theme.css) : classed;
  const check = checkOutput(html);
  for (const violation of check.violations) report(violation.ruleId, [source.bomLength, source.bomLength + 3], `渲染结果不符合微信规则：${violation.message}`);

  const title = text(data.title) ?? place.slug;
  const author = text(data.author) ?? text(accountData.default_author) ?? '';
  const meta: ArticleMeta = {
    title,
    author,
    digest: text(data.digest) ?? firstChars(html, 54),
    status: text(data.status) ?? '',
    theme: themeName,
    sponsored,
    ...(text(data.content_source_url) ? { content_source_url: text(data.content_source_url) } : {}),
    ...(cover ? { cover } : {}),
    visible_chars: check.visibleChars,
    html_bytes: check.htmlBytes,
    reading_minutes: Math.max(1, Math.ceil(check.visibleChars / charsPerMinute)),
    images: imageMeta,
  };
  const preview = previewPage({ title, author, accountName: text(accountData.name) ?? place.account, fragment: html });
  return { html, preview, meta, assets, findings };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** What WeChat uses as the digest when none is given: the first 54 characters of the body text. */
function firstChars(html: string, count: number): string {
  const plain = html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&[a-z]+;|&#\d+;/g, '').replace(/\s+/g, '');
  return [...plain].slice(0, count).join('');
}
