import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { SharpOptions } from 'sharp';
import { maxImagePixels } from '../platform/index.ts';
import { storedVerdict, storeVerdict } from './image-verdicts.ts';

/** How every stage opens an image with sharp: one declaring too many pixels is refused before any is decoded. */
export const imageInput: SharpOptions = { limitInputPixels: maxImagePixels };

/** What an image is (format, dimensions as displayed, EXIF orientation applied), or why the build cannot use it. */
export type DecodedImage = { ok: true; format: string; width: number; height: number } | { ok: false; reason: string };

/** Content hashes of image files by file version (path, size, modification time), for the run. */
const digests = new Map<string, string>();
/** Verdicts by content hash: a picture copied into many articles is decoded once (and kept: image-verdicts.ts). */
const verdicts = new Map<string, Promise<DecodedImage>>();

const unreadable: DecodedImage = { ok: false, reason: '文件不存在或无法读取。' };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The sha256 of a regular file's bytes, read once per file version for the run; undefined when it cannot be read.
 * Decoding and the build's image cache key on it, so a copy of an image already seen costs a read, not a decode.
 */
export function imageDigest(path: string): string | undefined {
  let version: string;
  try {
    const info = statSync(path);
    // Only regular files are read: a FIFO would block the run.
    if (!info.isFile()) return undefined;
    version = `${path}\0${info.size}\0${info.mtimeMs}`;
  } catch {
    return undefined;
  }
  let digest = digests.get(version);
  if (digest === undefined) {
    try {
      // Read in this thread: images are small, and during a build the thread pool waits for a core.
      digest = sha256(readFileSync(path));
    } catch {
      return undefined;
    }
    digests.set(version, digest);
  }
  return digest;
}

/**
 * Opens an image the way the build does and decodes it: its header (format, size, the pixel limit), then all of
 * its data at a small scale (JPEG and WebP decode scaled, so a few milliseconds), so a truncated or corrupt file
 * is found here, not halfway through a build. Lint and build both ask here: a file one accepts the other takes.
 */
export function decodeImage(path: string): Promise<DecodedImage> {
  const digest = imageDigest(path);
  if (digest === undefined) return Promise.resolve(unreadable);
  let known = verdicts.get(digest);
  if (!known) {
    known = remembered(digest, path);
    verdicts.set(digest, known);
  }
  return known;
}

/** The verdict kept from an earlier run, or a fresh one, kept for the next. */
async function remembered(digest: string, path: string): Promise<DecodedImage> {
  const stored = await storedVerdict(digest);
  if (stored) return stored;
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes) return unreadable;
  const verdict = await decode(bytes);
  // Kept under the hash of the bytes decoded, in case the file changed since it was hashed.
  await storeVerdict(sha256(bytes), verdict);
  return verdict;
}

/**
 * sharp, loaded at the first image decoded or processed: its native library takes about 100 ms to load, which a
 * command that opens no image (list, most pre-commit runs, a rebuild whose images are all cached) should not pay.
 */
export const loadSharp = async () => (await import('sharp')).default;

async function decode(bytes: Buffer): Promise<DecodedImage> {
  const sharp = await loadSharp();
  try {
    const meta = await sharp(bytes, imageInput).metadata();
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    if (!meta.format || !width || !height) return { ok: false, reason: describeImageError(new Error('no dimensions')) };
    // The first steps of the build's own pipeline, every pixel read; sharp fails on a decoder's warning, as there.
    await sharp(bytes, imageInput).rotate().resize(8, 8, { fit: 'fill' }).raw().toBuffer();
    return { ok: true, format: meta.format, width, height };
  } catch (error) {
    return { ok: false, reason: describeImageError(error, await declaredSize(bytes)) };
  }
}

/** The size a refused header declares, read without the pixel limit (the header only, no pixels), for the message. */
async function declaredSize(bytes: Buffer): Promise<string | undefined> {
  const sharp = await loadSharp();
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => undefined);
  return meta?.width && meta.height ? `${meta.width}×${meta.height}` : undefined;
}

/** Why sharp could not open or process an image, in the words lint and build both show. */
export function describeImageError(error: unknown, size?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    const declared = size ? `声明的尺寸 ${size} ` : '';
    return `图片${declared}超过 ${maxImagePixels / 1e6} 百万像素，可能是解压炸弹，构建会拒绝它：请缩小后再用。`;
  }
  if (/unsupported image format|bad seek|corrupt|premature end|truncated|read error|unable to parse|end of stream|invalid|VipsJpeg|vipspng|heif|no dimensions|treated as error due to failOn/i.test(message)) {
    return `无法读取图片：文件已损坏或不是图片，构建会失败（支持 JPEG、PNG、WebP、GIF、AVIF、TIFF、SVG；HEIC 请先转为 JPEG）。（图片库原文：${message}）`;
  }
  return `图片处理失败：${message.replace(/。$/, '')}。`;
}
