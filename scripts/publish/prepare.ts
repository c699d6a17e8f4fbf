import { imageCacheDir } from '../shared/cache-dir.ts';
import { join } from 'node:path';
import { articleFields, typedFields, uploadedImageUrls, type AccountFile, type ArticleFile, type MediaLedger } from '../content/index.ts';
import { commentFlags, isUploadedImageUrl } from '../platform/index.ts';
import { renderArticle, type RenderedArticle } from '../render/index.ts';
import type { Finding } from '../shared/finding.ts';
import type { DraftArticle } from '../wechat/index.ts';
import { limitProblems } from './limits.ts';
import { refusal } from './refusal.ts';

/** An article rendered for WeChat, with the images it needs uploaded (and which are already). */
export interface Prepared {
  article: ArticleFile;
  account?: AccountFile;
  rendered: RenderedArticle;
}

export type PrepareResult = { ok: true; prepared: Prepared } | { ok: false; refusals: Finding[] };

/**
 * Renders the article as the build does, its ledger images on their WeChat URLs, and checks what the draft API will
 * check (a cover, WeChat's field and size limits as the account sets them) before anything is sent.
 */
export async function prepareArticle(root: string, article: ArticleFile, account: AccountFile | undefined, ledger: MediaLedger): Promise<PrepareResult> {
  const rendered = await renderArticle({ root, article, account, cacheDir: imageCacheDir(root), uploadedImages: uploadedImageUrls(ledger) });
  const errors = rendered.findings.filter((f) => f.severity === 'error');
  if (errors.length) return { ok: false, refusals: errors };
  if (!rendered.media.cover) return { ok: false, refusals: [refusal(article, 'publish/cover', '草稿必须有封面（thumb_media_id）：在 frontmatter 写 cover: ./cover.jpg。')] };
  const settings = account?.doc ? typedFields('account', account.doc.data) : {};
  const pending = rendered.media.body.filter((image) => !image.uploaded).length;
  const problems = limitProblems(rendered.meta, { limits: settings.limits, commentsEnabled: settings.wechat?.comments, comments: articleFields(article).comments }, pending);
  if (problems.length) return { ok: false, refusals: problems.map((p) => refusal(article, 'publish/limits', p.message, p.field)) };
  return { ok: true, prepared: { article, account, rendered } };
}

/**
 * The article as `draft/add` takes it, once every image is on WeChat; undefined while any is not (the fragment
 * would lose it: WeChat filters other hosts).
 */
export function draftArticle(prepared: Prepared, ledger: MediaLedger): DraftArticle | undefined {
  const { rendered, article } = prepared;
  const cover = rendered.media.cover && ledger.cover[rendered.media.cover.sha256];
  if (!cover || rendered.media.body.some((image) => !image.uploaded)) return undefined;
  if ([...rendered.html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)].some((m) => !isUploadedImageUrl(m[1]!))) return undefined;
  const { meta } = rendered;
  return {
    title: meta.title,
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.digest ? { digest: meta.digest } : {}),
    content: rendered.html,
    ...(meta.content_source_url ? { content_source_url: meta.content_source_url } : {}),
    thumb_media_id: cover.media_id,
    ...commentFlags(articleFields(article).comments),
    pic_crop_235_1: rendered.media.cover!.pic_crop_235_1,
    pic_crop_1_1: rendered.media.cover!.pic_crop_1_1,
  };
}
