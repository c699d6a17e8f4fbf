/**
 * The contract between the WeChat API client (this folder) and the stages that use it (publish, metrics).
 * Plain data in WeChat's own field names where the API defines them, so receipts and ledgers can store them.
 */

/** One article of a draft, as `draft/add` and `draft/update` take it. */
export interface DraftArticle {
  title: string;
  author?: string;
  digest?: string;
  /** The HTML fragment; every `<img>` already on an mmbiz.qpic.cn URL. */
  content: string;
  content_source_url?: string;
  /** A permanent media id from `material/add_material`. */
  thumb_media_id: string;
  need_open_comment?: 0 | 1;
  only_fans_can_comment?: 0 | 1;
  /** "X1_Y1_X2_Y2" in 0..1 coordinates. */
  pic_crop_235_1?: string;
  pic_crop_1_1?: string;
}

/** A draft as `draft/get` and `draft/batchget` describe it. */
export interface DraftInfo {
  media_id: string;
  /** Unix seconds. */
  update_time: number;
  articles: Array<{ title: string; author?: string; digest?: string; content?: string; url?: string }>;
}

/** `freepublish/get`: 0 ok, 1 publishing, 2 originality check failed, 3 failed, 4 rejected, 5 deleted, 6 banned. */
export interface PublishStatus {
  publish_id: string;
  publish_status: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  article_id?: string;
  /** Present on success, one per article of the draft, in order. */
  articles: Array<{ idx: number; article_url: string }>;
  /** For status 2 and 4: the indexes of the articles that failed. */
  fail_idx: number[];
}

/** A file to upload, already processed (JPEG or PNG, body images under 1 MB). */
export interface UploadFile {
  bytes: Uint8Array;
  filename: string;
  contentType: 'image/jpeg' | 'image/png';
}

export interface WechatClient {
  /** `media/uploadimg`: a body image; the URL is https. */
  uploadBodyImage(file: UploadFile): Promise<{ url: string }>;
  /** `material/add_material?type=image`: a permanent image (the cover). */
  addImageMaterial(file: UploadFile): Promise<{ media_id: string; url: string }>;
  /** `draft/add`. Never retried blindly: on an unknown outcome it throws WechatError kind `uncertain`. */
  addDraft(articles: DraftArticle[]): Promise<{ media_id: string }>;
  /** `draft/update`, one article of a draft (index from 0). */
  updateDraft(mediaId: string, index: number, article: DraftArticle): Promise<void>;
  /** `draft/get`; undefined when WeChat says there is no such draft. */
  getDraft(mediaId: string): Promise<DraftInfo | undefined>;
  /** `draft/batchget` (no_content: 1), newest first, for looking before repeating an add. */
  listDrafts(offset: number, count: number): Promise<{ total_count: number; items: DraftInfo[] }>;
  /**
   * `freepublish/submit`. Never retried blindly: on an unknown outcome it throws WechatError kind `uncertain`.
   * `msg_data_id` when WeChat gives it (the datacube endpoints' `msgid` is `<msg_data_id>_<index>`).
   */
  submitPublish(mediaId: string): Promise<{ publish_id: string; msg_data_id?: string }>;
  /** `freepublish/get`. */
  getPublishStatus(publishId: string): Promise<PublishStatus>;
  /** Any other POST endpoint under cgi-bin/ or datacube/ with a JSON body (the metrics issue uses this). */
  post(path: string, body: Record<string, unknown>, options?: { idempotent: boolean }): Promise<Record<string, unknown>>;
}

/**
 * What went wrong, as the caller must act on it.
 * - `ip-not-allowed` 40164, `quota-daily` 45009, `not-permitted` 48001: stop, say `advice`.
 * - `uncertain`: a call that creates something lost its answer; look (listDrafts, getPublishStatus) before repeating.
 * - `api`: any other errcode; `network`: retries exhausted.
 */
export type WechatErrorKind = 'ip-not-allowed' | 'quota-daily' | 'not-permitted' | 'uncertain' | 'api' | 'network' | 'credentials';
