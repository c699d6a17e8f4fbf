import { afterEach, describe, expect, it } from 'vitest';
import { wechatEndpoints as api } from '../platform/index.ts';
import { article, jpeg, wechatHarness, type Harness } from './client.test-helper.ts';
import type { FakeEvent } from './index.ts';

// The fake has to behave like WeChat where publish depends on it; these pin what it does.

let h: Harness | undefined;
afterEach(async () => {
  h?.expectNothingSecret();
  await h?.close();
  h = undefined;
});

async function raw(baseUrl: string, endpoint: string, body: unknown, token?: string): Promise<{ type: string | null; json: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/${endpoint}${token ? `?access_token=${token}` : ''}`, { method: 'POST', body: JSON.stringify(body) });
  return { type: response.headers.get('content-type'), json: (await response.json()) as Record<string, unknown> };
}

describe('the fake WeChat server', () => {
  it('answers JSON as text/plain, hands out one token until forced, and refuses an old token after a forced refresh', async () => {
    h = await wechatHarness();
    const ask = (force: boolean) => raw(h!.fake.baseUrl, api.stableToken, { grant_type: 'client_credential', appid: h!.fake.appid, secret: h!.fake.secret, force_refresh: force });
    const first = await ask(false);
    expect(first.type).toBe('text/plain');
    expect(first.json).toEqual({ access_token: h.fake.tokens[0], expires_in: 7200 });
    expect((await ask(false)).json.access_token).toBe(h.fake.tokens[0]);
    await ask(true);
    expect(h.fake.tokens).toHaveLength(2);
    expect((await raw(h.fake.baseUrl, api.listDrafts, { offset: 0, count: 1 }, h.fake.tokens[0])).json).toMatchObject({ errcode: 40001 });
    expect((await raw(h.fake.baseUrl, api.listDrafts, { offset: 0, count: 1 })).json).toMatchObject({ errcode: 41001 });
    expect((await raw(h.fake.baseUrl, api.listDrafts, { offset: 0, count: 1 }, h.fake.tokens[1])).json).toMatchObject({ total_count: 0 });
  });

  it('gives tokens a lifetime you can shorten', async () => {
    h = await wechatHarness({ tokenLifetimeSeconds: 60 });
    const client = h.client();
    await client.listDrafts(0, 1);
    h.advance(61_000);
    await client.listDrafts(0, 1);
    // 60 s is inside the 5-minute margin: the client asks for a token on every call, never forcing one.
    expect(h.fake.callsTo(api.stableToken)).toHaveLength(2);
  });

  it('keeps drafts as WeChat does: external images dropped, WeChat images kept, updates in place, newest first', async () => {
    h = await wechatHarness();
    const client = h.client();
    const { media_id: thumb } = await client.addImageMaterial(jpeg());
    const content = '<p>看汤色</p><img src="https://example.com/tea.jpg"><img src="https://mmbiz.qpic.cn/sz_mmbiz_jpg/x/0">';
    const first = await client.addDraft([article(thumb, { content })]);
    const second = await client.addDraft([article(thumb, { title: '第二篇' }), article(thumb, { title: '第三篇' })]);
    expect(h.fake.state.drafts.get(first.media_id)!.articles[0]!.content).toBe('<p>看汤色</p><img src="https://mmbiz.qpic.cn/sz_mmbiz_jpg/x/0">');
    h.advance(1000);
    await client.updateDraft(first.media_id, 0, article(thumb, { title: '白茶怎么存（改）' }));
    const list = await client.listDrafts(0, 20);
    expect(list.items.map((item) => item.media_id)).toEqual([first.media_id, second.media_id]);
    expect(list.items[1]!.articles.map((a) => a.title)).toEqual(['第二篇', '第三篇']);
    expect(await h.failure(client.updateDraft(second.media_id, 2, article(thumb)))).toMatchObject({ errcode: 47001 });
  });

  it('refuses what WeChat refuses: more than 8 articles, comments without the feature, bad crops, wrong image types and sizes', async () => {
    h = await wechatHarness({ commentsEnabled: false });
    const client = h.client();
    const { media_id: thumb } = await client.addImageMaterial(jpeg());
    expect(await h.failure(client.addDraft(Array.from({ length: 9 }, () => article(thumb, { need_open_comment: 0 }))))).toMatchObject({ errcode: 45008 });
    expect(await h.failure(client.addDraft([article(thumb)]))).toMatchObject({ errcode: 88000 });
    expect(await h.failure(client.addDraft([article(thumb, { need_open_comment: 0, pic_crop_235_1: '0_0_1.5_1' })]))).toMatchObject({ errcode: 47001 });
    expect(await h.failure(client.addDraft([article(thumb, { need_open_comment: 0, author: '青禾茶事编辑部小周' })]))).toMatchObject({ errcode: 45110 });
    // What the contract's type forbids, sent anyway.
    const gif = Object.assign(jpeg('动图.gif'), { contentType: 'image/gif' });
    expect(await h.failure(client.uploadBodyImage(gif))).toMatchObject({ errcode: 40005 });
    expect(await h.failure(client.uploadBodyImage(jpeg('大图.jpg', 1024 * 1024 + 1)))).toMatchObject({ errcode: 40009 });
    expect(h.fake.state.drafts.size).toBe(0);
    expect(h.fake.state.bodyImages).toHaveLength(0);
  });

  it('moves a publish from 1 to 0 after the polls it was told, with one URL per article', async () => {
    h = await wechatHarness({ publishPolls: 3 });
    const client = h.client();
    const { media_id: thumb } = await client.addImageMaterial(jpeg());
    const { media_id } = await client.addDraft([article(thumb), article(thumb, { title: '第二篇' })]);
    const { publish_id } = await client.submitPublish(media_id);
    const statuses = [];
    for (let poll = 0; poll < 4; poll++) statuses.push((await client.getPublishStatus(publish_id)).publish_status);
    expect(statuses).toEqual([1, 1, 1, 0]);
    expect((await client.getPublishStatus(publish_id)).articles.map((a) => a.idx)).toEqual([1, 2]);
  });

  it('logs every call with its endpoint, body, time and outcome', async () => {
    h = await wechatHarness();
    const client = h.client();
    h.fake.fail(api.getDraft, { errcode: 45009 });
    await h.failure(client.getDraft('x'));
    expect(h.fake.calls.map((call) => [call.endpoint, call.outcome, call.at])).toEqual([
      [api.stableToken, 0, h.now()],
      [api.getDraft, 45009, h.now()],
    ]);
    expect(h.fake.callsTo(api.getDraft)[0]).toMatchObject({ body: { media_id: 'x' }, token: h.fake.tokens[0] });
  });

  it('answers datacube only for dates up to yesterday (Beijing time), within the endpoint’s span', async () => {
    h = await wechatHarness({ datacube: { 'datacube/getusersummary': [{ ref_date: '2026-12-02', user_source: 0, new_user: 12, cancel_user: 3 }] } });
    const client = h.client();
    expect(await client.post('datacube/getusersummary', { begin_date: '2026-11-26', end_date: '2026-12-02' })).toMatchObject({ list: [{ new_user: 12 }] });
    expect(await h.failure(client.post('datacube/getusersummary', { begin_date: '2026-12-03', end_date: '2026-12-03' }))).toMatchObject({ errcode: 61501 });
    expect(await h.failure(client.post('datacube/getusersummary', { begin_date: '2026/12/01', end_date: '2026-12-02' }))).toMatchObject({ errcode: 61500 });
  });

  it('makes a day unusual when told: bought reads at night without shares, a QR code’s followers, a smaller delivery', async () => {
    const sends = [{ day: '2026-11-11', msg_data_id: '2247490001', titles: ['双十一'] }];
    const ask = async (events: FakeEvent[]) => {
      const harness = await wechatHarness({ datacubeSeed: 4, datacubeSends: sends, datacubeEvents: events });
      const client = harness.client();
      const day = { begin_date: '2026-11-11', end_date: '2026-11-11' };
      const answers = {
        read: (await client.post('datacube/getuserread', day)).list as Array<Record<string, number>>,
        hour: (await client.post('datacube/getuserreadhour', day)).list as Array<Record<string, number>>,
        gain: (await client.post('datacube/getusersummary', day)).list as Array<Record<string, number>>,
        total: (await client.post('datacube/getusercumulate', { begin_date: '2026-11-12', end_date: '2026-11-12' })).list as Array<Record<string, number>>,
        sent: (await client.post('datacube/getarticletotal', day)).list as Array<{ details: Array<Record<string, number>> }>,
      };
      await harness.close();
      return answers;
    };
    const plain = await ask([]);
    const odd = await ask([{ day: '2026-11-11', extraReads: 4000, hours: [2, 3], extraFollowers: 300 }]);
    const restricted = await ask([{ day: '2026-11-11', delivered: 0.5 }]);
    const chat = (answer: typeof plain) => answer.read.find((row) => row.user_source === 0)!;
    expect(chat(odd).int_page_read_count! - chat(plain).int_page_read_count!).toBe(4000);
    expect(chat(odd).share_count).toBe(chat(plain).share_count);
    const at = (answer: typeof plain, hour: number) => answer.hour.find((row) => row.user_source === 0 && row.ref_hour === hour * 100)!.int_page_read_count!;
    expect([at(odd, 2) - at(plain, 2), at(odd, 3) - at(plain, 3), at(odd, 20) - at(plain, 20)]).toEqual([2000, 2000, 0]);
    const qr = (answer: typeof plain) => answer.gain.find((row) => row.user_source === 30)!.new_user!;
    expect(qr(odd) - qr(plain)).toBe(300);
    expect(odd.total[0]!.cumulate_user! - plain.total[0]!.cumulate_user!).toBeGreaterThan(150);
    expect(restricted.sent[0]!.details[0]!.target_user).toBe(Math.round(plain.sent[0]!.details[0]!.target_user! / 2));
    expect(odd.sent[0]!.details[0]!.int_page_read_count! - plain.sent[0]!.details[0]!.int_page_read_count!).toBe(4000);
  });
});
