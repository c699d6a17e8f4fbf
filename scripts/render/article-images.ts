import { basename, extname } from 'node:path';
import { decodeProblem, imageProblem, type ImageRef } from '../content/index.ts';
import { processBodyImage, processCover, type ProcessedImage } from './images.ts';
import { addressKeys } from './address-keys.ts';
import type { ImageTarget } from './plugins/render-data.ts';

export interface ImageFailure {
  image: ImageRef;
  ruleId: string;
  message: string;
}

/** A processed body image as publishing needs it: the file to upload and where the fragment uses it. */
export interface BodyMedia {
  /** The address as written in the article. */
  url: string;
  /** The processed file, in the image cache. */
  path: string;
  format: 'jpeg' | 'png';
  bytes: number;
  sha256: string;
  /** Its WeChat URL, when the account's media ledger has it. */
  uploaded?: string;
}

/** The cover as permanent material: the whole processed cover and WeChat's crop strings of it. */
export interface CoverMedia {
  url: string;
  path: string;
  bytes: number;
  sha256: string;
  pic_crop_235_1: string;
  pic_crop_1_1: string;
}

export interface ArticleMedia {
  /** Each body image address once, in document order (two addresses may name the same file). */
  body: BodyMedia[];
  cover?: CoverMedia;
}

/** A processed image for the output folder: its name there, the file in the cache, and that file's sha256. */
export interface Asset {
  name: string;
  path: string;
  sha256: string;
}

export interface ProcessedImages {
  /** Original address → the `src` of the processed image: its WeChat URL once uploaded, else its output file. */
  targets: Map<string, ImageTarget>;
  /** The same for the account footer's images, whose addresses are relative to the account folder. */
  footerTargets: Map<string, ImageTarget>;
  assets: Asset[];
  meta: Array<{ file: string; width: number; height: number; bytes: number; alt: string }>;
  cover?: { wide: string; square: string; pic_crop_235_1: string; pic_crop_1_1: string };
  failures: ImageFailure[];
  media: ArticleMedia;
}

/**
 * Processes every local image the article model found (cover, inline, reference-style, raw HTML), then those of
 * the account's footer, once each. `uploaded` (processed file hash → WeChat URL, from the account's media ledger)
 * puts uploaded images on WeChat.
 */
export async function processImages(
  images: readonly ImageRef[],
  cacheDir: string,
  uploaded: ReadonlyMap<string, string> = new Map(),
  footer: readonly ImageRef[] = [],
): Promise<ProcessedImages> {
  const result: ProcessedImages = { targets: new Map(), footerTargets: new Map(), assets: [], meta: [], failures: [], media: { body: [] } };
  const taken = new Set<string>();
  const assetName = (original: string, image: ProcessedImage) => {
    const stem = basename(original, extname(original)).replace(/[^\w\u4e00-\u9fff-]+/g, '-') || 'image';
    const ext = extname(image.path);
    let name = `images/${stem}${ext}`;
    // Cup.png and cup.png are one file on macOS and Windows.
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `images/${stem}-${n}${ext}`;
    taken.add(name.toLowerCase());
    result.assets.push({ name, path: image.path, sha256: image.sha256 });
    return name;
  };
  const fail = (image: ImageRef, ruleId: string, message: string) => result.failures.push({ image, ruleId, message });

  const inFooter = new Set(footer);
  for (const image of [...images, ...footer]) {
    const { target, url } = image;
    const targets = inFooter.has(image) ? result.footerTargets : result.targets;
    if (target.kind !== 'local') {
      const problem = imageProblem(image, '', (path) => path);
      if (problem) fail(image, problem.ruleId, problem.message);
      continue;
    }
    // The decoding check lint makes, so both refuse the same files in the same words.
    const unreadable = await decodeProblem(image);
    if (unreadable) {
      fail(image, unreadable.ruleId, unreadable.message);
      continue;
    }
    if (image.site === 'cover') {
      const cover = await processCover(target.path, cacheDir);
      if (!cover.ok) fail(image, 'image/unreadable', `封面“${url}”：${cover.message}`);
      else {
        const { material, wide, square, crop235, crop11 } = cover.value;
        result.cover = { wide: assetName('cover-900x383', wide), square: assetName('cover-500x500', square), pic_crop_235_1: crop235, pic_crop_1_1: crop11 };
        result.media.cover = { url, path: material.path, bytes: material.bytes, sha256: material.sha256, pic_crop_235_1: crop235, pic_crop_1_1: crop11 };
      }
      continue;
    }
    if (targets.has(url)) continue;
    const body = await processBodyImage(target.path, cacheDir);
    if (!body.ok) {
      fail(image, 'image/unreadable', `图片“${url}”：${body.message}`);
      continue;
    }
    const name = assetName(url, body.value);
    const { path, format, bytes, sha256 } = body.value;
    const wechat = uploaded.get(sha256);
    result.media.body.push({ url, path, format, bytes, sha256, ...(wechat ? { uploaded: wechat } : {}) });
    // The HTML tree carries Markdown addresses percent-encoded and raw HTML ones as written: either finds it.
    for (const key of addressKeys(url)) targets.set(key, { src: wechat ?? name });
    result.meta.push({ file: name, width: body.value.width, height: body.value.height, bytes: body.value.bytes, alt: image.alt });
  }
  return result;
}
