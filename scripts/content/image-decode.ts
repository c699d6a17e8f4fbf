import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import sharp, { type SharpOptions } from 'sharp';
import { maxImagePixels } from '../platform/index.ts';

/** How every stage opens an image with sharp: one declaring too many pixels is refused before any is decoded. */
export const imageInput: SharpOptions = { limitInputPixels: maxImagePixels };

/** What an image's header says (dimensions as displayed, EXIF orientation applied), or why it cannot be opened. */
export type DecodedHeader = { ok: true; format: string; width: number; height: number } | { ok: false; reason: string };

/** Content hashes of image files by file version (path, size, modification time), for the run. */
const digests = new Map<string, string>();
/** Headers by content hash: articles share images (a logo, a banner, copies of one photo), each is decoded once. */
const headers = new Map<string, Promise<DecodedHeader>>();

/**
 * The sha256 of a regular file's bytes, read once per file version for the run; undefined when it cannot be read.
 * Lint and build key their work on an image by it, so a copy of an image already seen costs a read, not a decode.
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
      digest = createHash('sha256').update(readFileSync(path)).digest('hex');
    } catch {
      return undefined;
    }
    digests.set(version, digest);
  }
  return digest;
}

/**
 * Reads an image's header the way the build opens the image, without decoding pixels (a fraction of a
 * millisecond). Lint and build both ask here, so a file one accepts the other does not refuse at this step.
 * Results are kept by content hash for the run: the same image is read once however many files hold it.
 */
export function decodeImageHeader(path: string): Promise<DecodedHeader> {
  const digest = imageDigest(path);
  if (digest === undefined) return Promise.resolve({ ok: false, reason: '文件不存在或无法读取。' });
  let known = headers.get(digest);
  if (!known) {
    known = readHeader(path);
    headers.set(digest, known);
  }
  return known;
}

async function readHeader(path: string): Promise<DecodedHeader> {
  try {
    const meta = await sharp(path, imageInput).metadata();
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    if (!meta.format || !width || !height) return { ok: false, reason: describeImageError(new Error('no dimensions')) };
    return { ok: true, format: meta.format, width, height };
  } catch (error) {
    return { ok: false, reason: describeImageError(error, await declaredSize(path)) };
  }
}

/** The size a refused header declares, read without the pixel limit (the header only, no pixels), for the message. */
async function declaredSize(path: string): Promise<string | undefined> {
  const meta = await sharp(path, { limitInputPixels: false }).metadata().catch(() => undefined);
  return meta?.width && meta.height ? `${meta.width}×${meta.height}` : undefined;
}

/** Why sharp could not open or process an image, in the words lint and build both show. */
export function describeImageError(error: unknown, size?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    const declared = size ? `声明的尺寸 ${size} ` : '';
    return `图片${declared}超过 ${maxImagePixels / 1e6} 百万像素，可能是解压炸弹，构建会拒绝它：请缩小后再用。The image exceeds the pixel limit.`;
  }
  if (/unsupported image format|bad seek|corrupt|premature end|invalid|VipsJpeg|heif|no dimensions/i.test(message)) {
    return `无法读取图片：文件已损坏或不是图片，构建会失败（支持 JPEG、PNG、WebP、GIF、AVIF、TIFF、SVG；HEIC 请先转为 JPEG）。Unreadable image: ${message}.`;
  }
  return `图片处理失败：${message}。`;
}
