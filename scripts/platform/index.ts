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

const labelWord = `(?:商业推广|广告推广|${adLabel}|推广|赞助|软广)`;
const separator = String.raw`[\s|｜丨:：·•—–\-/／、，,。.!！;；]`;
/**
 * An ad label a writer puts at the very start of an advertisement, with what separates it from the text: a
 * bracketed word (【广告】 [推广] （赞助）), a word followed by a separator (广告： 推广｜ 赞助 —), a statement (本文为广告)
 * or a disclosure clause (本文由某某赞助，). Spaces inside are allowed; 广告主是谁 and 本文为广告主撰写 are not labels.
 */
export const leadingAdLabel = new RegExp(
  String.raw`^\s*(?:[【\[［（(〔「『〈《<]\s*${labelWord}\s*[】\]］）)〕」』〉》>]` +
    String.raw`|${labelWord}(?=${separator}|$)` +
    String.raw`|本文\s*(?:为|是|系|属于?|含有?|包含)?\s*(?:商业)?${labelWord}(?:内容|文章|信息)?(?!\p{Script=Han})` +
    String.raw`|本文\s*由[^。！？!?\n]{0,60}?(?:赞助|合作|推广|冠名|${adLabel})[^，,；;。！？!?\n]*)${separator}*`,
  'u',
);

const wechatImageHost = /^https?:\/\/mmbiz\.qpic\.cn\//i;
const wechatArticle = /^https?:\/\/mp\.weixin\.qq\.com\//i;
const scheme = /^[a-z][a-z0-9+.-]*:/i;

/** An image already on WeChat's image host: the only external `src` the editor keeps. */
export function isWechatImage(url: string): boolean {
  return wechatImageHost.test(url);
}

/**
 * Links WeChat keeps clickable: articles on mp.weixin.qq.com, `/s/<id>` or `/s?__biz=…`. Its other pages (an
 * account's profile `/mp/profile_ext`, `/cgi-bin/…`) are external links like any other.
 */
export function isWechatArticleLink(href: string): boolean {
  if (!wechatArticle.test(href)) return false;
  const url = parsedUrl(href);
  if (!url) return false;
  return /^\/s\/[^/]+/.test(url.pathname) || (/^\/s\/?$/.test(url.pathname) && url.searchParams.has('__biz'));
}

function parsedUrl(href: string): URL | undefined {
  try {
    return new URL(href.startsWith('//') ? `https:${href}` : href);
  } catch {
    return undefined;
  }
}

/**
 * Why an http(s) or mailto address cannot be a working link, read as a browser reads it: it does not parse
 * (`http://[::1`), its host has an empty label (`a..com`), or a mailto has no address. Undefined when it is fine.
 */
export function addressProblem(href: string): string | undefined {
  const trimmed = href.trim();
  const name = linkScheme(trimmed);
  if (name === 'mailto') {
    const address = trimmed.slice('mailto:'.length).split('?')[0]!;
    if (!address.trim()) return `邮件链接没有地址：${trimmed}`;
    return address.includes('@') ? undefined : `邮件地址“${address}”不完整（缺少 @）`;
  }
  const url = parsedUrl(trimmed);
  if (!url) return `网址格式不对，浏览器无法打开：${trimmed}`;
  if (url.hostname.split('.').slice(0, -1).includes('')) return `网址的域名里有空的一段（“..”）：${trimmed}`;
  return undefined;
}

/**
 * The ASCII form (`xn--…`) of an http(s) address whose host is written with other characters (an internationalised
 * domain, or Chinese text a bare URL ran on into: `https://example.com了解`); undefined for a plain ASCII host.
 */
export function internationalHost(href: string): string | undefined {
  const url = parsedUrl(href.trim());
  if (!url || !/^https?:$/.test(url.protocol)) return undefined;
  const written = /^(?:https?:)?\/\/(?:[^@/?#]*@)?([^/?#:]*)/i.exec(href.trim())?.[1] ?? '';
  return /[^\x00-\x7f]/.test(written) ? url.hostname : undefined;
}

/**
 * What a link's address is, by its text alone; whether a relative file exists is the content stage's to find.
 * `unsafe` (script, data and file addresses), `unsupported` (any other scheme but http, https and mailto) and
 * `invalid` (an http, https or mailto address that is malformed) are dropped by the renderer, keeping the link's text.
 */
export type LinkKind = 'wechat-article' | 'external' | 'email' | 'anchor' | 'relative' | 'empty' | 'unsafe' | 'unsupported' | 'invalid';

const unsafeSchemes = new Set(['javascript', 'vbscript', 'data', 'file']);

/** The scheme of an address, lower-cased, as a browser reads it (tabs and line breaks ignored), if it has one. */
export function linkScheme(url: string): string | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return scheme.exec(cleaned)?.[0].slice(0, -1).toLowerCase();
}

export function linkKind(url: string): LinkKind {
  const trimmed = url.trim();
  if (trimmed === '') return 'empty';
  const name = linkScheme(trimmed);
  // A malformed address (`addressProblem`) is no link at all: it is dropped, keeping its text, and reported.
  if (name === 'mailto') return addressProblem(trimmed) ? 'invalid' : 'email';
  if (name === 'http' || name === 'https' || (!name && trimmed.startsWith('//'))) {
    if (addressProblem(trimmed)) return 'invalid';
    return isWechatArticleLink(trimmed) ? 'wechat-article' : 'external';
  }
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

/** The "read original" link (`content_source_url`) is at most 1 KB. */
export const maxSourceUrlBytes = 1024;

/** Body image URLs `media/uploadimg` returns, once on https: the only `src` a fragment sent to WeChat may use. */
export function isUploadedImageUrl(url: string): boolean {
  return /^https:\/\/mmbiz\.qpic\.cn\//i.test(url);
}

/** WeChat's two comment flags for an article's `comments:` setting; without one, WeChat's default (closed) holds. */
export function commentFlags(comments: 'open' | 'fans-only' | 'closed' | undefined): { need_open_comment?: 0 | 1; only_fans_can_comment?: 0 | 1 } {
  if (comments === 'open') return { need_open_comment: 1, only_fans_can_comment: 0 };
  if (comments === 'fans-only') return { need_open_comment: 1, only_fans_can_comment: 1 };
  if (comments === 'closed') return { need_open_comment: 0, only_fans_can_comment: 0 };
  return {};
}

/** Where a `freepublish/get` status leaves an article, as the receipt's `state` records it. */
export type PublishState = 'publishing' | 'published' | 'originality-failed' | 'failed' | 'rejected' | 'deleted' | 'banned';

/** `publish_status` 0 ok, 1 publishing, 2 originality check failed, 3 failed, 4 rejected, 5 deleted, 6 banned. */
const publishStatuses: Record<number, { state: PublishState; text: string }> = {
  0: { state: 'published', text: '发表成功' },
  1: { state: 'publishing', text: '发表中' },
  2: { state: 'originality-failed', text: '原创校验未通过' },
  3: { state: 'failed', text: '发表失败（常规失败）' },
  4: { state: 'rejected', text: '平台审核未通过' },
  5: { state: 'deleted', text: '成功后已被用户删除所有文章' },
  6: { state: 'banned', text: '成功后被系统封禁所有文章' },
};

/** What a `publish_status` means, in Chinese, and whether polling is over. */
export function publishStatusMeaning(status: number): { state: PublishState; text: string; final: boolean } {
  const known = publishStatuses[status];
  if (!known) return { state: 'failed', text: `未知状态 ${status}`, final: true };
  return { ...known, final: known.state !== 'publishing' };
}
