import { readFile } from 'node:fs/promises';
import { basename, dirname, relative } from 'node:path';
import type { MediaLedger } from '../content/index.ts';
import { isUploadedImageUrl, wechatEndpoints } from '../platform/index.ts';
import { beijingIso } from '../shared/beijing-time.ts';
import type { UploadFile } from '../wechat/index.ts';
import type { RunContext } from './context.ts';
import { loadLedger, recordUpload } from './ledger.ts';
import type { Prepared } from './prepare.ts';
import { PublishStop } from './stop.ts';

/** One processed image to upload, as the dry run lists it and the run sends it. */
export interface PlannedUpload {
  section: 'body' | 'cover';
  endpoint: string;
  /** The article that uses it (the first, when several share it). */
  file: string;
  /** The address as written in the article. */
  url: string;
  path: string;
  sha256: string;
  bytes: number;
  format: 'jpeg' | 'png';
}

export const bodyEndpoint = wechatEndpoints.uploadImage;
export const coverEndpoint = `${wechatEndpoints.addMaterial}?type=image`;

/** The unit's images that the ledger does not have, each processed file once, body images first in document order. */
export function missingUploads(prepared: readonly Prepared[], ledger: MediaLedger): PlannedUpload[] {
  const seen = new Set<string>();
  const uploads: PlannedUpload[] = [];
  for (const { article, rendered } of prepared) {
    for (const image of rendered.media.body) {
      if (image.uploaded || ledger.body[image.sha256] || seen.has(`body:${image.sha256}`)) continue;
      seen.add(`body:${image.sha256}`);
      uploads.push({ section: 'body', endpoint: bodyEndpoint, file: article.source.file, url: image.url, path: image.path, sha256: image.sha256, bytes: image.bytes, format: image.format });
    }
  }
  for (const { article, rendered } of prepared) {
    const cover = rendered.media.cover;
    if (!cover || ledger.cover[cover.sha256] || seen.has(`cover:${cover.sha256}`)) continue;
    seen.add(`cover:${cover.sha256}`);
    uploads.push({ section: 'cover', endpoint: coverEndpoint, file: article.source.file, url: cover.url, path: cover.path, sha256: cover.sha256, bytes: cover.bytes, format: 'jpeg' });
  }
  return uploads;
}

/** Uploads each image and records it in the ledger at once; an image the ledger has by now is skipped. */
export async function uploadAll(ctx: RunContext, uploads: readonly PlannedUpload[]): Promise<void> {
  for (const upload of uploads) {
    const ledger = loadLedger(ctx.root, ctx.account);
    if ((upload.section === 'body' ? ledger.body : ledger.cover)[upload.sha256]) continue;
    const bytes = await readFile(upload.path);
    // The cache file's name is its content hash; WeChat sees a name that says what the image is.
    const name = `${basename(upload.url).replace(/\.[^.]*$/, '') || 'image'}.${upload.format === 'png' ? 'png' : 'jpg'}`;
    const file: UploadFile = { bytes, filename: name, contentType: upload.format === 'png' ? 'image/png' : 'image/jpeg' };
    const source = relative(`content/${ctx.account}`, `${dirname(upload.file)}/${upload.url}`);
    const common = { uploaded_at: beijingIso(ctx.clock.now()), bytes: bytes.length, source };
    const what = `${upload.url}（sha256 ${upload.sha256.slice(0, 12)}，${kilobytes(bytes.length)}）`;
    ctx.called({ endpoint: upload.endpoint, what, file: upload.file });
    if (upload.section === 'body') {
      const { url } = await ctx.client.uploadBodyImage(file);
      // Anything else would be filtered from the draft, and would not fit the ledger's schema.
      if (!isUploadedImageUrl(url)) throw new PublishStop(`微信返回的图片地址不在 mmbiz.qpic.cn 上：${url}（${upload.url}）。没有记入素材记录。`);
      await recordUpload(ctx.root, ctx.account, { section: 'body', hash: upload.sha256, entry: { ...common, url } });
      ctx.say(upload.file, `已上传正文图片 ${what}`);
    } else {
      const { media_id, url } = await ctx.client.addImageMaterial(file);
      await recordUpload(ctx.root, ctx.account, { section: 'cover', hash: upload.sha256, entry: { ...common, media_id, url } });
      ctx.say(upload.file, `已上传封面（永久素材）${what}，media_id ${media_id}`);
    }
  }
}

export function kilobytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
