import { randomBytes } from 'node:crypto';
import { isObject } from '../shared/json-shape.ts';
import { FakeDatacube, type FakeEvent, type FakeSend } from './fake-datacube.ts';
import { isCalendarDate } from '../shared/calendar-date.ts';
import {
  datacubeFirstDay,
  datacubeReadyHour,
  datacubeSpans,
  fieldLimits,
  isWechatImage,
  maxBodyImageBytes,
  maxDraftArticles,
  maxDraftListCount,
  maxHtmlBytes,
  maxVisibleChars,
  visibleCharCount,
} from '../platform/index.ts';

/**
 * What the fake WeChat server remembers (materials, drafts, publishes) and how each endpoint answers, with the
 * validations and errcodes the real one documents. HTTP, tokens and faults are fake-server.ts's.
 */

/** A refusal answered as `{errcode, errmsg}`, as WeChat answers every failure. */
export class Refusal {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {}
}

export interface FakeDraft {
  media_id: string;
  /** Articles as stored: external `<img>` removed, as WeChat filters them. */
  articles: Array<Record<string, unknown>>;
  create_time: number;
  update_time: number;
}

export interface FakePublish {
  publish_id: string;
  media_id: string;
  msg_data_id: number;
  /** Polls still to answer 1 (publishing). */
  pollsLeft: number;
  /** Where it ends: 0 published, 2 originality check failed, 3 failed, 4 rejected, 5 deleted, 6 banned. */
  outcome: number;
  fail_idx: number[];
  /** Unix seconds. */
  submit_time: number;
}

export interface FakeUpload {
  filename: string;
  contentType: string;
  size: number;
  url: string;
  media_id?: string;
}

export interface FakeStateOptions {
  /** Field limits the fake enforces (default the platform's: title 32, author 8, digest 120). */
  limits?: { title?: number; author?: number; digest?: number };
  /** false: freepublish and datacube answer 48001, as for an unverified account. */
  verified?: boolean;
  /** false: need_open_comment 1 answers 88000. */
  commentsEnabled?: boolean;
  /** How many polls of freepublish/get answer 1 (publishing) before the publish settles; default 1. */
  publishPolls?: number;
  /** datacube endpoint (`datacube/getarticletotal`) → the rows it lists; rows with `ref_date` are filtered by the dates asked. */
  datacube?: Record<string, Array<Record<string, unknown>>>;
  /** Every datacube endpoint not in `datacube` answers numbers made up from this seed (fake-datacube.ts). */
  datacubeSeed?: number;
  /** With a seed: the mass sends, instead of one or two made-up articles most days. */
  datacubeSends?: FakeSend[];
  /** Days whose made-up numbers carry bought reads, an event's followers or a restricted delivery (fake-datacube.ts). */
  datacubeEvents?: FakeEvent[];
  /** After this many datacube calls every further one answers 45009, as when the day's quota is spent. */
  datacubeQuota?: number;
}

const id = (bytes = 32) => randomBytes(bytes).toString('base64url');
const isFlag = (value: unknown) => value === undefined || value === 0 || value === 1;
const crop = /^(?:0|1|0\.\d{1,6}|1\.0{1,6})(?:_(?:0|1|0\.\d{1,6}|1\.0{1,6})){3}$/;

export class FakeState {
  readonly bodyImages: FakeUpload[] = [];
  readonly materials = new Map<string, FakeUpload>();
  readonly drafts = new Map<string, FakeDraft>();
  readonly publishes = new Map<string, FakePublish>();
  readonly datacube: Map<string, Array<Record<string, unknown>>>;
  /** The made-up statistics, when the options give a seed. */
  readonly generated?: FakeDatacube;
  private datacubeCalls = 0;
  /** The outcome (and fail_idx) the next submitted publishes end in, first first; then 0. */
  readonly outcomes: Array<{ status: number; fail_idx: number[] }> = [];
  private nextPublish = 2_247_483_001;

  constructor(
    private readonly options: FakeStateOptions,
    private readonly clock: () => number,
  ) {
    this.datacube = new Map(Object.entries(options.datacube ?? {}));
    if (options.datacubeSeed !== undefined) this.generated = new FakeDatacube(options.datacubeSeed, options.datacubeSends, options.datacubeEvents);
  }

  private now(): number {
    return Math.floor(this.clock() / 1000);
  }

  uploadImage(file: File | undefined): Record<string, unknown> {
    const upload = this.checkImage(file, maxBodyImageBytes);
    this.bodyImages.push(upload);
    return { url: upload.url };
  }

  addMaterial(type: string | undefined, file: File | undefined): Record<string, unknown> {
    if (type !== 'image') throw new Refusal(40004, 'invalid media type hint: [type=image expected]');
    const upload = { ...this.checkImage(file, 10 * 1024 * 1024), media_id: id() };
    this.materials.set(upload.media_id, upload);
    return { media_id: upload.media_id, url: upload.url, item: [] };
  }

  private checkImage(file: File | undefined, maxBytes: number): FakeUpload {
    if (!file) throw new Refusal(41005, 'media data missing hint: [media field expected]');
    if (file.size > maxBytes) throw new Refusal(40009, 'invalid image size');
    if (file.type !== 'image/jpeg' && file.type !== 'image/png') throw new Refusal(40005, 'invalid file type');
    const format = file.type === 'image/png' ? 'png' : 'jpeg';
    // As the real server: an http:// address on mmbiz.qpic.cn.
    const url = `http://mmbiz.qpic.cn/sz_mmbiz_${format === 'png' ? 'png' : 'jpg'}/${id(24)}/0?wx_fmt=${format}`;
    return { filename: file.name, contentType: file.type, size: file.size, url };
  }

  addDraft(body: Record<string, unknown>): Record<string, unknown> {
    const articles = body.articles;
    if (!Array.isArray(articles) || articles.length === 0) throw new Refusal(44002, 'empty post data hint: [articles expected]');
    if (articles.length > maxDraftArticles) throw new Refusal(45008, 'article size out of limit');
    const stored = articles.map((article) => this.checkArticle(article));
    const draft = { media_id: id(), articles: stored, create_time: this.now(), update_time: this.now() };
    this.drafts.set(draft.media_id, draft);
    return { media_id: draft.media_id };
  }

  updateDraft(body: Record<string, unknown>): Record<string, unknown> {
    const draft = this.draft(body.media_id);
    const index = body.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= draft.articles.length) {
      throw new Refusal(47001, 'data format error hint: [index out of range]');
    }
    draft.articles[index] = this.checkArticle(body.articles);
    draft.update_time = this.now();
    return {};
  }

  getDraft(body: Record<string, unknown>): Record<string, unknown> {
    const draft = this.draft(body.media_id);
    return { news_item: draft.articles.map((article) => this.shown(article, draft, true)), create_time: draft.create_time, update_time: draft.update_time };
  }

  listDrafts(body: Record<string, unknown>): Record<string, unknown> {
    const { offset, count } = body;
    if (typeof offset !== 'number' || offset < 0 || typeof count !== 'number' || count < 1 || count > maxDraftListCount) {
      throw new Refusal(47001, 'data format error hint: [offset >= 0, count 1..20]');
    }
    const newest = [...this.drafts.values()].reverse().sort((a, b) => b.update_time - a.update_time);
    const page = newest.slice(offset, offset + count);
    const withContent = body.no_content !== 1;
    return {
      total_count: newest.length,
      item_count: page.length,
      item: page.map((draft) => ({
        media_id: draft.media_id,
        content: { news_item: draft.articles.map((article) => this.shown(article, draft, withContent)), create_time: draft.create_time, update_time: draft.update_time },
        update_time: draft.update_time,
      })),
    };
  }

  private draft(mediaId: unknown): FakeDraft {
    const draft = typeof mediaId === 'string' ? this.drafts.get(mediaId) : undefined;
    if (!draft) throw new Refusal(40007, 'invalid media_id');
    return draft;
  }

  private shown(article: Record<string, unknown>, draft: FakeDraft, withContent: boolean): Record<string, unknown> {
    const { content, ...rest } = article;
    const thumb = typeof article.thumb_media_id === 'string' ? this.materials.get(article.thumb_media_id)?.url : undefined;
    const url = `https://mp.weixin.qq.com/s?__biz=MzA5&mid=${draft.create_time}&tempkey=${draft.media_id.slice(0, 12)}`;
    return { ...rest, ...(withContent ? { content } : {}), url, thumb_url: thumb ?? '' };
  }

  /** The real draft API's checks, in its own errcodes; external images are dropped, not refused. */
  private checkArticle(value: unknown): Record<string, unknown> {
    if (!isObject(value)) throw new Refusal(47001, 'data format error hint: [article object expected]');
    const limits = { ...fieldLimits, ...this.options.limits };
    const { title, author, digest, content, content_source_url: source, thumb_media_id: thumb } = value;
    if (typeof title !== 'string' || title === '' || [...title].length > limits.title) throw new Refusal(45003, 'title size out of limit');
    if (author !== undefined && (typeof author !== 'string' || [...author].length > limits.author)) throw new Refusal(45110, 'author size out of limit');
    if (digest !== undefined && (typeof digest !== 'string' || [...digest].length > limits.digest)) throw new Refusal(45004, 'description size out of limit');
    if (typeof content !== 'string' || content.trim() === '') throw new Refusal(44004, 'empty content');
    if (visibleCharCount(content.replace(/<[^>]*>/g, '')) >= maxVisibleChars || Buffer.byteLength(content) >= maxHtmlBytes) {
      throw new Refusal(45002, 'content size out of limit');
    }
    if (source !== undefined && (typeof source !== 'string' || Buffer.byteLength(source) > 1024)) throw new Refusal(45005, 'content_source_url size out of limit');
    if (typeof thumb !== 'string' || !this.materials.has(thumb)) throw new Refusal(40007, 'invalid media_id hint: [thumb_media_id]');
    if (!isFlag(value.need_open_comment) || !isFlag(value.only_fans_can_comment)) throw new Refusal(47001, 'data format error hint: [comment flags 0 or 1]');
    if (value.need_open_comment === 1 && this.options.commentsEnabled === false) throw new Refusal(88000, 'without comment privilege');
    for (const field of ['pic_crop_235_1', 'pic_crop_1_1'] as const) {
      const given = value[field];
      if (given !== undefined && (typeof given !== 'string' || !crop.test(given))) throw new Refusal(47001, `data format error hint: [${field}]`);
    }
    return { ...value, content: content.replace(/<img\b[^>]*>/gi, (tag) => (isWechatImage(/\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1] ?? '') ? tag : '')) };
  }

  submitPublish(body: Record<string, unknown>): Record<string, unknown> {
    if (this.options.verified === false) throw new Refusal(48001, 'api unauthorized');
    const draft = this.draft(body.media_id);
    const settle = this.outcomes.shift() ?? { status: 0, fail_idx: [] };
    const number = this.nextPublish++;
    const publish: FakePublish = {
      publish_id: String(number),
      media_id: draft.media_id,
      msg_data_id: number + 1000,
      pollsLeft: this.options.publishPolls ?? 1,
      outcome: settle.status,
      fail_idx: settle.fail_idx,
      submit_time: this.now(),
    };
    this.publishes.set(publish.publish_id, publish);
    return { errcode: 0, errmsg: 'ok', publish_id: publish.publish_id, msg_data_id: publish.msg_data_id };
  }

  getPublish(body: Record<string, unknown>): Record<string, unknown> {
    const publish = typeof body.publish_id === 'string' ? this.publishes.get(body.publish_id) : undefined;
    if (!publish) throw new Refusal(40007, 'invalid publish_id');
    if (publish.pollsLeft > 0) {
      publish.pollsLeft--;
      return { publish_id: publish.publish_id, publish_status: 1, fail_idx: [] };
    }
    if (publish.outcome !== 0) return { publish_id: publish.publish_id, publish_status: publish.outcome, fail_idx: publish.fail_idx };
    const count = this.drafts.get(publish.media_id)?.articles.length ?? 1;
    const item = Array.from({ length: count }, (_, index) => ({ idx: index + 1, article_url: `https://mp.weixin.qq.com/s/${publish.publish_id}-${index + 1}` }));
    return { publish_id: publish.publish_id, publish_status: 0, article_id: `ARTICLE_${publish.publish_id}`, article_detail: { count, item }, fail_idx: [] };
  }

  /** `freepublish/batchget`: the publishes that succeeded, newest first, as WeChat lists them (at once, here). */
  listPublished(body: Record<string, unknown>): Record<string, unknown> {
    const { offset, count } = body;
    if (typeof offset !== 'number' || offset < 0 || typeof count !== 'number' || count < 1 || count > maxDraftListCount) {
      throw new Refusal(47001, 'data format error hint: [offset >= 0, count 1..20]');
    }
    const done = [...this.publishes.values()].filter((p) => p.outcome === 0).reverse();
    const withContent = body.no_content !== 1;
    return {
      total_count: done.length,
      item_count: Math.min(count, Math.max(0, done.length - offset)),
      item: done.slice(offset, offset + count).map((publish) => {
        const draft = this.drafts.get(publish.media_id);
        const news_item = (draft?.articles ?? []).map((article, index) => ({
          ...this.shown(article, draft!, withContent),
          url: `https://mp.weixin.qq.com/s/${publish.publish_id}-${index + 1}`,
          is_deleted: false,
        }));
        return { article_id: `ARTICLE_${publish.publish_id}`, content: { news_item, create_time: publish.submit_time, update_time: publish.submit_time }, update_time: publish.submit_time };
      }),
    };
  }

  /**
   * A statistics call as WeChat answers it: 61500 for a date that is not yyyy-MM-dd, 61501 for a range that is
   * reversed, longer than the endpoint's span, before 2014-12-01, or reaching today (or yesterday before 08:00).
   */
  datacubeRows(endpoint: string, body: Record<string, unknown>): Record<string, unknown> {
    if (this.options.verified === false) throw new Refusal(48001, 'api unauthorized');
    if (this.options.datacubeQuota !== undefined && ++this.datacubeCalls > this.options.datacubeQuota) throw new Refusal(45009, 'reach max api daily quota limit');
    const span = datacubeSpans[endpoint] ?? 1;
    const { begin_date: begin, end_date: end } = body;
    if (typeof begin !== 'string' || typeof end !== 'string' || !isCalendarDate(begin) || !isCalendarDate(end)) throw new Refusal(61500, 'date format error');
    const days = (Date.parse(end) - Date.parse(begin)) / 86_400_000;
    const beijing = new Date(this.clock() + 8 * 3_600_000);
    const lastReady = new Date(beijing.getTime() - (beijing.getUTCHours() < datacubeReadyHour ? 2 : 1) * 86_400_000).toISOString().slice(0, 10);
    if (!(days >= 0) || days > span - 1 || begin < datacubeFirstDay || end > lastReady) throw new Refusal(61501, 'date range error');
    const given = this.datacube.get(endpoint);
    if (given || !this.generated) return { list: (given ?? []).filter((row) => typeof row.ref_date !== 'string' || (row.ref_date >= begin && row.ref_date <= end)) };
    const list = [];
    for (let day = begin; day <= end; day = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10)) list.push(...this.generated.rows(endpoint, day, lastReady));
    return { list };
  }
}
