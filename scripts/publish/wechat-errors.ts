import type { WechatErrorKind } from '../wechat/types.ts';

const kinds: ReadonlySet<string> = new Set<WechatErrorKind>(['ip-not-allowed', 'quota-daily', 'not-permitted', 'uncertain', 'api', 'network', 'credentials']);
const isKind = (value: string): value is WechatErrorKind => kinds.has(value);

/** The kind of a WeChat client error (WechatError), read from its shape; undefined for anything else. */
export function errorKind(error: unknown): WechatErrorKind | undefined {
  if (!(error instanceof Error) || !('kind' in error) || typeof error.kind !== 'string') return undefined;
  return isKind(error.kind) ? error.kind : undefined;
}
