import { createHash } from 'node:crypto';
import type { DraftArticle, DraftInfo, PublishStatus, UploadFile, WechatClient, WechatErrorKind } from '../wechat/types.ts';

/**
 * A WeChat account held in memory, for publish's tests until the real client and its fake server are on main. It
 * keeps state as WeChat does: body images, permanent materials, drafts, publish jobs that are `publishing` for a few polls and then final. It can be told to fail: an error of a given
 * kind on a call, or a call that takes effect and then loses its answer (`uncertain`), or a crash after a call.
 */
export type MemoryCall = 'uploadBodyImage' | 'addImageMaterial' | 'addDraft' | 'updateDraft' | 'getDraft' | 'listDrafts' | 'submitPublish' | 'getPublishStatus' | 'post';

/** A failure a test asks for: thrown instead of answering (`before`), or after the call took effect (`after`). */
export interface PlannedFailure {
  call: MemoryCall;
  /** Which call of that kind, from 1; default the next one. */
  nth?: number;
  kind: WechatErrorKind;
  when?: 'before' | 'after';
  message?: string;
}

/** What the real client throws: a message and the kind the caller acts on. */
export class MemoryWechatError extends Error {
  override name = 'WechatError';
  constructor(
    readonly kind: WechatErrorKind,
    message: string,
  ) {
    super(message);
  }
}

interface Job {
  publish_id: string;
  media_id: string;
  articles: DraftArticle[];
  polls: number;
  article_id: string;
  submitted: number;
}

export class MemoryWechat implements WechatClient {
  readonly calls: Array<{ call: MemoryCall; detail?: string }> = [];
  readonly bodyImages = new Map<string, string>();
  readonly materials = new Map<string, { url: string; sha256: string }>();
  readonly drafts = new Map<string, DraftInfo & { full: DraftArticle[] }>();
  readonly jobs = new Map<string, Job>();
  /** Published articles, as `freepublish/batchget` lists them. */
  readonly published: Array<{ article_id: string; update_time: number; titles: string[]; urls: string[] }> = [];
  private failures: PlannedFailure[] = [];
  private crashAt?: number;
  private callNumber = 0;
  private counts = new Map<MemoryCall, number>();
  private serial = 0;

  constructor(
    /** How many polls a job stays at publish_status 1; then `finalStatus`. */
    private readonly pollsUntilFinal = 1,
    private readonly finalStatus: PublishStatus['publish_status'] = 0,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Fails a call as planned; each planned failure happens once. */
  fail(failure: PlannedFailure): this {
    this.failures.push(failure);
    return this;
  }

  /** The process "dies" as the `n`th call (from 1, any kind) is about to be sent: it throws, and nothing happens. */
  crashBefore(n: number | undefined): this {
    this.crashAt = n;
    this.callNumber = 0;
    return this;
  }

  count(call: MemoryCall): number {
    return this.calls.filter((c) => c.call === call).length;
  }

  private async run<T>(call: MemoryCall, detail: string | undefined, work: () => T): Promise<T> {
    if (++this.callNumber === this.crashAt) throw new Error(`模拟进程在第 ${this.crashAt} 次调用（${call}）前被杀`);
    const nth = (this.counts.get(call) ?? 0) + 1;
    this.counts.set(call, nth);
    const planned = this.failures.find((f) => f.call === call && (f.nth === undefined || f.nth === nth));
    if (planned) this.failures.splice(this.failures.indexOf(planned), 1);
    const thrown = planned && new MemoryWechatError(planned.kind, planned.message ?? `模拟的 ${call} 失败（${planned.kind}）`);
    if (thrown && planned.when !== 'after') throw thrown;
    this.calls.push({ call, ...(detail ? { detail } : {}) });
    const result = work();
    if (thrown) throw thrown;
    return result;
  }

  private id(prefix: string): string {
    return `${prefix}_${String(++this.serial).padStart(4, '0')}`;
  }

  uploadBodyImage(file: UploadFile): Promise<{ url: string }> {
    return this.run('uploadBodyImage', file.filename, () => {
      if (file.bytes.length >= 1024 * 1024) throw new MemoryWechatError('api', '40005 图片超过 1 MB');
      const hash = sha256(file.bytes);
      const url = `https://mmbiz.qpic.cn/mmbiz_${file.contentType === 'image/png' ? 'png' : 'jpg'}/${hash.slice(0, 24)}/0?wx_fmt=${file.contentType === 'image/png' ? 'png' : 'jpeg'}`;
      this.bodyImages.set(url, hash);
      return { url };
    });
  }

  addImageMaterial(file: UploadFile): Promise<{ media_id: string; url: string }> {
    return this.run('addImageMaterial', file.filename, () => {
      const media_id = this.id('MATERIAL');
      const url = `https://mmbiz.qpic.cn/mmbiz_jpg/${media_id}/0?wx_fmt=jpeg`;
      this.materials.set(media_id, { url, sha256: sha256(file.bytes) });
      return { media_id, url };
    });
  }

  addDraft(articles: DraftArticle[]): Promise<{ media_id: string }> {
    return this.run('addDraft', articles.map((a) => a.title).join('、'), () => {
      if (articles.length > 8) throw new MemoryWechatError('api', '45008 草稿超过 8 篇');
      for (const article of articles) this.checkArticle(article);
      const media_id = this.id('DRAFT');
      this.drafts.set(media_id, { media_id, update_time: this.seconds(), articles: articles.map(summary), full: articles.map((a) => ({ ...a })) });
      return { media_id };
    });
  }

  updateDraft(mediaId: string, index: number, article: DraftArticle): Promise<void> {
    return this.run('updateDraft', `${mediaId}#${index}`, () => {
      const draft = this.drafts.get(mediaId);
      if (!draft || index >= draft.full.length) throw new MemoryWechatError('api', '40007 无效的 media_id');
      this.checkArticle(article);
      draft.full[index] = { ...article };
      draft.articles[index] = summary(article);
      draft.update_time = this.seconds();
    });
  }

  getDraft(mediaId: string): Promise<DraftInfo | undefined> {
    return this.run('getDraft', mediaId, () => {
      const draft = this.drafts.get(mediaId);
      return draft && { media_id: draft.media_id, update_time: draft.update_time, articles: draft.full.map((a) => ({ ...summary(a), content: a.content })) };
    });
  }

  listDrafts(offset: number, count: number): Promise<{ total_count: number; items: DraftInfo[] }> {
    return this.run('listDrafts', undefined, () => {
      const all = [...this.drafts.values()].sort((a, b) => b.update_time - a.update_time || b.media_id.localeCompare(a.media_id));
      return { total_count: all.length, items: all.slice(offset, offset + count).map(({ media_id, update_time, articles }) => ({ media_id, update_time, articles })) };
    });
  }

  submitPublish(mediaId: string): Promise<{ publish_id: string; msg_data_id?: string }> {
    return this.run('submitPublish', mediaId, () => {
      const draft = this.drafts.get(mediaId);
      if (!draft) throw new MemoryWechatError('api', '40007 无效的 media_id');
      const publish_id = String(2247483000 + ++this.serial);
      this.jobs.set(publish_id, { publish_id, media_id: mediaId, articles: draft.full, polls: 0, article_id: this.id('ARTICLE'), submitted: this.seconds() });
      return { publish_id, msg_data_id: String(Number(publish_id) + 1000) };
    });
  }

  getPublishStatus(publishId: string): Promise<PublishStatus> {
    return this.run('getPublishStatus', publishId, () => {
      const job = this.jobs.get(publishId);
      if (!job) throw new MemoryWechatError('api', '40007 无效的 publish_id');
      job.polls++;
      if (job.polls <= this.pollsUntilFinal) return { publish_id: publishId, publish_status: 1, articles: [], fail_idx: [] };
      const ok = this.finalStatus === 0;
      if (ok && !this.published.some((p) => p.article_id === job.article_id)) {
        this.published.push({ article_id: job.article_id, update_time: this.seconds(), titles: job.articles.map((a) => a.title), urls: job.articles.map((_, i) => this.articleUrl(job, i)) });
      }
      return {
        publish_id: publishId,
        publish_status: this.finalStatus,
        ...(ok ? { article_id: job.article_id } : {}),
        articles: ok ? job.articles.map((_, i) => ({ idx: i + 1, article_url: this.articleUrl(job, i) })) : [],
        fail_idx: this.finalStatus === 2 || this.finalStatus === 4 ? [1] : [],
      };
    });
  }

  post(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.run('post', path, () => {
      if (path !== 'cgi-bin/freepublish/batchget') throw new MemoryWechatError('api', `48001 未实现 ${path}`);
      const offset = Number(body.offset ?? 0);
      const count = Number(body.count ?? 20);
      const items = [...this.published].reverse().slice(offset, offset + count);
      return {
        total_count: this.published.length,
        item_count: items.length,
        item: items.map((p) => ({ article_id: p.article_id, update_time: p.update_time, content: { news_item: p.titles.map((title, i) => ({ title, url: p.urls[i] })) } })),
      };
    });
  }

  private articleUrl(job: Job, index: number): string {
    return `https://mp.weixin.qq.com/s/${job.article_id}_${index + 1}`;
  }

  private seconds(): number {
    return Math.floor(this.clock() / 1000);
  }

  /** What WeChat refuses in an article: images off its host, a cover that is not permanent material. */
  private checkArticle(article: DraftArticle): void {
    if (!this.materials.has(article.thumb_media_id)) throw new MemoryWechatError('api', '40007 thumb_media_id 不是永久素材');
    for (const match of article.content.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)) {
      if (!this.bodyImages.has(match[1]!.replace(/&amp;/g, '&'))) throw new MemoryWechatError('api', `图片不在微信上，会被过滤：${match[1]}`);
    }
  }
}

function summary(article: DraftArticle): DraftInfo['articles'][number] {
  return { title: article.title, ...(article.author ? { author: article.author } : {}), ...(article.digest ? { digest: article.digest } : {}) };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
