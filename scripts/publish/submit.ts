import { publishStatusMeaning, wechatEndpoints, type PublishState } from '../platform/index.ts';
import { beijingIso } from '../shared/beijing-time.ts';
import { isObject } from '../shared/json-shape.ts';
import type { PublishStatus } from '../wechat/index.ts';
import type { RunContext } from './context.ts';
import type { WriteReceipts } from './drafts.ts';
import { PublishStop } from './stop.ts';
import type { UnitState } from './unit-state.ts';
import { errorKind } from './wechat-errors.ts';

/** What publishing needs next: submit, look for a submit whose answer was lost, poll a job, or nothing. */
export type SubmitStep = 'submit' | 'look' | 'poll' | 'done' | 'gone';

export function submitStep(state: UnitState): SubmitStep {
  if (state.stage === 'published') return 'done';
  if (state.stage === 'gone') return 'gone';
  if (state.publishId && (state.stage === 'publishing' || state.stage === 'submitting')) return 'poll';
  return state.stage === 'submitting' ? 'look' : 'submit';
}

/** Waits between polls of `freepublish/get`, then every 30 s: about ten minutes in all before leaving it to a re-run. */
export const pollDelays: readonly number[] = [2_000, 4_000, 8_000, 15_000, ...Array.from({ length: 19 }, () => 30_000)];

export interface PublishOutcome {
  state: PublishState | 'submitting';
  /** In Chinese, naming the articles. */
  text: string;
}

/**
 * `freepublish/submit` once (recorded as `submitting` first, so a killed run looks before submitting again), then
 * `freepublish/get` with backoff until a final state, each status said in Chinese; the receipts follow every change.
 */
export async function submitAndPoll(ctx: RunContext, lead: string, mediaId: string, state: UnitState, titles: readonly string[], write: WriteReceipts): Promise<PublishOutcome> {
  const named = titles.map((t) => `「${t}」`).join('');
  let step = submitStep(state);
  if (step === 'done') return { state: 'published', text: `${named}已经发表过了。` };
  if (step === 'gone') return { state: 'deleted', text: `${named}发表后已被删除或封禁，不再发布。` };
  let publishId = state.publishId;
  if (step === 'look') {
    const found = await lookForSubmit(ctx, lead, titles, state.submittedAt ?? beijingIso(ctx.clock.now()));
    if (found === 'not-submitted') step = 'submit';
    else return finish(ctx, titles, write, { publish_id: '', publish_status: 0, article_id: found.article_id, articles: found.urls.map((article_url, i) => ({ idx: i + 1, article_url })), fail_idx: [] });
  }
  if (step === 'submit') {
    const submitted_at = beijingIso(ctx.clock.now());
    await write((current) => ({ ...current, state: 'submitting', draft_media_id: mediaId, submitted_at, publish_id: undefined, fail_reason: undefined }));
    ctx.called({ endpoint: wechatEndpoints.submitPublish, what: `草稿 ${mediaId}`, file: lead });
    let msgDataId: string | undefined;
    try {
      ({ publish_id: publishId, msg_data_id: msgDataId } = await ctx.client.submitPublish(mediaId));
    } catch (error) {
      if (errorKind(error) === 'uncertain') {
        ctx.say(lead, 'freepublish/submit 没有收到回应：先查一查是否已经提交，不盲目重试。');
        return submitAndPoll(ctx, lead, mediaId, { ...state, stage: 'submitting', submittedAt: submitted_at, publishId: undefined }, titles, write);
      }
      // WeChat said no: nothing was submitted, and the receipt says so again.
      await write((current) => ({ ...current, state: 'drafted', submitted_at: undefined }));
      throw error;
    }
    await write((current) => ({ ...current, state: 'publishing', publish_id: publishId, ...(msgDataId ? { msg_data_id: msgDataId } : {}) }));
    ctx.say(lead, `已提交发表 ${named}，publish_id ${publishId}。`);
  }
  return poll(ctx, lead, publishId!, titles, write);
}

async function poll(ctx: RunContext, lead: string, publishId: string, titles: readonly string[], write: WriteReceipts): Promise<PublishOutcome> {
  const named = titles.map((t) => `「${t}」`).join('');
  for (let attempt = 0; ; attempt++) {
    ctx.called({ endpoint: wechatEndpoints.getPublish, what: `publish_id ${publishId}`, file: lead });
    const status = await ctx.client.getPublishStatus(publishId);
    const meaning = publishStatusMeaning(status.publish_status);
    const wait = pollDelays[attempt];
    if (meaning.final) return finish(ctx, titles, write, status);
    if (wait === undefined) {
      const text = `${named}还在发表中（查询了 ${attempt + 1} 次）。稍后再运行 mpdesk publish --submit 会接着查询，不会重复提交。`;
      ctx.say(lead, text);
      return { state: 'publishing', text };
    }
    ctx.say(lead, `${named}：${meaning.text}（第 ${attempt + 1} 次查询，${wait / 1000} 秒后再查）。`);
    await ctx.clock.sleep(wait);
  }
}

/** Writes the final state into every article's receipt; on success its URL, and `status: published`. */
async function finish(ctx: RunContext, titles: readonly string[], write: WriteReceipts, status: PublishStatus): Promise<PublishOutcome> {
  const meaning = publishStatusMeaning(status.publish_status);
  const now = beijingIso(ctx.clock.now());
  const failed = status.fail_idx.map((i) => `「${titles[i - 1] ?? `第 ${i} 篇`}」`).join('');
  const reason = meaning.state === 'published' ? undefined : `${meaning.text}${failed ? `：${failed}` : ''}`;
  await write((current, index) => {
    const url = status.articles.find((a) => a.idx === index + 1)?.article_url;
    const base = { ...current, state: meaning.state, ...(status.publish_id ? { publish_id: status.publish_id } : {}) };
    if (reason) return { ...base, fail_reason: reason };
    return { ...base, ...(status.article_id ? { article_id: status.article_id } : {}), ...(url ? { url } : {}), published_at: now, fail_reason: undefined };
  }, undefined, meaning.state === 'published' ? 'published' : undefined);
  const named = titles.map((t) => `「${t}」`).join('');
  const text = reason ? `${named}没有发出：${reason}。` : `${named}发表成功：${status.articles.map((a) => a.article_url).join(' ')}`;
  return { state: meaning.state, text };
}

/** A submit not seen in the published list for this long has surely not gone out (publishing takes minutes). */
export const resubmitAfterMs = 60 * 60_000;

/**
 * A submit whose answer was lost, or that a killed run made: looked for in the published list (`freepublish/batchget`),
 * with backoff while it may still be publishing. Submitted again only once it has been missing from that list for an
 * hour: whatever WeChat made of the first submit is settled by then, and a failed one never appears there.
 */
async function lookForSubmit(ctx: RunContext, lead: string, titles: readonly string[], since: string): Promise<{ article_id: string; urls: string[] } | 'not-submitted'> {
  for (let attempt = 0; ; attempt++) {
    const found = await findPublished(ctx, lead, titles, since);
    if (found) return found;
    const waited = ctx.clock.now().getTime() - Date.parse(since);
    if (waited >= resubmitAfterMs) return 'not-submitted';
    const wait = pollDelays[attempt];
    if (wait === undefined) {
      const minutes = Math.ceil((resubmitAfterMs - waited) / 60_000);
      throw new PublishStop(`${since} 的发表提交没有收到回应，已发表列表里还没有它：可能还在发表，也可能没有提交成功。没有重复提交。请在公众号后台「发表记录」查看；再运行 mpdesk publish --submit 会再查一次，${minutes} 分钟后仍查不到才会重新提交。`);
    }
    await ctx.clock.sleep(wait);
  }
}

/** The newest published item with exactly these titles, since `since`, from `freepublish/batchget`. */
async function findPublished(ctx: RunContext, lead: string, titles: readonly string[], since: string): Promise<{ article_id: string; urls: string[] } | undefined> {
  ctx.called({ endpoint: wechatEndpoints.listPublished, what: `查找「${titles[0]}」是否已发表`, file: lead });
  const answer = await ctx.client.post(wechatEndpoints.listPublished, { offset: 0, count: 10, no_content: 1 }, { idempotent: true });
  const after = Date.parse(since) / 1000 - 300;
  for (const item of Array.isArray(answer.item) ? answer.item : []) {
    if (!isObject(item) || typeof item.article_id !== 'string' || typeof item.update_time !== 'number' || item.update_time < after) continue;
    const news = isObject(item.content) && Array.isArray(item.content.news_item) ? item.content.news_item.filter(isObject) : [];
    if (news.length !== titles.length || news.some((n, i) => n.title !== titles[i])) continue;
    return { article_id: item.article_id, urls: news.map((n) => (typeof n.url === 'string' ? n.url : '')) };
  }
  return undefined;
}
