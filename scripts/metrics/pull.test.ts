import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { datacubeSpans } from '../platform/index.ts';
import { article } from '../testing/fixture-repo.ts';
import { daysBetween } from './dates.ts';
import { metricsFiles, metricsHarness, type MetricsHarness } from './metrics.test-helper.ts';

let h: MetricsHarness | undefined;
afterEach(async () => {
  h?.expectNothingSecret();
  await h?.close();
  h = undefined;
});

const hour = 3_600_000;
const datacube = (from = 0) => h!.fake.calls.slice(from).filter((call) => call.endpoint.startsWith('datacube/'));
const asked = (from = 0) => datacube(from).map((call) => `${call.endpoint.slice(9)} ${JSON.stringify(call.body)}`);
const lines = (text: string) => text.trimEnd().split('\n');

describe('mpdesk metrics pull against the fake WeChat', () => {
  it('pulls the last 30 days on a first run, each call within its endpoint’s span and before today, and asks nothing the second time', async () => {
    h = await metricsHarness();
    const first = await h.pull();
    expect(first).toMatchObject({ until: '2026-12-02', problems: [], added: expect.any(Number) });
    expect(first.stopped).toBeUndefined();
    for (const call of datacube()) {
      const { begin_date: begin, end_date: end } = call.body as { begin_date: string; end_date: string };
      expect(begin >= '2026-11-03' && end <= '2026-12-02', `${call.endpoint} ${begin}..${end}`).toBe(true);
      expect(daysBetween(begin, end)).toBeLessThan(datacubeSpans[call.endpoint]!);
      expect(call.outcome).toBe(0);
    }
    const count = (endpoint: string) => h!.fake.callsTo(`datacube/${endpoint}`).length;
    expect([count('getusersummary'), count('getusercumulate'), count('getuserread'), count('getuserreadhour'), count('getusershare'), count('getarticlesummary'), count('getarticletotal')]).toEqual([5, 5, 10, 30, 5, 30, 30]);

    const followers = lines(await h.file('followers-2026.csv'));
    expect(followers[0]).toBe('\uFEFFdate,new_user,cancel_user,net_user,cumulate_user');
    expect(followers).toHaveLength(31);
    // Each day's net gain is what took the total from the day before to that day, as WeChat's numbers do.
    const cells = followers.slice(1).map((line) => line.split(','));
    for (let i = 1; i < cells.length; i++) expect(Number(cells[i]![4]) - Number(cells[i - 1]![4])).toBe(Number(cells[i]![3]));
    expect(followers[1]).toMatch(/^2026-11-03,\d+,\d+,\d+,\d+$/);

    const before = await Promise.all(first.written.map((file) => h!.file(file.split('/').at(-1)!)));
    const calls = h.fake.calls.length;
    const second = await h.pull();
    expect(second).toMatchObject({ calls: 0, added: 0, revised: 0, written: [] });
    expect(h.fake.calls).toHaveLength(calls);
    expect(await Promise.all(first.written.map((file) => h!.file(file.split('/').at(-1)!)))).toEqual(before);
  });

  it('before 08:00 Beijing time says yesterday is not ready and pulls up to the day before', async () => {
    h = await metricsHarness();
    h.advance(-3 * hour);
    const result = await h.pull();
    expect(result.until).toBe('2026-12-01');
    expect(result.notes).toEqual(['北京时间 08:00 前昨天（2026-12-02）的数据还没有出来：只拉到 2026-12-01。']);
    expect(datacube().every((call) => (call.body as { end_date: string }).end_date <= '2026-12-01')).toBe(true);
    const late = await h.pull({ until: '2026-12-03' });
    expect(late.notes[0]).toBe('--until 2026-12-03 晚于可拉取的最后一天：北京时间 08:00 前昨天（2026-12-02）的数据还没有出来，只拉到 2026-12-01。');
  });

  it('the next day asks for that day only, and again for the send days whose seven days are not over', async () => {
    h = await metricsHarness();
    await h.pull();
    h.advance(24 * hour);
    const from = h.fake.calls.length;
    const next = await h.pull();
    expect(next.until).toBe('2026-12-03');
    const totals = ['11-27', '11-28', '11-29', '11-30', '12-01', '12-02', '12-03'].map((day) => `getarticletotal {"begin_date":"2026-${day}","end_date":"2026-${day}"}`);
    const others = ['getusersummary', 'getusercumulate', 'getuserread', 'getuserreadhour', 'getusershare', 'getarticlesummary'].map((endpoint) => `${endpoint} {"begin_date":"2026-12-03","end_date":"2026-12-03"}`);
    expect(asked(from)).toEqual([...others, ...totals]);
    const again = h.fake.calls.length;
    expect((await h.pull()).calls).toBe(0);
    expect(h.fake.calls).toHaveLength(again);
  });

  it('updates the rows of a day WeChat revised in place with --refresh: same rows, new numbers', async () => {
    h = await metricsHarness();
    await h.pull();
    const before = lines(await h.file('daily-2026.csv'));
    h.fake.reviseDatacube('2026-11-25');
    const refreshed = await h.pull({ since: '2026-11-25', until: '2026-11-25', refresh: true });
    expect(refreshed.added).toBe(0);
    expect(refreshed.revised).toBeGreaterThan(5);
    expect(refreshed.changes.daily).toMatchObject({ added: 0, revised: 7 });
    const after = lines(await h.file('daily-2026.csv'));
    expect(after).toHaveLength(before.length);
    const changed = after.filter((line, index) => line !== before[index]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((line) => line.startsWith('2026-11-25,'))).toBe(true);
  });

  it('stops cleanly at the daily quota, keeps what came back, and goes on from there next time', async () => {
    h = await metricsHarness();
    h.fake.fail('datacube/getuserreadhour', { errcode: 45009 });
    const stopped = await h.pull();
    expect(stopped.stopped).toMatchObject({ kind: 'quota-daily' });
    expect(stopped.stopped!.message).toContain('已完成的部分都已保存');
    expect(stopped.written).toContain('reports/shanye/metrics/followers-2026.csv');
    expect(lines(await h.file('daily-2026.csv'))).toHaveLength(1 + 30 * 7);
    const from = h.fake.calls.length;
    const resumed = await h.pull();
    expect(resumed.stopped).toBeUndefined();
    expect(new Set(datacube(from).map((call) => call.endpoint))).toEqual(new Set(['datacube/getuserreadhour', 'datacube/getusershare', 'datacube/getarticlesummary', 'datacube/getarticletotal']));
  });

  it('keeps what a long pull had saved when it is cut off, and asks only for the rest next time', async () => {
    h = await metricsHarness();
    const client = h.client();
    let calls = 0;
    const dying = { post: (...args: Parameters<typeof client.post>) => (++calls > 25 ? Promise.reject(new Error('进程被终止')) : client.post(...args)) };
    await expect(h.pull({ client: dying, saveEvery: 10 })).rejects.toThrow('进程被终止');
    // The calls saved: getusersummary's 5, getusercumulate's 5, and 10 of getuserread's 3-day spans.
    expect(lines(await h.file('daily-2026.csv'))).toHaveLength(1 + 30 * 7);
    const from = h.fake.calls.length;
    await h.pull();
    expect(datacube(from).some((call) => ['datacube/getusersummary', 'datacube/getusercumulate', 'datacube/getuserread'].includes(call.endpoint))).toBe(false);
  });

  it('reports a partial answer with its endpoint and dates, writes nothing of it, and asks for it again next time', async () => {
    h = await metricsHarness();
    const partial = { list: [{ ref_date: '2026-11-03', user_source: 0, int_page_read_user: 5 }] };
    h.fake.fail('datacube/getuserread', { status: 200, body: JSON.stringify(partial) });
    const gaps = { list: ['2026-11-03', '2026-11-04', '2026-11-06', '2026-11-07', '2026-11-08', '2026-11-09'].map((day) => ({ ref_date: day, cumulate_user: 20000 })) };
    h.fake.fail('datacube/getusercumulate', { status: 200, body: JSON.stringify(gaps) });
    h.fake.fail('datacube/getusershare', { status: 200, body: JSON.stringify({ list: [{ ref_date: '2026-11-03', share_scene: 1, share_count: -4, share_user: 2 }] }) });
    const result = await h.pull();
    expect(result.problems).toEqual([
      'datacube/getusercumulate 2026-11-03 至 2026-11-09：缺少 2026-11-05 的累积关注人数',
      'datacube/getuserread 2026-11-03 至 2026-11-05：第 1 条缺少 int_page_read_count',
      'datacube/getusershare 2026-11-03 至 2026-11-09：第 1 条share_count 应为非负整数，实际是 -4',
    ]);
    const daily = await h.file('daily-2026.csv');
    expect(daily).not.toMatch(/^2026-11-0[345],/m);
    expect(daily).toMatch(/^2026-11-06,/m);
    expect(await h.file('followers-2026.csv')).toMatch(/^2026-11-03,\d+,\d+,\d+,$/m);
    const from = h.fake.calls.length;
    const again = await h.pull();
    expect(again.problems).toEqual([]);
    expect(asked(from)).toEqual([
      'getusercumulate {"begin_date":"2026-11-03","end_date":"2026-11-09"}',
      'getuserread {"begin_date":"2026-11-03","end_date":"2026-11-05"}',
      'getusershare {"begin_date":"2026-11-03","end_date":"2026-11-09"}',
    ]);
    expect(await h.file('followers-2026.csv')).toMatch(/^2026-11-03,\d+,\d+,\d+,\d+$/m);
  });

  it('links article rows to the repository: by the receipt’s msg_data_id, by title and day for one sent by hand, and lists the rest', async () => {
    h = await metricsHarness();
    const result = await h.pull();
    const totals = lines(await h.file('article-totals-2026.csv'));
    expect(totals.filter((line) => line.includes('2247490001_1')).every((line) => line.includes(',2026-11-20,2026/yunnan-chandi,'))).toBe(true);
    expect(totals.filter((line) => line.includes('2247490002_1')).every((line) => line.includes(',2026-11-22,2026/shouchong-shuiwen,'))).toBe(true);
    const articles = lines(await h.file('articles-2026.csv'));
    expect(articles.find((line) => line.startsWith('2026-11-23,2247490002_1,'))).toMatch(/^2026-11-23,2247490002_1,冬天的手冲怎么调水温,2026-11-22,2026\/shouchong-shuiwen,\d+/);
    expect(articles.find((line) => line.startsWith('2026-11-23,2247490002_2,'))).toMatch(/^2026-11-23,2247490002_2,山野咖啡十二月活动,2026-11-22,,\d+/);
    expect(result.unmatched).toEqual([{ what: '《山野咖啡十二月活动》 msgid 2247490002_2（2026-11-22 发出）', candidates: [] }]);
    expect(result.ambiguous).toEqual([]);
  });

  it('links the old rows of an article whose receipt came later, on the next pull that brings article rows', async () => {
    h = await metricsHarness();
    await h.pull();
    const receipt = article('title: 山野咖啡十二月活动\nstatus: published\nwechat:\n  msg_data_id: "2247490002"\n  draft_index: 1', '十二月的活动。\n');
    await mkdir(join(h.root, 'content/shanye/articles/2026/shieryue-huodong'));
    await writeFile(join(h.root, 'content/shanye/articles/2026/shieryue-huodong/index.md'), receipt);
    const next = await h.pull({ since: '2026-11-25', until: '2026-11-25', refresh: true });
    expect(next.unmatched).toEqual([]);
    expect(next.changes.articles!.relinked).toBeGreaterThan(0);
    expect(await h.file('articles-2026.csv')).toMatch(/^2026-11-22,2247490002_2,山野咖啡十二月活动,2026-11-22,2026\/shieryue-huodong,/m);
  });

  it('lists an article row that fits two articles and links neither', async () => {
    const twin = article('title: 冬天的手冲怎么调水温\nauthor: 阿禾\nstatus: published\npublish_at: 2026-11-22T08:00:00+08:00', '另一篇同名文章。\n');
    h = await metricsHarness({}, metricsFiles({ 'content/shanye/articles/2026/shouchong-shuiwen-2/index.md': twin }));
    const result = await h.pull();
    expect(result.ambiguous).toEqual([{ what: '《冬天的手冲怎么调水温》 msgid 2247490002_1（2026-11-22 发出）', candidates: ['2026/shouchong-shuiwen', '2026/shouchong-shuiwen-2'] }]);
    expect(await h.file('article-totals-2026.csv')).toMatch(/^2026-11-22,2247490002_1,冬天的手冲怎么调水温,2026-11-22,,/m);
  });
});

describe('the fake WeChat’s statistics', () => {
  it('answers 61500 for a date that is not yyyy-MM-dd and 61501 for a range WeChat refuses', async () => {
    h = await metricsHarness();
    const client = h.client();
    const ask = (endpoint: string, begin: string, end: string) => h!.failure(client.post(`datacube/${endpoint}`, { begin_date: begin, end_date: end }));
    expect(await ask('getuserread', '2026/11/01', '2026-11-02')).toMatchObject({ errcode: 61500 });
    expect(await ask('getuserread', '2026-02-30', '2026-03-01')).toMatchObject({ errcode: 61500 });
    expect(await ask('getuserread', '2026-11-01', '2026-11-04')).toMatchObject({ errcode: 61501, message: expect.stringContaining('日期范围不对') });
    expect(await ask('getarticletotal', '2026-11-01', '2026-11-02')).toMatchObject({ errcode: 61501 });
    expect(await ask('getusersummary', '2026-11-05', '2026-11-04')).toMatchObject({ errcode: 61501 });
    expect(await ask('getusersummary', '2014-11-30', '2014-12-01')).toMatchObject({ errcode: 61501 });
    expect(await ask('getusercumulate', '2026-12-03', '2026-12-03')).toMatchObject({ errcode: 61501 });
    h.advance(-3 * hour);
    expect(await ask('getusercumulate', '2026-12-02', '2026-12-02')).toMatchObject({ errcode: 61501 });
    expect(await client.post('datacube/getusercumulate', { begin_date: '2026-11-25', end_date: '2026-12-01' })).toMatchObject({ list: expect.arrayContaining([{ ref_date: '2026-12-01', cumulate_user: expect.any(Number) }]) });
  });

  it('answers 45009 once the day’s quota of calls is spent', async () => {
    h = await metricsHarness({ datacubeQuota: 2 });
    const client = h.client();
    const ask = () => client.post('datacube/getusercumulate', { begin_date: '2026-11-20', end_date: '2026-11-20' });
    await ask();
    await ask();
    expect(await h.failure(ask())).toMatchObject({ kind: 'quota-daily', errcode: 45009 });
  });

  it('gives the same numbers for the same seed, and other numbers for a revised day', async () => {
    h = await metricsHarness();
    const client = h.client();
    const read = () => client.post('datacube/getuserread', { begin_date: '2026-11-10', end_date: '2026-11-12' });
    const first = await read();
    expect(await read()).toEqual(first);
    h.fake.reviseDatacube('2026-11-11');
    const revised = await read();
    expect(revised).not.toEqual(first);
    const day = (body: Record<string, unknown>, date: string) => (body.list as Array<{ ref_date: string }>).filter((row) => row.ref_date === date);
    expect(day(revised, '2026-11-10')).toEqual(day(first, '2026-11-10'));
  });
});
