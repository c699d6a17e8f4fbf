import { WechatError, type WechatErrorKind } from '../wechat/index.ts';

/** The kind of a WeChat client error; undefined for anything else (a fault of mpdesk, a file that cannot be written). */
export function errorKind(error: unknown): WechatErrorKind | undefined {
  return error instanceof WechatError ? error.kind : undefined;
}
