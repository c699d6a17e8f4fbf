import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../content/index.ts';
import { accountYaml, article, baseFiles, makeRepo, type FixtureFiles } from '../testing/fixture-repo.ts';
import { wechatHarness, type Harness } from '../wechat/client.test-helper.ts';
import type { FakeWechatOptions } from '../wechat/index.ts';
import { metricsAccounts, pullAccount, type PullResult } from './index.ts';
import type { PullAccountOptions } from './pull.ts';

/** The fixture account `shanye` with an AppID, and two articles that went out: one with a receipt, one by hand. */
export function metricsFiles(extra: FixtureFiles = {}): FixtureFiles {
  return {
    ...baseFiles(),
    'content/shanye/account.yaml': `${accountYaml}wechat:\n  appid: wx1234567890abcdef\n`,
    'content/shanye/articles/2026/yunnan-chandi/index.md': article(
      `title: 云南咖啡产区巡礼
author: 阿禾
status: published
publish_at: 2026-11-20T20:00:00+08:00
wechat:
  url: https://mp.weixin.qq.com/s/yunnan-chandi
  published_at: 2026-11-20T20:00:31+08:00
  msg_data_id: "2247490001"`,
      '从保山到普洱，云南的咖啡山一座连着一座。\n',
    ),
    'content/shanye/articles/2026/shouchong-shuiwen/index.md': article(
      `title: 冬天的手冲怎么调水温
author: 阿禾
status: published
publish_at: 2026-11-22T20:00:00+08:00`,
      '水温高一点，萃取更充分。\n',
    ),
    ...extra,
  };
}

/** Sends the fake knows: the two articles above, and one the repository does not have. */
export const sends = [
  { day: '2026-11-20', msg_data_id: '2247490001', titles: ['云南咖啡产区巡礼'] },
  { day: '2026-11-22', msg_data_id: '2247490002', titles: ['冬天的手冲怎么调水温', '山野咖啡十二月活动'] },
];

export interface MetricsHarness extends Harness {
  root: string;
  pull(options?: Partial<PullAccountOptions>): Promise<PullResult>;
  file(name: string): Promise<string>;
}

export async function metricsHarness(options: FakeWechatOptions = {}, files = metricsFiles()): Promise<MetricsHarness> {
  const h = await wechatHarness({ datacubeSeed: 3, datacubeSends: sends, ...options });
  const root = await makeRepo(files);
  const client = h.client();
  return Object.assign(h, {
    root,
    async pull(plan: Partial<PullAccountOptions> = {}) {
      const [account] = metricsAccounts(await loadContent(root));
      return pullAccount({ root, account: account!.id, articles: account!.articles, client, clock: h.now, ...plan });
    },
    file: (name: string) => readFile(join(root, 'reports', 'shanye', 'metrics', name), 'utf8'),
  });
}
