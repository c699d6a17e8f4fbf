import type { ArticleMeta } from '../render/index.ts';
import { fieldLimits, maxHtmlBytes, maxSourceUrlBytes, maxVisibleChars } from '../platform/index.ts';

/** What an uploaded image's URL adds to the fragment over its local file name, at most. */
const urlAllowance = 256;

/** The account's `limits:` and comment feature, and the article's `comments:`. */
export interface AccountLimits {
  limits?: Partial<Record<keyof typeof fieldLimits, number>>;
  commentsEnabled?: boolean;
  comments?: 'open' | 'fans-only' | 'closed';
}

export interface LimitProblem {
  field?: string;
  message: string;
}

/**
 * The draft API's limits, with the account's `limits:` over the platform's defaults, checked on the fragment about to
 * be sent, and its comment settings against the account's. Images not yet uploaded will get longer addresses: each
 * counts `urlAllowance` bytes more.
 */
export function limitProblems(meta: ArticleMeta, account: AccountLimits, pendingImages: number): LimitProblem[] {
  const { limits = {}, commentsEnabled = true, comments } = account;
  const problems: LimitProblem[] = [];
  if (!commentsEnabled && (comments === 'open' || comments === 'fans-only')) {
    problems.push({ field: 'comments', message: `comments 是 ${comments}，但这个账号没有留言功能（account.yaml 的 wechat.comments: false），微信会拒绝这个草稿（88000）：改成 closed。` });
  }
  const chars = (text: string) => [...text].length;
  for (const field of ['title', 'author', 'digest'] as const) {
    const limit = limits[field] ?? fieldLimits[field];
    const length = chars(meta[field]);
    if (length > limit) problems.push({ field, message: `${field} 有 ${length} 个字，超过这个账号的上限 ${limit}（account.yaml 的 limits.${field}），微信会拒绝这个草稿。` });
  }
  if (!meta.title.trim()) problems.push({ field: 'title', message: '标题为空，微信会拒绝这个草稿。' });
  if (meta.visible_chars >= maxVisibleChars) problems.push({ message: `排版后正文 ${meta.visible_chars} 字，微信要求少于 ${maxVisibleChars} 字：请删减，或分成两篇。` });
  const bytes = meta.html_bytes + pendingImages * urlAllowance;
  if (bytes >= maxHtmlBytes) problems.push({ message: `正文 HTML 约 ${(bytes / 1024).toFixed(0)} KB（图片换成微信地址后），微信上限 1 MB：请删减。` });
  const source = meta.content_source_url;
  if (source && Buffer.byteLength(source) > maxSourceUrlBytes) problems.push({ field: 'content_source_url', message: `“阅读原文”链接有 ${Buffer.byteLength(source)} 字节，微信上限 ${maxSourceUrlBytes}。` });
  return problems;
}
