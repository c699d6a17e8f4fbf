import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createWechatClient, type WechatClientOptions } from './client.ts';
import { WechatError } from './errors.ts';
import { startFakeWechat, type FakeWechat, type FakeWechatOptions } from './fake-server.ts';
import type { DraftArticle, UploadFile } from './types.ts';

/** 2026-12-03 10:00 Beijing time. */
export const start = Date.parse('2026-12-03T10:00:00+08:00');

export interface Harness {
  fake: FakeWechat;
  cacheDir: string;
  /** Every pause the client asked for, ms; sleeping moves the shared clock, so nothing really waits. */
  sleeps: number[];
  /** The client's progress lines. */
  log: string[];
  client(extra?: Partial<WechatClientOptions>): ReturnType<typeof createWechatClient>;
  now(): number;
  advance(ms: number): void;
  /** The WechatError a call ends in; its every text is kept for `expectNothingSecret`. */
  failure(call: Promise<unknown>): Promise<WechatError>;
  /** No error text or log line seen so far holds the AppSecret or any token the fake handed out. */
  expectNothingSecret(): void;
  close(): Promise<void>;
}

/** A fake WeChat on 127.0.0.1 and clients of it sharing one clock and one token cache folder. */
export async function wechatHarness(options: FakeWechatOptions = {}): Promise<Harness> {
  let now = start;
  const clock = () => now;
  const fake = await startFakeWechat({ clock, ...options });
  const cacheDir = await mkdtemp(join(tmpdir(), 'mpdesk-wechat-'));
  const sleeps: number[] = [];
  const log: string[] = [];
  const texts: string[] = [];
  return {
    fake,
    cacheDir,
    sleeps,
    log,
    client: (extra = {}) =>
      createWechatClient({
        appid: fake.appid,
        secret: fake.secret,
        baseUrl: fake.baseUrl,
        cacheDir,
        clock,
        sleep: async (ms) => {
          sleeps.push(ms);
          now += ms;
        },
        log: (line) => log.push(line),
        ...extra,
      }),
    now: clock,
    advance: (ms) => {
      now += ms;
    },
    async failure(call) {
      const error = await call.then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(WechatError);
      if (!(error instanceof WechatError)) throw new Error('no WechatError');
      texts.push(error.message, error.advice, String(error), error.stack ?? '', JSON.stringify(error));
      return error;
    },
    expectNothingSecret() {
      const secrets = [fake.secret, ...fake.tokens];
      for (const text of [...texts, ...log]) {
        for (const secret of secrets) expect(text.includes(secret), `${text} 含有机密`).toBe(false);
        expect(text).not.toMatch(/access_token=(?!\*\*\*)/);
      }
    },
    async close() {
      await fake.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}

export function jpeg(filename = '白茶茶汤.jpg', size = 2048): UploadFile {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return { bytes, filename, contentType: 'image/jpeg' };
}

export function article(thumbMediaId: string, overrides: Partial<DraftArticle> = {}): DraftArticle {
  return {
    title: '白茶怎么存：一年茶、三年药、七年宝是真的吗',
    author: '青禾编辑部',
    digest: '存白茶不难，难的是分清哪些说法靠谱。',
    content: '<section><p style="color:#333">白茶存放要防潮、避光、无异味。</p><img src="https://mmbiz.qpic.cn/sz_mmbiz_jpg/abc/0?wx_fmt=jpeg"></section>',
    thumb_media_id: thumbMediaId,
    need_open_comment: 1,
    only_fans_can_comment: 0,
    ...overrides,
  };
}
