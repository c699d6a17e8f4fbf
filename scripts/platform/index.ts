/**
 * WeChat Official Account facts as data (../shared/WECHAT.md): field limits, hosts, what is an article link,
 * which image formats the pipeline takes. No I/O: every stage asks here instead of deciding for itself.
 */

export * from './wechat-api.ts';
export * from './datacube.ts';

/** Field limits of the draft API; the article schema's maxLength values are these defaults. */
export const fieldLimits = { title: 32, author: 8, digest: 120 } as const;
/** What an account may raise the limits to (`limits:` in account.yaml). */
export const fieldLimitCeilings = { title: 64, author: 16, digest: 128 } as const;
/** WeChat counts visible characters of the body and refuses 20,000 or more. */
export const maxVisibleChars = 20_000;

/** What the 20,000 limit counts: code points, whitespace (no-break spaces included) left out. */
export function visibleCharCount(text: string): number {
  return [...text.replace(/\s+/g, '')].length;
}
export const maxHtmlBytes = 1024 * 1024;
/** Without a digest, WeChat shows the first 54 characters of the body. */
export const derivedDigestChars = 54;
/** The phone's reading column in CSS pixels; images are made at twice this. */
export const columnWidth = 677;
/** Body images (`media/uploadimg`) must be JPEG or PNG under 1 MB. */
export const maxBodyImageBytes = 1024 * 1024;
/** An image declaring more pixels than this is refused unread, by lint and build alike: a decompression bomb. */
export const maxImagePixels = 60_000_000;
/** The label an advertisement must carry (Advertising Law art. 14). */
export const adLabel = '广告';

const wechatImageHost = /^https?:\/\/mmbiz\.qpic\.cn\//i;
const wechatArticle = /^https?:\/\/mp\.weixin\.qq\.com\//i;
const scheme = /^[a-z][a-z0-9+.-]*:/i;

/** An image already on WeChat's image host: the only external `src` the editor keeps. */
export function isWechatImage(url: string): boolean {
  return wechatImageHost.test(url);
}

/** Links WeChat keeps clickable: articles on mp.weixin.qq.com. */
export function isWechatArticleLink(href: string): boolean {
  return wechatArticle.test(href);
}

/**
 * What a link's address is, by its text alone; whether a relative file exists is the content stage's to find.
 * `unsafe` (script, data and file addresses) and `unsupported` (any other scheme but http, https and mailto) are
 * dropped by the renderer, keeping the link's text.
 */
export type LinkKind = 'wechat-article' | 'external' | 'email' | 'anchor' | 'relative' | 'empty' | 'unsafe' | 'unsupported';

const unsafeSchemes = new Set(['javascript', 'vbscript', 'data', 'file']);

/** The scheme of an address, lower-cased, as a browser reads it (tabs and line breaks ignored), if it has one. */
export function linkScheme(url: string): string | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return scheme.exec(cleaned)?.[0].slice(0, -1).toLowerCase();
}

export function linkKind(url: string): LinkKind {
  const trimmed = url.trim();
  if (trimmed === '') return 'empty';
  if (isWechatArticleLink(trimmed)) return 'wechat-article';
  const name = linkScheme(trimmed);
  if (name === 'mailto') return 'email';
  if (name === 'http' || name === 'https' || (!name && trimmed.startsWith('//'))) return 'external';
  if (name) return unsafeSchemes.has(name) ? 'unsafe' : 'unsupported';
  if (trimmed.startsWith('#')) return 'anchor';
  return 'relative';
}

/** What an image address is, by its text alone. */
export type ImageAddressKind = 'wechat' | 'remote' | 'data' | 'empty' | 'local';

export function imageAddressKind(url: string): ImageAddressKind {
  const trimmed = url.trim();
  if (trimmed === '') return 'empty';
  if (isWechatImage(trimmed)) return 'wechat';
  if (/^data:/i.test(trimmed)) return 'data';
  if (scheme.test(trimmed) || trimmed.startsWith('//')) return 'remote';
  return 'local';
}

/**
 * How the build treats a local image, by extension: kept as JPEG or PNG, converted (a note for the writer), or
 * refused. WeChat takes JPEG and PNG only; lint and build both read this table, so they never disagree.
 */
export type ImageHandling = { action: 'keep' } | { action: 'convert'; note: string } | { action: 'refuse'; reason: string };

const imageHandling: Record<string, ImageHandling> = {
  '.jpg': { action: 'keep' },
  '.jpeg': { action: 'keep' },
  '.png': { action: 'keep' },
  '.gif': { action: 'convert', note: 'GIF 会转成静态图片，动图只保留第一帧。' },
  '.webp': { action: 'convert', note: 'WebP 图片会在构建时转成 JPEG 或 PNG。' },
  '.avif': { action: 'convert', note: 'AVIF 图片会在构建时转成 JPEG 或 PNG。' },
  '.tif': { action: 'convert', note: 'TIFF 图片会在构建时转成 JPEG 或 PNG。' },
  '.tiff': { action: 'convert', note: 'TIFF 图片会在构建时转成 JPEG 或 PNG。' },
  '.svg': { action: 'convert', note: 'SVG 会在构建时转成 PNG 位图（矢量和文字不再可选中）。' },
  '.heic': { action: 'refuse', reason: 'HEIC/HEIF 无法在构建时转换，请先导出为 JPEG。' },
  '.heif': { action: 'refuse', reason: 'HEIC/HEIF 无法在构建时转换，请先导出为 JPEG。' },
};

export function imageHandlingFor(extension: string): ImageHandling {
  return (
    imageHandling[extension.toLowerCase()] ?? {
      action: 'refuse',
      reason: `不支持的图片格式 ${extension || '（无扩展名）'}：请用 JPEG 或 PNG（WebP、GIF、AVIF、TIFF、SVG 会自动转换）。`,
    }
  );
}
