import { isObject } from '../shared/json-shape.ts';
import { WechatError } from './errors.ts';
import type { DraftInfo, PublishStatus } from './types.ts';

/** WeChat's answers read into the contract's types; a field missing where WeChat promises it is an `api` error. */

function missing(endpoint: string, field: string): WechatError {
  return new WechatError('api', `微信接口 ${endpoint} 的回答缺少 ${field}`, '微信的回答格式可能变了：请报告这个问题。', { endpoint });
}

/** A string field; ids WeChat sometimes sends as numbers (publish_id, msg_data_id) are read as their digits. */
export function stringField(body: Record<string, unknown>, field: string, endpoint: string): string {
  const value = body[field];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw missing(endpoint, field);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** uploadimg and add_material answer with http:// image URLs; the editor and every browser want https. */
export function httpsUrl(url: string): string {
  return url.replace(/^http:\/\//i, 'https://');
}

function draftArticles(newsItems: unknown): DraftInfo['articles'] {
  if (!Array.isArray(newsItems)) return [];
  return newsItems.filter(isObject).map((item) => {
    const article: DraftInfo['articles'][number] = { title: optionalString(item.title) ?? '' };
    for (const field of ['author', 'digest', 'content', 'url'] as const) {
      const value = optionalString(item[field]);
      if (value !== undefined) article[field] = value;
    }
    return article;
  });
}

/** `draft/get` answers `{news_item}` only; the time is WeChat's if it gives one, else 0. */
export function draftFromGet(mediaId: string, body: Record<string, unknown>, endpoint: string): DraftInfo {
  if (!Array.isArray(body.news_item)) throw missing(endpoint, 'news_item');
  return { media_id: mediaId, update_time: typeof body.update_time === 'number' ? body.update_time : 0, articles: draftArticles(body.news_item) };
}

/** `draft/batchget`: `{total_count, item: [{media_id, content: {news_item}, update_time}]}`. */
export function draftList(body: Record<string, unknown>, endpoint: string): { total_count: number; items: DraftInfo[] } {
  if (typeof body.total_count !== 'number') throw missing(endpoint, 'total_count');
  const items = (Array.isArray(body.item) ? body.item : []).filter(isObject).map((item) => ({
    media_id: stringField(item, 'media_id', endpoint),
    update_time: typeof item.update_time === 'number' ? item.update_time : 0,
    articles: draftArticles(isObject(item.content) ? item.content.news_item : undefined),
  }));
  return { total_count: body.total_count, items };
}

const publishStatuses = [0, 1, 2, 3, 4, 5, 6] as const;

/** `freepublish/get`: the status, and on success `article_detail.item[]` with each article's URL. */
export function publishStatus(body: Record<string, unknown>, endpoint: string): PublishStatus {
  const status = publishStatuses.find((known) => known === body.publish_status);
  if (status === undefined) throw missing(endpoint, 'publish_status（0 到 6）');
  const detail = isObject(body.article_detail) && Array.isArray(body.article_detail.item) ? body.article_detail.item : [];
  const articles = detail.filter(isObject).flatMap((item) => {
    const url = optionalString(item.article_url);
    return typeof item.idx === 'number' && url ? [{ idx: item.idx, article_url: url }] : [];
  });
  const articleId = optionalString(body.article_id);
  return {
    publish_id: stringField(body, 'publish_id', endpoint),
    publish_status: status,
    ...(articleId ? { article_id: articleId } : {}),
    articles,
    fail_idx: Array.isArray(body.fail_idx) ? body.fail_idx.filter((index): index is number => typeof index === 'number') : [],
  };
}
