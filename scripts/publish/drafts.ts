import { createHash } from 'node:crypto';
import { wechatEndpoints } from '../platform/index.ts';
import { beijingIso } from '../shared/beijing-time.ts';
import type { DraftArticle } from '../wechat/index.ts';
import type { RunContext } from './context.ts';
import type { Receipt } from './receipt.ts';
import { PublishStop } from './stop.ts';
import type { UnitState } from './unit-state.ts';
import { errorKind } from './wechat-errors.ts';

/** What the draft box needs: a new draft (looking first when an earlier add may have happened), updates, or nothing. */
export type DraftStep = { action: 'add'; look: boolean } | { action: 'update'; indexes: number[] } | { action: 'unchanged' } | { action: 'none' };

/** A draft that is being published, or was, is not touched again. */
const pastDrafting = new Set(['submitting', 'publishing', 'published', 'gone']);

/** `hashes`: what each article's place in the draft should hold; undefined when not known yet (images to upload). */
export function draftStep(state: UnitState, hashes: ReadonlyArray<string | undefined>): DraftStep {
  if (pastDrafting.has(state.stage)) return { action: 'none' };
  if (!state.mediaId) return { action: 'add', look: state.stage === 'drafting' };
  const indexes = hashes.flatMap((hash, index) => (hash === undefined || hash !== state.hashes[index] ? [index] : []));
  // After a failed publish the draft may be gone: it is looked at (and made again) even when nothing changed.
  return indexes.length || state.stage === 'failed' ? { action: 'update', indexes } : { action: 'unchanged' };
}

/** The fingerprint of what was sent for one article: every field, in a fixed order. */
export function draftHash(article: DraftArticle): string {
  const keys = Object.keys(article).sort();
  return createHash('sha256').update(JSON.stringify(article, keys)).digest('hex');
}

/**
 * Writes the receipt of each article of the unit (or only the `only`th): `change` gets it and the article's place;
 * `status` also sets the article's status.
 */
export type WriteReceipts = (change: (current: Receipt | undefined, index: number) => Receipt, only?: number, status?: 'published') => Promise<void>;

/**
 * Brings the draft box in line with `drafts`: `draft/add` the first time, `draft/update` of the changed articles
 * after; the receipts are written after each call. An add that lost its answer, or that a killed run may have
 * made (receipt state `drafting`), is looked for with `draft/batchget` before adding again.
 */
export async function syncDraft(ctx: RunContext, lead: string, state: UnitState, drafts: readonly DraftArticle[], write: WriteReceipts): Promise<string | undefined> {
  const hashes = drafts.map(draftHash);
  const step = draftStep(state, hashes);
  if (step.action === 'none') return state.mediaId;
  if (step.action === 'unchanged') {
    ctx.say(lead, `草稿 ${state.mediaId} 的内容没有变化，不再更新。`);
    return state.mediaId;
  }
  if (step.action === 'update') {
    ctx.called({ endpoint: wechatEndpoints.getDraft, what: `草稿 ${state.mediaId} 是否还在`, file: lead });
    const current = await ctx.client.getDraft(state.mediaId!);
    if (current && current.articles.length !== drafts.length) {
      throw new PublishStop(`草稿 ${state.mediaId} 有 ${current.articles.length} 篇，这组现在是 ${drafts.length} 篇：微信不能往已有草稿里加减文章。请在公众号后台删除这个草稿，再删掉这几篇文章的 wechat 回执后重新发布。`);
    }
    if (current) return updateDraft(ctx, lead, state.mediaId!, step.indexes, drafts, hashes, write);
    ctx.say(lead, `草稿 ${state.mediaId} 已不在草稿箱（可能在后台删除了），重新建一个。`);
  }
  return addDraft(ctx, lead, step.action === 'add' && step.look ? state.draftedAt : undefined, drafts, hashes, write);
}

async function updateDraft(ctx: RunContext, lead: string, mediaId: string, indexes: readonly number[], drafts: readonly DraftArticle[], hashes: readonly string[], write: WriteReceipts): Promise<string> {
  for (const index of indexes) {
    ctx.called({ endpoint: wechatEndpoints.updateDraft, what: `草稿 ${mediaId} 第 ${index + 1} 篇「${drafts[index]!.title}」`, file: lead });
    await ctx.client.updateDraft(mediaId, index, drafts[index]!);
    const updated_at = beijingIso(ctx.clock.now());
    await write((current) => ({ ...current, state: 'drafted', draft_media_id: mediaId, draft_index: index, draft_hash: hashes[index], updated_at }), index);
    ctx.say(lead, `已更新草稿 ${mediaId} 的第 ${index + 1} 篇「${drafts[index]!.title}」。`);
  }
  return mediaId;
}

/**
 * `draft/add`, recorded first as `drafting` (so a run killed before the answer is written looks before adding), then
 * with the draft's id. `lookSince`: an earlier add may have made the draft; it is looked for before adding.
 */
async function addDraft(ctx: RunContext, lead: string, lookSince: string | undefined, drafts: readonly DraftArticle[], hashes: readonly string[], write: WriteReceipts): Promise<string> {
  const titles = drafts.map((d) => d.title);
  const found = lookSince ? await findDraft(ctx, lead, titles, lookSince) : undefined;
  let mediaId = found;
  if (!mediaId) {
    const drafted_at = beijingIso(ctx.clock.now());
    await write((current) => ({ ...current, state: 'drafting', drafted_at }));
    mediaId = await addOnce(ctx, lead, drafts, drafted_at);
  }
  const now = beijingIso(ctx.clock.now());
  await write((current, index) => ({ ...current, state: 'drafted', draft_media_id: mediaId!, draft_index: index, draft_hash: hashes[index], drafted_at: current?.drafted_at ?? now }));
  ctx.say(lead, found ? `找到上次建好的草稿 ${mediaId}，不再新建。` : `已建草稿 ${mediaId}（${drafts.length} 篇）。`);
  return mediaId;
}

/** One add; when its answer is lost, a look, and one more add only when the draft is not there. */
async function addOnce(ctx: RunContext, lead: string, drafts: readonly DraftArticle[], since: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    ctx.called({ endpoint: wechatEndpoints.addDraft, what: `${drafts.length} 篇：${drafts.map((d) => `「${d.title}」`).join('')}`, file: lead });
    try {
      return (await ctx.client.addDraft([...drafts])).media_id;
    } catch (error) {
      if (errorKind(error) !== 'uncertain') throw error;
      const found = await findDraft(ctx, lead, drafts.map((d) => d.title), since);
      if (found) return found;
      if (attempt >= 2) throw new PublishStop(`draft/add 两次都没有收到回应，草稿箱里也没有找到这个草稿：没有再试。请稍后重新运行 mpdesk publish（会先查找再新建）。`);
      ctx.say(lead, 'draft/add 没有收到回应，草稿箱里也没有这个草稿：再建一次。');
    }
  }
}

/** How far apart WeChat's clock and ours may be when matching a draft's update time. */
const clockSlackSeconds = 300;

/** The newest draft with exactly these titles, made since `since`: the one an earlier add made. */
async function findDraft(ctx: RunContext, lead: string, titles: readonly string[], since: string): Promise<string | undefined> {
  ctx.called({ endpoint: wechatEndpoints.listDrafts, what: `查找「${titles[0]}」是否已建草稿`, file: lead });
  const { items } = await ctx.client.listDrafts(0, 20);
  const after = Date.parse(since) / 1000 - clockSlackSeconds;
  const match = items.find((item) => item.update_time >= after && item.articles.length === titles.length && item.articles.every((a, i) => a.title === titles[i]));
  return match?.media_id;
}
