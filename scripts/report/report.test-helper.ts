import { loadContent } from '../content/index.ts';
import { accountYaml, article, baseFiles, type FixtureFiles } from '../testing/fixture-repo.ts';
import { makeGitRepo, type TestRepo } from '../testing/git-repo.ts';
import { metricsAccounts, pullAccount } from '../metrics/index.ts';
import { startFakeWechat, type FakeEvent, type FakeSend, type WechatClient } from '../wechat/index.ts';
import { addDays, dayRange } from './period.ts';
import type { AccountSeries, DayReads, Send } from './series.ts';

/** One day of a hand-made series: what a test states, the rest in the proportions of a small account. */
export interface FixtureDay {
  reads: number;
  shares?: number;
  readers?: number;
  favorites?: number;
  /** Reads by hour; default: the day's reads spread over 08:00–23:00. */
  hours?: number[];
  newUsers?: number;
  cancelled?: number;
  total?: number;
  followSources?: Record<number, number>;
}

const spread = (reads: number) => Array.from({ length: 24 }, (_, hour) => (hour >= 8 ? reads / 16 : 0));

/** A series of `days` days from `first`, every day `base`, the days in `special` as they say. */
export function fixtureSeries(first: string, days: number, base: FixtureDay, special: Record<string, Partial<FixtureDay>> = {}, sends: Send[] = []): AccountSeries {
  const series: AccountSeries = { daily: new Map(), hourly: new Map(), followers: new Map(), followerSources: new Map(), articleDays: new Map(), sends };
  for (const day of dayRange(first, addDays(first, days - 1))) {
    const d = { ...base, ...special[day] };
    const reads: DayReads = { reads: d.reads, readers: d.readers ?? Math.round(d.reads * 0.8), shares: d.shares ?? Math.round(d.reads * 0.04), favorites: d.favorites ?? Math.round(d.reads * 0.015), bySource: new Map([[0, Math.round(d.reads * 0.6)], [2, Math.round(d.reads * 0.4)]]) };
    series.daily.set(day, reads);
    series.hourly.set(day, d.hours ?? spread(d.reads));
    const newUsers = d.newUsers ?? 40;
    const cancelled = d.cancelled ?? 10;
    series.followers.set(day, { newUsers, cancelled, net: newUsers - cancelled, ...(d.total !== undefined ? { total: d.total } : {}) });
    if (d.followSources) series.followerSources.set(day, new Map(Object.entries(d.followSources).map(([code, n]) => [Number(code), n])));
  }
  series.newest = addDays(first, days - 1);
  return series;
}

export function fixtureSend(day: string, reads: number, extra: Partial<Send> = {}): Send {
  return { key: `${day}_1`, msgid: `${day.replaceAll('-', '')}_1`, title: `${day} 的文章`, day, reads, readers: Math.round(reads * 0.8), shares: Math.round(reads * 0.04), favorites: Math.round(reads * 0.015), delivered: 20_000, daysCounted: 7, ...extra };
}

/** 2026-12-01 10:00 Beijing time: November is over and WeChat has it. */
export const fixtureNow = Date.parse('2026-12-01T10:00:00+08:00');

/**
 * Pulls the account's snapshots from the fake WeChat's made-up numbers through the metrics stage, in-process (the
 * fake's own answers, no HTTP), as `mpdesk metrics pull` writes them.
 */
export async function pullFixtureSnapshots(root: string, options: { since: string; until: string; sends: FakeSend[]; events?: FakeEvent[]; seed?: number }): Promise<void> {
  const fake = await startFakeWechat({ clock: () => fixtureNow, datacubeSeed: options.seed ?? 7, datacubeSends: options.sends, datacubeEvents: options.events ?? [] });
  try {
    const client: Pick<WechatClient, 'post'> = { post: async (endpoint, body) => fake.state.datacubeRows(endpoint, body) };
    for (const account of metricsAccounts(await loadContent(root))) {
      await pullAccount({ root, account: account.id, articles: account.articles, client, clock: () => fixtureNow, since: options.since, until: options.until });
    }
  } finally {
    await fake.close();
  }
}

/** The fixture account shanye with targets, a weekly cadence, November's plan and three articles that went out. */
export function reportFiles(): FixtureFiles {
  return {
    ...baseFiles(),
    'content/shanye/account.yaml': `${accountYaml}wechat:\n  appid: wx1234567890abcdef\nkpi:\n  monthly_reads: 40000\n  new_followers: 800\n  share_rate: 0.03\ncadence:\n  - {weekday: 五, time: "20:00"}\n`,
    'content/shanye/plans/2026-11.md': `---\nmonth: "2026-11"\nentries:\n  - id: "01"\n    topic: 云南咖啡产区巡礼\n    format: 图文\n    publish_at: 2026-11-20T20:00:00+08:00\n  - id: "02"\n    topic: 冬季豆单\n    format: 图片\n    publish_at: 2026-11-27T20:00:00+08:00\n  - id: "03"\n    topic: 冬天的手冲怎么调水温\n    format: 图文\n    publish_at: 2026-11-13T20:00:00+08:00\n---\n`,
    'content/shanye/articles/2026/yunnan-chandi/index.md': article(
      'title: 云南咖啡产区巡礼\nauthor: 阿禾\nstatus: published\nplan: 2026-11/01\npublish_at: 2026-11-20T20:00:00+08:00\nwechat:\n  state: published\n  url: https://mp.weixin.qq.com/s/yunnan-chandi\n  published_at: 2026-11-20T20:00:31+08:00\n  msg_data_id: "2247490001"',
      '从保山到普洱，云南的咖啡山一座连着一座。\n',
    ),
    'content/shanye/articles/2026/shouchong-shuiwen/index.md': article('title: 冬天的手冲怎么调水温\nauthor: 阿禾\nstatus: published\nplan: 2026-11/03\npublish_at: 2026-11-22T20:00:00+08:00', '水温高一点，萃取更充分。\n'),
    // Published at 00:30 on 1 December in Beijing: December's, whatever UTC says.
    'content/shanye/articles/2026/yuedi-bei/index.md': article('title: 月底的最后一杯\nauthor: 阿禾\nstatus: published\npublish_at: 2026-11-30T16:30:00Z', '十一月的最后一个晚上。\n'),
  };
}

/** What the fake sends: Fridays since September, none in the repository, then November's three. */
export const reportSends: FakeSend[] = [
  ...['2026-09-04', '2026-09-11', '2026-09-18', '2026-09-25', '2026-10-02', '2026-10-09', '2026-10-16', '2026-10-23', '2026-10-30', '2026-11-06'].map((day, index) => ({
    day,
    msg_data_id: String(2247480001 + index),
    titles: [`山野咖啡第 ${index + 1} 期豆单`],
  })),
  { day: '2026-11-20', msg_data_id: '2247490001', titles: ['云南咖啡产区巡礼'] },
  { day: '2026-11-22', msg_data_id: '2247490002', titles: ['冬天的手冲怎么调水温', '山野咖啡十二月活动 | <b>报名</b>'] },
];

/** The repository above, committed, with snapshots for 2026-09-01 to 2026-11-30 committed too. */
export async function reportRepo(): Promise<TestRepo> {
  const operator = { name: '运营 王芳', email: 'operator@shanye.example' };
  const repo = await makeGitRepo(reportFiles(), operator, '2026-12-01T10:00:00+08:00');
  await pullFixtureSnapshots(repo.root, { since: '2026-09-01', until: '2026-11-30', sends: reportSends, events: [{ day: '2026-11-11', extraReads: 5000 }] });
  await repo.as(operator, '2026-12-01T11:00:00+08:00', (git) => git.add(['-A']).then(() => git.commit('metrics: shanye 2026-11-30')));
  return repo;
}
