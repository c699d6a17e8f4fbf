import { setTimeout as delay } from 'node:timers/promises';
import { appIdPattern, defaultSecretEnv, wechatApiBase, wechatApiBaseEnv, wechatEndpoints as api } from '../platform/index.ts';
import { UsageError } from '../shared/path-filter.ts';
import { call, type CallContext, type CallSpec } from './call.ts';
import { Redactor, WechatError } from './errors.ts';
import { draftFromGet, draftList, httpsUrl, publishStatus, stringField } from './responses.ts';
import { TokenSource } from './token.ts';
import { tokenCachePath, type CachedToken } from './token-cache.ts';
import type { DraftArticle, UploadFile, WechatClient } from './types.ts';

export interface WechatClientOptions {
  appid: string;
  secret: string;
  /** The repository's `.cache/mpdesk/` (git-ignored): the token is cached there, mode 600. */
  cacheDir: string;
  /** Default: `MPDESK_WECHAT_API_BASE`, else https://api.weixin.qq.com. */
  baseUrl?: string;
  /** The environment variable the secret came from, named in advice (default WECHAT_APPSECRET). */
  secretEnv?: string;
  /** Progress a person should see: waits, retries, a token that could not be cached. Never holds a secret. */
  log?: (line: string) => void;
  /** For tests: another fetch, clock (ms since the epoch) and sleep, so backoff does not really wait. */
  fetch?: typeof globalThis.fetch;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Per request; default 60 s (uploads of a 10 MB cover included). */
  timeoutMs?: number;
  /** Retries of a lost answer of an idempotent call (default 3), waiting 1 s, 2 s, 4 s (retryDelayMs doubling). */
  retries?: number;
  retryDelayMs?: number;
}

const apiPath = /^(?:cgi-bin|datacube)\/[A-Za-z0-9_/]+$/;

/** The one WeChat API client: token cache, retries, error meanings. See types.ts for what each method does. */
export function createWechatClient(options: WechatClientOptions): WechatClient {
  const context = callContext(options);
  const json = (endpoint: string, body: unknown, idempotent: boolean) => call(context, { endpoint, body: JSON.stringify(body), idempotent, withToken: true });

  return {
    async uploadBodyImage(file) {
      const body = await call(context, upload(api.uploadImage, file));
      return { url: httpsUrl(stringField(body, 'url', api.uploadImage)) };
    },
    async addImageMaterial(file) {
      const body = await call(context, { ...upload(api.addMaterial, file), query: { type: 'image' } });
      return { media_id: stringField(body, 'media_id', api.addMaterial), url: httpsUrl(stringField(body, 'url', api.addMaterial)) };
    },
    async addDraft(articles) {
      const body = await json(api.addDraft, { articles }, false);
      return { media_id: stringField(body, 'media_id', api.addDraft) };
    },
    async updateDraft(mediaId: string, index: number, article: DraftArticle) {
      // Replacing an article with the same text twice leaves the same draft: safe to repeat.
      await json(api.updateDraft, { media_id: mediaId, index, articles: article }, true);
    },
    async getDraft(mediaId) {
      try {
        return draftFromGet(mediaId, await json(api.getDraft, { media_id: mediaId }, true), api.getDraft);
      } catch (error) {
        if (error instanceof WechatError && error.errcode === 40007) return undefined;
        throw error;
      }
    },
    async listDrafts(offset, count) {
      return draftList(await json(api.listDrafts, { offset, count, no_content: 1 }, true), api.listDrafts);
    },
    async submitPublish(mediaId) {
      const body = await json(api.submitPublish, { media_id: mediaId }, false);
      const msgDataId = body.msg_data_id === undefined ? undefined : stringField(body, 'msg_data_id', api.submitPublish);
      return { publish_id: stringField(body, 'publish_id', api.submitPublish), ...(msgDataId ? { msg_data_id: msgDataId } : {}) };
    },
    async getPublishStatus(publishId) {
      return publishStatus(await json(api.getPublish, { publish_id: publishId }, true), api.getPublish);
    },
    async post(path, body, callOptions) {
      if (!apiPath.test(path)) throw new WechatError('api', `不支持的微信接口路径：${path}`, '路径应以 cgi-bin/ 或 datacube/ 开头，如 datacube/getarticletotal。');
      // Statistics are reads; anything else may create something, so it is not repeated unless the caller says so.
      return json(path, body, callOptions?.idempotent ?? path.startsWith('datacube/'));
    },
  };
}

function upload(endpoint: string, file: UploadFile): CallSpec {
  const form = new FormData();
  // A copy: Blob takes bytes on an ArrayBuffer only, and the caller's may sit on a shared one.
  form.append('media', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.filename);
  // Uploading the same image twice costs a second copy on WeChat, never a wrong article: safe to repeat.
  return { endpoint, body: form, idempotent: true, withToken: true };
}

function callContext(options: WechatClientOptions): CallContext {
  if (!appIdPattern.test(options.appid)) {
    throw new WechatError('credentials', `AppID “${options.appid}” 格式不对`, 'AppID 是 wx 加 16 位十六进制（公众号后台“设置与开发 → 基本配置”），写在 account.yaml 的 wechat.appid。');
  }
  const redactor = new Redactor();
  redactor.add(options.secret);
  const clock = options.clock ?? Date.now;
  const log = options.log ?? (() => {});
  const context: CallContext = {
    http: { baseUrl: apiBase(options.baseUrl ?? process.env[wechatApiBaseEnv]), fetch: options.fetch ?? globalThis.fetch, timeoutMs: options.timeoutMs ?? 60_000 },
    tokens: new TokenSource({
      appid: options.appid,
      cacheFile: tokenCachePath(options.cacheDir, options.appid),
      clock,
      fetchToken: () => fetchToken(context, options),
      onCacheWriteError: (error) => log(`无法缓存 access_token（${error instanceof Error ? error.message : String(error)}），本次照常进行`),
    }),
    redactor,
    clock,
    sleep: options.sleep ?? ((ms) => delay(ms)),
    log,
    retries: options.retries ?? 3,
    retryDelayMs: options.retryDelayMs ?? 1000,
    secretEnv: options.secretEnv ?? defaultSecretEnv,
  };
  return context;
}

async function fetchToken(context: CallContext, options: WechatClientOptions): Promise<CachedToken> {
  const body = JSON.stringify({ grant_type: 'client_credential', appid: options.appid, secret: options.secret, force_refresh: false });
  const answer = await call(context, { endpoint: api.stableToken, body, idempotent: true, withToken: false });
  const accessToken = stringField(answer, 'access_token', api.stableToken);
  context.redactor.add(accessToken);
  const seconds = answer.expires_in;
  if (typeof seconds !== 'number' || !(seconds > 0)) throw new WechatError('api', `微信接口 ${api.stableToken} 的回答缺少 expires_in`, '微信的回答格式可能变了：请报告这个问题。');
  return { accessToken, expiresAt: context.clock() + seconds * 1000 };
}

/**
 * The API's base URL without a trailing slash. Plain http only to this machine (the fake server, a local tunnel):
 * the AppSecret and the token travel in every request.
 */
function apiBase(configured: string | undefined): string {
  const value = configured?.trim() || wechatApiBase;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${wechatApiBaseEnv} 不是有效的网址：“${value}”。应为 https://… 形式的转发服务地址。`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new UsageError(`${wechatApiBaseEnv} 必须是 https 地址（本机 127.0.0.1 除外）：AppSecret 和 access_token 不能明文传输。现在是 ${url.protocol}//${url.host}。`);
  }
  return value.replace(/\/+$/, '');
}
