/**
 * The WeChat API as data (../shared/WECHAT.md): where it is, its endpoints, its token and quota rules, and what each
 * errcode means and what to do about it. The client (scripts/wechat/) and its fake server both read this table.
 */
import type { WechatErrorKind } from '../wechat/types.ts';

export const wechatApiBase = 'https://api.weixin.qq.com';
/** Overrides the base: a fixed-IP relay (the IP whitelist), or the fake server in tests. */
export const wechatApiBaseEnv = 'MPDESK_WECHAT_API_BASE';
/** Where the AppSecret is when account.yaml names no `wechat.secret_env`. */
export const defaultSecretEnv = 'WECHAT_APPSECRET';
/** The schema's pattern for `wechat.appid`: wx and 16 hex digits. */
export const appIdPattern = /^wx[0-9a-f]{16}$/;

export const wechatEndpoints = {
  stableToken: 'cgi-bin/stable_token',
  uploadImage: 'cgi-bin/media/uploadimg',
  addMaterial: 'cgi-bin/material/add_material',
  addDraft: 'cgi-bin/draft/add',
  updateDraft: 'cgi-bin/draft/update',
  getDraft: 'cgi-bin/draft/get',
  listDrafts: 'cgi-bin/draft/batchget',
  submitPublish: 'cgi-bin/freepublish/submit',
  getPublish: 'cgi-bin/freepublish/get',
  /** The published list, newest first: where a submit whose answer was lost is looked for. */
  listPublished: 'cgi-bin/freepublish/batchget',
} as const;

/** datacube endpoints and the most days one call may span (end_date - begin_date <= days - 1). */
export const datacubeSpans: Readonly<Record<string, number>> = {
  'datacube/getusersummary': 7,
  'datacube/getusercumulate': 7,
  'datacube/getarticlesummary': 1,
  'datacube/getarticletotal': 1,
  'datacube/getuserread': 3,
  'datacube/getuserreadhour': 1,
  'datacube/getusershare': 7,
  'datacube/getusersharehour': 1,
};

/** stable_token returns the same token until 5 minutes before it expires: use a cached one until then. */
export const tokenRefreshMarginMs = 5 * 60_000;
/** Drafts: at most this many articles; `draft/batchget` takes a count of 1 to 20. */
export const maxDraftArticles = 8;
export const maxDraftListCount = 20;
/** 45011 is a per-minute limit: waiting a minute is enough. */
export const minuteQuotaWaitMs = 60_000;

const beijingOffsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;

/** Daily quotas (45009) reset at 00:00 Beijing time: the next such moment after `nowMs`. */
export function nextQuotaReset(nowMs: number): number {
  return Math.floor((nowMs + beijingOffsetMs) / dayMs) * dayMs + dayMs - beijingOffsetMs;
}

/**
 * How the client treats an errcode: `token` refetch the token once and retry, `wait` wait a minute and retry,
 * `busy` WeChat's own "system busy" (retried like a lost answer), `fail` stop with the kind.
 */
export type ErrcodeTreatment = 'token' | 'wait' | 'busy' | 'fail';

export interface ErrcodeFact {
  treatment: ErrcodeTreatment;
  kind: WechatErrorKind;
  /** What WeChat means, in Chinese. */
  meaning: string;
  /** What to do; `{relayEnv}` and `{secretEnv}` are filled in by the client. */
  advice: string;
}

const ipAdvice =
  '在公众号后台“设置与开发 → 基本配置 → IP 白名单”里加入调用方的 IP。GitHub Actions 等托管 CI 的运行机每次 IP 都不同，加不进白名单：' +
  '请准备一个固定 IP 的转发服务（中继），把它的 IP 加入白名单，再设置环境变量 {relayEnv} 指向它（如 https://wx-relay.example.com）。';
const tokenAdvice = '已重新获取 access_token 并重试过一次仍失败：可能有其他程序用 force_refresh 或旧的 token 接口刷新了它，稍后再试。';
const credentialAdvice = '检查 account.yaml 的 wechat.appid，以及环境变量 {secretEnv} 中的 AppSecret（公众号后台“设置与开发 → 基本配置”）。';

function fact(treatment: ErrcodeTreatment, kind: WechatErrorKind, meaning: string, advice = ''): ErrcodeFact {
  return { treatment, kind, meaning, advice };
}

const wechatErrcodes: Readonly<Record<number, ErrcodeFact>> = {
  [-1]: fact('busy', 'api', '微信系统繁忙', '稍后再试。'),
  40001: fact('token', 'api', 'access_token 无效或不是最新的', tokenAdvice),
  40014: fact('token', 'api', 'access_token 不合法', tokenAdvice),
  42001: fact('token', 'api', 'access_token 已过期', tokenAdvice),
  40002: fact('fail', 'api', 'grant_type 不合法'),
  40013: fact('fail', 'credentials', 'AppID 不合法', credentialAdvice),
  40125: fact('fail', 'credentials', 'AppSecret 无效', credentialAdvice),
  41002: fact('fail', 'credentials', '缺少 AppID', credentialAdvice),
  41004: fact('fail', 'credentials', '缺少 AppSecret', credentialAdvice),
  40164: fact('fail', 'ip-not-allowed', '调用方的 IP 不在公众号的 IP 白名单里', ipAdvice),
  89501: fact('fail', 'ip-not-allowed', '这个 IP 的调用正在等管理员确认', '请公众号管理员在微信里确认这个 IP 的调用，或把它加入 IP 白名单。'),
  89503: fact('fail', 'ip-not-allowed', '这个 IP 的调用需要管理员确认', '请公众号管理员在微信里确认这个 IP 的调用，或把它加入 IP 白名单。'),
  89506: fact('fail', 'ip-not-allowed', '24 小时内管理员两次拒绝了这个 IP 的调用', ipAdvice),
  89507: fact('fail', 'ip-not-allowed', '1 小时内管理员拒绝了这个 IP 的调用', ipAdvice),
  45009: fact('fail', 'quota-daily', '今天的接口调用次数已用完', '已完成的部分都已保存；额度在北京时间 00:00 重置，{resumeAt} 之后重新运行即可接着做。'),
  45011: fact('wait', 'api', '调用太频繁，超过了每分钟的限额', '等一会儿再运行。'),
  48001: fact('fail', 'not-permitted', '账号没有这个接口的权限', '发布和数据统计接口只对认证过的公众号开放：完成微信认证，或在公众号后台手动操作（数据可从后台导出 Excel）。'),
  40007: fact('fail', 'api', 'media_id 无效（素材或草稿不存在）'),
  40005: fact('fail', 'api', '文件类型不支持', '正文图片和封面只能是 JPEG 或 PNG。'),
  40009: fact('fail', 'api', '图片文件太大', '正文图片须小于 1 MB，封面须小于 10 MB。'),
  41005: fact('fail', 'api', '缺少上传的文件'),
  44002: fact('fail', 'api', '请求内容为空'),
  47001: fact('fail', 'api', '请求内容不是微信能解析的 JSON'),
  45002: fact('fail', 'api', '正文太长', '正文须少于 2 万字符、小于 1 MB。'),
  45003: fact('fail', 'api', '标题太长', '缩短标题（默认上限 32 字，见 account.yaml 的 limits.title）。'),
  45004: fact('fail', 'api', '摘要太长', '缩短摘要（默认上限 120 字，见 account.yaml 的 limits.digest）。'),
  45005: fact('fail', 'api', '原文链接太长', '原文链接须在 1 KB 以内。'),
  45008: fact('fail', 'api', '一个草稿的文章超过 8 篇', '一次最多 8 篇文章合成一个草稿。'),
  45110: fact('fail', 'api', '作者名太长', '缩短作者名（默认上限 8 字，见 account.yaml 的 limits.author）。'),
  88000: fact('fail', 'api', '账号没有留言功能', '把文章的 comments 设为 closed。'),
  53503: fact('fail', 'api', '草稿没有通过发布检查', '在公众号后台打开这篇草稿查看原因。'),
  53504: fact('fail', 'api', '这篇草稿需要到公众号后台使用', '在公众号后台打开草稿手动发表。'),
  53505: fact('fail', 'api', '这篇草稿需要先在后台手动保存', '在公众号后台打开草稿保存一次，再发表。'),
  61500: fact('fail', 'api', '日期格式不对', '日期应为 yyyy-MM-dd。'),
  61501: fact('fail', 'api', '日期范围不对', '结束日期最晚是昨天（北京时间），跨度不能超过接口允许的天数。'),
};

// Some codes mean something else on one endpoint.
const endpointErrcodes: Readonly<Record<string, Readonly<Record<number, ErrcodeFact>>>> = {
  // On stable_token, 40001 is the AppSecret, not a token.
  [wechatEndpoints.stableToken]: { 40001: fact('fail', 'credentials', 'AppSecret 不对（或已在后台重置）', credentialAdvice) },
  [wechatEndpoints.submitPublish]: {
    48001: fact(
      'fail',
      'not-permitted',
      '账号没有发布接口的权限（公众号未认证）',
      '未认证的公众号不能通过接口发布（freepublish）；草稿箱仍然可用：不加 --submit 运行把文章推到草稿箱，再到公众号后台手动发表。',
    ),
  },
};

/** What `code` means on `endpoint`; undefined for a code this table does not know (an `api` error). */
export function errcodeFact(endpoint: string, code: number): ErrcodeFact | undefined {
  return endpointErrcodes[endpoint]?.[code] ?? wechatErrcodes[code];
}
