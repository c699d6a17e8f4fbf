import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../content/index.ts';
import { createWechatClient, startFakeWechat, type FakeEvent, type FakeSend } from '../wechat/index.ts';
import { metricsAccounts, pullAccount, pullText } from './index.ts';

/**
 * `npm run gen:sample-metrics`: synthetic snapshots for the sample account qinghe-tea, 2026-09-01 to 2026-11-30,
 * pulled through the metrics stage from the fake WeChat (seed 14, its clock at 2026-12-01 10:00 Beijing time), so
 * they are the files a real pull writes. The sends are the sample's published articles (joined to them by title and
 * day) and some the repository does not have, sent from the backend by hand; three days carry what the report's
 * anomaly rules look for. Running it again gives the same bytes.
 */

const account = 'qinghe-tea';
const now = Date.parse('2026-12-01T10:00:00+08:00');

const sends: FakeSend[] = [
  { day: '2026-09-04', msg_data_id: '2247491001', titles: ['秋天第一杯茶，不必是奶茶'] },
  { day: '2026-09-11', msg_data_id: '2247491002', titles: ['白露：煮一壶老寿眉'] },
  { day: '2026-09-18', msg_data_id: '2247491003', titles: ['新手买茶，先问这三个问题'] },
  { day: '2026-09-25', msg_data_id: '2247491004', titles: ['中秋茶礼怎么挑：六款口粮茶礼盒', '青禾茶空间中秋营业时间'] },
  { day: '2026-10-09', msg_data_id: '2247491005', titles: ['桂花乌龙：一杯秋天的香'] },
  { day: '2026-10-16', msg_data_id: '2247491006', titles: ['茶客故事：在书店里泡了十年茶的陈姐'] },
  { day: '2026-10-23', msg_data_id: '2247491007', titles: ['霜降前后，岩茶正当时'] },
  { day: '2026-10-30', msg_data_id: '2247491008', titles: ['泡茶用什么水：矿泉水、纯净水还是自来水'] },
  { day: '2026-11-06', msg_data_id: '2247491009', titles: ['立冬前把茶收好：家里存茶的防潮、避光与隔味'] },
  { day: '2026-11-11', msg_data_id: '2247491010', titles: ['双十一：青禾茶事小程序满 199 减 30'] },
  { day: '2026-11-20', msg_data_id: '2247491011', titles: ['山场与一杯茶：在武夷山跟茶农走过的一天'] },
];

const events: FakeEvent[] = [
  // A send that reached only 70 % of the followers (delivery restricted after complaints).
  { day: '2026-10-30', delivered: 0.7 },
  // The promotion's reads bought from a traffic seller: thousands of reads at night, no shares.
  { day: '2026-11-11', extraReads: 6000, hours: [1, 2, 3, 4] },
  // The tea evening at the tea space: guests followed through the QR code on the tables.
  { day: '2026-11-21', extraFollowers: 420 },
];

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const fake = await startFakeWechat({ clock: () => now, datacubeSeed: 14, datacubeSends: sends, datacubeEvents: events, appid: 'wx5f3a9c2e7b1d4068' });
  const cache = await mkdtemp(join(tmpdir(), 'mpdesk-sample-'));
  try {
    // From nothing, so the files depend on this script alone.
    await rm(join(root, 'reports', account, 'metrics'), { recursive: true, force: true });
    const sample = metricsAccounts(await loadContent(root)).find((one) => one.id === account)!;
    const client = createWechatClient({ appid: fake.appid, secret: fake.secret, baseUrl: fake.baseUrl, cacheDir: cache, clock: () => now });
    const result = await pullAccount({ root, account, articles: sample.articles, client, clock: () => now, since: '2026-09-01', until: '2026-11-30' });
    process.stdout.write(pullText(result));
    if (result.problems.length || result.stopped) process.exitCode = 1;
  } finally {
    await fake.close();
    await rm(cache, { recursive: true, force: true });
  }
}

await main();
