import { createHash } from 'node:crypto';
import { describeImageError, imageDigest, imageInput, loadSharp } from '../content/index.ts';
import { columnWidth, maxBodyImageBytes } from '../platform/index.ts';
import { readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { OutputInfo } from 'sharp';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { isCount, isObject } from '../shared/json-shape.ts';
import { notice } from '../shared/notice.ts';
import { toolHash } from '../shared/tool-hash.ts';

export interface ProcessedImage {
  /** Where the processed file is, in the cache. */
  path: string;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  bytes: number;
  /** The processed file's content hash: the media ledger's key. */
  sha256: string;
}

export interface ProcessedCover {
  /** The whole cover, oriented, as JPEG: what goes to WeChat as permanent material, the crops given on top. */
  material: ProcessedImage;
  wide: ProcessedImage;
  square: ProcessedImage;
  /** WeChat's `pic_crop_235_1` / `pic_crop_1_1`: the crop in 0..1 coordinates of the original, "X1_Y1_X2_Y2". */
  crop235: string;
  crop11: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A body image ready for WeChat: JPEG or PNG (WebP, GIF's first frame, AVIF, TIFF converted), oriented, at most
 * twice the column wide, under 1 MB, with EXIF and GPS stripped. Results are cached by content hash.
 */
export async function processBodyImage(path: string, cacheDir: string): Promise<Result<ProcessedImage>> {
  return cached(path, cacheDir, bodyRecord, async (bytes, base) => {
    const sharp = await loadSharp();
    const meta = await sharp(bytes, imageInput).metadata();
    const alpha = Boolean(meta.hasAlpha);
    const png = meta.format === 'png' || meta.format === 'svg' || alpha;
    // Cheapest loss first: PNG stays PNG (screenshots stay crisp), then a palette, then JPEG when there is no
    // transparency to keep, then smaller dimensions.
    const encodings: Array<{ format: 'png' | 'jpeg'; palette?: boolean; quality?: number }> = png
      ? [{ format: 'png' }, { format: 'png', palette: true }, ...(alpha ? [] : [{ format: 'jpeg' as const, quality: 82 }])]
      : [{ format: 'jpeg', quality: 82 }, { format: 'jpeg', quality: 70 }];
    const width = Math.min(meta.autoOrient?.width ?? meta.width ?? columnWidth * 2, columnWidth * 2);
    for (let scale = 1; scale >= 0.25; scale /= 1.5) {
      for (const encoding of encodings) {
        const image = sharp(bytes, imageInput)
          .rotate()
          .resize({ width: Math.round(width * scale), withoutEnlargement: true });
        const encoded =
          encoding.format === 'png'
            ? await image.png({ palette: encoding.palette ?? false, effort: 1 }).toBuffer({ resolveWithObject: true })
            : await image.flatten({ background: '#ffffff' }).jpeg({ quality: encoding.quality, mozjpeg: true }).toBuffer({ resolveWithObject: true });
        if (encoded.data.length <= maxBodyImageBytes) return save(base, encoding.format, encoded);
      }
    }
    return { ok: false, message: '压缩到 1 MB 以内失败。' };
  });
}

/**
 * The cover as 900x383 (2.35:1) and 500x500 (1:1) centre crops, with the crop strings WeChat wants, and the whole
 * cover (at most twice the column wide) that those strings are crops of.
 */
export async function processCover(path: string, cacheDir: string): Promise<Result<ProcessedCover>> {
  return cached(path, cacheDir, coverRecord, async (bytes, base) => {
    const sharp = await loadSharp();
    const oriented = await sharp(bytes, imageInput).rotate().toBuffer({ resolveWithObject: true });
    const { width, height } = oriented.info;
    const crop = async (ratio: number, outWidth: number, outHeight: number, suffix: string) => {
      const box = centreCrop(width, height, ratio);
      const encoded = await sharp(oriented.data)
        .extract(box)
        .resize(outWidth, outHeight)
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 85, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      const saved = await save(`${base}-${suffix}`, 'jpeg', encoded);
      return { image: saved.value, crop: cropString(box, width, height) };
    };
    const wide = await crop(2.35, 900, 383, 'wide');
    const square = await crop(1, 500, 500, 'square');
    const whole = await sharp(oriented.data)
      .resize({ width: columnWidth * 2, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const material = (await save(`${base}-material`, 'jpeg', whole)).value;
    return { ok: true, value: { material, wide: wide.image, square: square.image, crop235: wide.crop, crop11: square.crop } };
  });
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function centreCrop(width: number, height: number, ratio: number): Box {
  if (width / height > ratio) {
    // At least one pixel: a tiny cover must still crop (sharp fails on an empty area).
    const w = Math.max(1, Math.round(height * ratio));
    return { left: Math.floor((width - w) / 2), top: 0, width: w, height };
  }
  const h = Math.max(1, Math.round(width / ratio));
  return { left: 0, top: Math.floor((height - h) / 2), width, height: h };
}

function cropString(box: Box, width: number, height: number): string {
  const n = (value: number) => String(Number(value.toFixed(6)));
  return [box.left / width, box.top / height, (box.left + box.width) / width, (box.top + box.height) / height].map(n).join('_');
}

async function save(base: string, format: 'jpeg' | 'png', encoded: { data: Buffer; info: OutputInfo }) {
  const path = `${base}.${format === 'jpeg' ? 'jpg' : 'png'}`;
  await writeFileAtomic(path, encoded.data);
  const image: ProcessedImage = { path, format, width: encoded.info.width, height: encoded.info.height, bytes: encoded.data.length, sha256: sha256(encoded.data) };
  return { ok: true as const, value: image };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** How one kind of result is kept in its record: the images it names, and its JSON parsed back into a value. */
interface RecordKind<T> {
  name: string;
  images(value: T): ProcessedImage[];
  /** The stored value (image paths as names in the cache folder) with paths in `dir`, or undefined when malformed. */
  parse(value: unknown, dir: string): T | undefined;
  /** Results already read or made in this run, by record path. */
  known: Map<string, T>;
}

function parseImage(value: unknown, dir: string): ProcessedImage | undefined {
  if (!isObject(value)) return undefined;
  const { path, format, width, height, bytes, sha256: hash } = value;
  if (typeof path !== 'string' || basename(path) !== path || (format !== 'jpeg' && format !== 'png')) return undefined;
  if (!isCount(width) || !isCount(height) || !isCount(bytes) || typeof hash !== 'string') return undefined;
  return { path: join(dir, path), format, width, height, bytes, sha256: hash };
}

const bodyRecord: RecordKind<ProcessedImage> = { name: 'body', images: (image) => [image], parse: parseImage, known: new Map() };

const coverRecord: RecordKind<ProcessedCover> = {
  name: 'cover',
  images: (cover) => [cover.material, cover.wide, cover.square],
  parse(value, dir) {
    if (!isObject(value) || typeof value.crop235 !== 'string' || typeof value.crop11 !== 'string') return undefined;
    const [material, wide, square] = [value.material, value.wide, value.square].map((image) => parseImage(image, dir));
    return material && wide && square ? { material, wide, square, crop235: value.crop235, crop11: value.crop11 } : undefined;
  },
  known: new Map(),
};

/**
 * Each cached image's modification time when this process last checked its hash: a file seen since at the same size
 * and time is used without reading it. Build outputs are hard links to these files, so an edit through one changes
 * the time, and the file is checked again.
 */
const checkedAt = new Map<string, number>();

function stampOf(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function markChecked(images: readonly ProcessedImage[]): void {
  for (const image of images) {
    const stamp = stampOf(image.path);
    if (stamp) checkedAt.set(image.path, stamp.mtimeMs);
  }
}

const unchangedSinceChecked = (image: ProcessedImage) => {
  const stamp = stampOf(image.path);
  return stamp !== undefined && stamp.size === image.bytes && checkedAt.get(image.path) === stamp.mtimeMs;
};

/** Where a cache file is, for a notice: relative to where mpdesk was started. */
const shown = (path: string) => relative(process.cwd(), path) || path;

/**
 * Runs `work` once per distinct input content (and version of mpdesk); the JSON beside the outputs records the
 * result with each output's content hash, which is checked before the output is used again.
 */
async function cached<T>(
  path: string,
  cacheDir: string,
  kind: RecordKind<T>,
  work: (bytes: Buffer, base: string) => Promise<Result<T>>,
): Promise<Result<T>> {
  // Keyed by the content hash the decoding check already took (images are read once per run, however often used).
  const digest = imageDigest(path);
  if (digest === undefined) return { ok: false, message: '文件不存在或无法读取。' };
  const key = createHash('sha256').update(`${toolHash()}:${kind.name}:${digest}`).digest('hex').slice(0, 32);
  const base = join(cacheDir, key);
  const record = `${base}.json`;
  // Articles often share images (a logo, a series banner): read and check each record once per run; a result
  // known from earlier in this process is used while its files are still there.
  const known = kind.known.get(record);
  if (known && kind.images(known).every(unchangedSinceChecked)) return { ok: true, value: known };
  const hit = readRecord(record, kind, cacheDir, digest);
  if (hit.ok) {
    kind.known.set(record, hit.value);
    markChecked(kind.images(hit.value));
    return hit;
  }
  if (hit.message) notice(hit.message);
  let result: Result<T>;
  try {
    // Read in this thread: images and records are small, and during a build the thread pool waits for a core.
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return { ok: false, message: '文件不存在或无法读取。' };
    }
    result = await work(bytes, base);
  } catch (error) {
    result = { ok: false, message: describeImageError(error) };
  }
  if (result.ok) {
    // Paths are kept as names in the cache folder, so the repository can move.
    const relativePaths = (name: string, field: unknown) => (name === 'path' && typeof field === 'string' ? basename(field) : field);
    await writeFileAtomic(record, JSON.stringify({ source: digest, value: result.value }, relativePaths));
    kind.known.set(record, result.value);
    markChecked(kind.images(result.value));
  }
  return result;
}

/**
 * A missing record is a miss. A record that does not parse, that was made from another image than `source` (a
 * record copied under another's name would put that image in the article), or whose outputs are missing or differ
 * from the hashes it recorded (a damaged disk, a stray copy), is a miss with a message naming the file: it is made
 * again.
 */
function readRecord<T>(record: string, kind: RecordKind<T>, dir: string, source: string): Result<T> {
  let text: string;
  try {
    text = readFileSync(record, 'utf8');
  } catch {
    return { ok: false, message: '' };
  }
  const corrupt: Result<T> = { ok: false, message: `图片缓存记录 ${shown(record)} 已损坏，已丢弃并重新生成。` };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return corrupt;
  }
  const value = isObject(stored) && stored.source === source ? kind.parse(stored.value, dir) : undefined;
  if (!value) return corrupt;
  for (const image of kind.images(value)) {
    let actual: string | undefined;
    try {
      actual = sha256(readFileSync(image.path));
    } catch {
      actual = undefined;
    }
    if (actual === undefined || actual !== image.sha256) {
      // dist/'s images are hard links to these files: an output image edited in place shows up here.
      const why = actual ? '与记录的内容不符（dist/ 里的图片与它是同一个文件，在那里改图也会改到它）' : '不见了';
      return { ok: false, message: `缓存的图片 ${shown(image.path)} ${why}，已重新生成。` };
    }
  }
  return { ok: true, value };
}
