/**
 * What the columns of a backend export mean. WeChat documents no column names for its exports, so the default map
 * holds the headers the backend has used, and `metrics.headers` in account.yaml adds an account's own.
 */

export const importFields = [
  'date',
  'publish_date',
  'title',
  'url',
  'target_user',
  'int_page_read_user',
  'int_page_read_count',
  'ori_page_read_user',
  'ori_page_read_count',
  'share_user',
  'share_count',
  'add_to_fav_user',
  'add_to_fav_count',
  'new_user',
  'cancel_user',
  'net_user',
  'cumulate_user',
] as const;

export type ImportField = (typeof importFields)[number];

export const defaultHeaders: Readonly<Record<string, ImportField>> = {
  日期: 'date',
  时间: 'date',
  统计日期: 'date',
  数据日期: 'date',
  发布时间: 'publish_date',
  发表时间: 'publish_date',
  群发时间: 'publish_date',
  发布日期: 'publish_date',
  标题: 'title',
  文章标题: 'title',
  图文标题: 'title',
  内容标题: 'title',
  链接: 'url',
  文章链接: 'url',
  文章地址: 'url',
  送达人数: 'target_user',
  阅读人数: 'int_page_read_user',
  图文页阅读人数: 'int_page_read_user',
  阅读次数: 'int_page_read_count',
  图文页阅读次数: 'int_page_read_count',
  阅读原文人数: 'ori_page_read_user',
  原文页阅读人数: 'ori_page_read_user',
  阅读原文次数: 'ori_page_read_count',
  原文页阅读次数: 'ori_page_read_count',
  分享人数: 'share_user',
  转发人数: 'share_user',
  分享次数: 'share_count',
  转发次数: 'share_count',
  收藏人数: 'add_to_fav_user',
  收藏次数: 'add_to_fav_count',
  新关注人数: 'new_user',
  取消关注人数: 'cancel_user',
  净增关注人数: 'net_user',
  累积关注人数: 'cumulate_user',
  累计关注人数: 'cumulate_user',
};

/** Headers compare without spaces, line breaks and full-width forms: `阅读 人数`, `阅读人数\n` and `阅读人数` are one. */
export function normalHeader(header: string): string {
  return header.normalize('NFKC').replace(/\s+/g, '');
}

export type HeaderMap = ReadonlyMap<string, ImportField>;

/** The default map with the account's additions (which win). */
export function headerMap(extra: Readonly<Record<string, string | undefined>> = {}): HeaderMap {
  const map = new Map<string, ImportField>();
  for (const [header, field] of Object.entries(defaultHeaders)) map.set(normalHeader(header), field);
  for (const [header, field] of Object.entries(extra)) {
    const known = importFields.find((name) => name === field);
    if (known) map.set(normalHeader(header), known);
  }
  return map;
}

// For a header the map does not know: the field its words suggest, to propose a map that would fit.
const guesses: Array<[RegExp, ImportField]> = [
  [/发布|发表|群发/, 'publish_date'],
  [/日期|时间|date|day/i, 'date'],
  [/标题|title/i, 'title'],
  [/链接|地址|url|link/i, 'url'],
  [/送达|target/i, 'target_user'],
  [/原文.*(人|用户|uv)/i, 'ori_page_read_user'],
  [/原文/, 'ori_page_read_count'],
  [/(分享|转发|share).*(人|用户|user)/i, 'share_user'],
  [/分享|转发|share/i, 'share_count'],
  [/收藏.*(人|用户)|fav.*user/i, 'add_to_fav_user'],
  [/收藏|fav/i, 'add_to_fav_count'],
  [/取消|cancel|unfollow/i, 'cancel_user'],
  [/净增|net/i, 'net_user'],
  [/累[积计]|总关注|总粉丝|cumul/i, 'cumulate_user'],
  [/新增|新关注|关注|粉丝|new|follow/i, 'new_user'],
  [/(阅读|浏览|read|view).*(人|用户|uv|user)|^uv$|访客|visitor/i, 'int_page_read_user'],
  [/阅读|浏览|read|view|pv/i, 'int_page_read_count'],
];

export function guessField(header: string): ImportField | undefined {
  return guesses.find(([pattern]) => pattern.test(header))?.[1];
}
