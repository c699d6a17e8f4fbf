import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../shared/atomic-write.ts';
import { isCount, isObject } from '../shared/json-shape.ts';
import { notice, unsavedCacheNotice } from '../shared/notice.ts';
import { toolHash } from '../shared/tool-hash.ts';
import type { DecodedImage } from './image-decode.ts';

/**
 * Decoding verdicts kept between runs, one small file per image content hash in the repository's
 * `.cache/mpdesk/decoded/`: decoding a camera photo takes tens of milliseconds, and lint and build of an unchanged
 * image should not pay it again. A record made by another version of mpdesk (whose sharp may decode differently)
 * is not used.
 */
let folder: string | undefined;
let writeFailed = false;

/** Where the verdicts of the repository being read are kept; set when its content is loaded. */
export function keepImageVerdicts(root: string): void {
  folder = join(root, '.cache', 'mpdesk', 'decoded');
}

export async function storedVerdict(hash: string): Promise<DecodedImage | undefined> {
  if (!folder) return undefined;
  const path = join(folder, `${hash}.json`);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const verdict = parseVerdict(text, hash);
  if (verdict === 'corrupt') notice(`图片检查记录 ${relative(process.cwd(), path) || path} 已损坏，已丢弃并重新检查这张图片。`);
  return verdict === 'corrupt' || verdict === 'other-tool' ? undefined : verdict;
}

export async function storeVerdict(hash: string, verdict: DecodedImage): Promise<void> {
  if (!folder) return;
  try {
    await writeFileAtomic(join(folder, `${hash}.json`), `${JSON.stringify({ tool: toolHash(), image: hash, ...verdict })}\n`);
  } catch (error) {
    // Only the next run's speed depends on it: say so once, and go on.
    if (!writeFailed) unsavedCacheNotice('图片检查记录', error instanceof Error ? error.message : String(error), '下次会重新解码。');
    writeFailed = true;
  }
}

/** A record names the image it is about: one under another image's name (copied, swapped) is as corrupt as garbage. */
function parseVerdict(text: string, hash: string): DecodedImage | 'corrupt' | 'other-tool' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'corrupt';
  }
  if (!isObject(value) || typeof value.tool !== 'string') return 'corrupt';
  if (value.tool !== toolHash()) return 'other-tool';
  if (value.image !== hash) return 'corrupt';
  if (value.ok === true && typeof value.format === 'string' && isCount(value.width) && isCount(value.height)) {
    return { ok: true, format: value.format, width: value.width, height: value.height };
  }
  if (value.ok === false && typeof value.reason === 'string') return { ok: false, reason: value.reason };
  return 'corrupt';
}
