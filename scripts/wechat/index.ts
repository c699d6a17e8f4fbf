/**
 * The WeChat API client: credentials from account.yaml and the environment, the access token cached in
 * `.cache/mpdesk/`, retries, and every errcode turned into a WechatError that says what to do. Publish and
 * metrics code against the contract in types.ts; the fake server is for their tests and the bench.
 */
export type * from './types.ts';
export { createWechatClient, type WechatClientOptions } from './client.ts';
export { wechatCredentials, type WechatCredentials } from './credentials.ts';
export { WechatError, type WechatErrorDetails } from './errors.ts';
export type { FakeEvent, FakeSend } from './fake-datacube.ts';
export { startFakeWechat, type FakeCall, type FakeFault, type FakeWechat, type FakeWechatOptions } from './fake-server.ts';
