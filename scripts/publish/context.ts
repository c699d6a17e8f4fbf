import type { WechatClient } from '../wechat/index.ts';

/** Time, injectable: polling waits, and receipts and ledgers record when things happened. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** One WeChat endpoint called (or, on a dry run, to be called), for the report. */
export interface CallRecord {
  endpoint: string;
  /** What it was about: a file with its hash and size, a draft, a publish job. */
  what: string;
  file?: string;
}

/** What the steps of one account's run share. */
export interface RunContext {
  root: string;
  account: string;
  client: WechatClient;
  clock: Clock;
  /** A line of progress about an article (or a group, by its lead article). */
  say: (file: string, text: string) => void;
  called: (call: CallRecord) => void;
}
