import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWechatClient, startFakeWechat, type FakeWechat, type FakeWechatOptions, type WechatClient } from '../wechat/index.ts';

/** The fake WeChat on 127.0.0.1, the real client of it, and one clock both use; sleeping moves it, nothing waits. */
export interface WechatWorld {
  fake: FakeWechat;
  client: WechatClient;
  clock: { now(): Date; sleep(ms: number): Promise<void> };
  /** Every pause publishing and the client asked for, ms. */
  sleeps: number[];
  advance(ms: number): void;
  /** How many calls reached this endpoint (`cgi-bin/draft/add`). */
  count(endpoint: string): number;
  close(): Promise<void>;
}

/** Publishing day, 20:00:05 Beijing time. */
export const publishingDay = '2026-12-03T20:00:05+08:00';

export async function wechatWorld(options: FakeWechatOptions = {}, start = publishingDay): Promise<WechatWorld> {
  let now = Date.parse(start);
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    now += ms;
  };
  const fake = await startFakeWechat({ clock: () => now, ...options });
  const cacheDir = await mkdtemp(join(tmpdir(), 'mpdesk-wechat-'));
  const client = createWechatClient({ appid: fake.appid, secret: fake.secret, baseUrl: fake.baseUrl, cacheDir, clock: () => now, sleep });
  return {
    fake,
    client,
    clock: { now: () => new Date(now), sleep },
    sleeps,
    advance: (ms) => void (now += ms),
    count: (endpoint) => fake.callsTo(endpoint).filter((call) => call.outcome !== 'dropped-before').length,
    close: () => fake.close(),
  };
}
