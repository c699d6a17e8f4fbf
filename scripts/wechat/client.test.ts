import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wechatEndpoints as api } from '../platform/index.ts';
import { UsageError } from '../shared/path-filter.ts';
import { article, jpeg, wechatHarness, type Harness } from './client.test-helper.ts';
import { createWechatClient } from './client.ts';

let h: Harness;
beforeEach(async () => {
  h = await wechatHarness();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  h.expectNothingSecret();
  await h.close();
});

async function cover(client = h.client()): Promise<string> {
  return (await client.addImageMaterial(jpeg('封面.jpg'))).media_id;
}

describe('the WeChat client against the fake server', () => {
  it('uploads, drafts, updates, lists and publishes, turning WeChat’s http image URLs into https', async () => {
    const client = h.client();
    const body = await client.uploadBodyImage(jpeg());
    expect(h.fake.state.bodyImages[0]!.url).toMatch(/^http:\/\/mmbiz\.qpic\.cn\//);
    expect(body.url).toBe(h.fake.state.bodyImages[0]!.url.replace('http://', 'https://'));
    const material = await client.addImageMaterial(jpeg('封面.jpg'));
    expect(material.url).toMatch(/^https:\/\/mmbiz\.qpic\.cn\//);
    expect(h.fake.callsTo(api.addMaterial)[0]).toMatchObject({ query: { type: 'image' }, body: { media: { filename: '封面.jpg', contentType: 'image/jpeg', size: 2048 } } });

    const { media_id } = await client.addDraft([article(material.media_id)]);
    await client.updateDraft(media_id, 0, article(material.media_id, { title: '白茶怎么存（修订版）' }));
    expect((await client.getDraft(media_id))?.articles[0]).toMatchObject({ title: '白茶怎么存（修订版）', author: '青禾编辑部' });
    const list = await client.listDrafts(0, 20);
    expect(list).toMatchObject({ total_count: 1, items: [{ media_id, articles: [{ title: '白茶怎么存（修订版）' }] }] });
    expect(list.items[0]!.articles[0]!.content).toBeUndefined();
    expect(h.fake.callsTo(api.listDrafts)[0]!.body).toEqual({ offset: 0, count: 20, no_content: 1 });

    const submitted = await client.submitPublish(media_id);
    expect(submitted.msg_data_id).toMatch(/^\d+$/);
    expect(await client.getPublishStatus(submitted.publish_id)).toEqual({ publish_id: submitted.publish_id, publish_status: 1, articles: [], fail_idx: [] });
    const done = await client.getPublishStatus(submitted.publish_id);
    expect(done).toMatchObject({ publish_status: 0, article_id: expect.any(String), articles: [{ idx: 1, article_url: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com\/s\//) }] });
  });

  it('reports a publish that ends rejected with the failed articles', async () => {
    const client = h.client();
    h.fake.settleNextPublish(4);
    const { media_id } = await client.addDraft([article(await cover(client))]);
    const { publish_id } = await client.submitPublish(media_id);
    await client.getPublishStatus(publish_id);
    expect(await client.getPublishStatus(publish_id)).toMatchObject({ publish_status: 4, fail_idx: [1], articles: [] });
  });

  it('says undefined for a draft WeChat does not have (40007)', async () => {
    expect(await h.client().getDraft('no-such-draft')).toBeUndefined();
  });

  it('reads JSON labelled text/plain, as WeChat sends it, and JSON labelled as JSON', async () => {
    expect(h.fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { url } = await h.client().uploadBodyImage(jpeg());
    expect(url).toMatch(/^https:/);
    const other = await wechatHarness({ contentType: 'application/json; encoding=utf-8' });
    try {
      expect((await other.client().listDrafts(0, 1)).total_count).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('turns an answer that is not JSON into an api error naming the endpoint and the status, never retried', async () => {
    const client = h.client();
    await client.listDrafts(0, 1);
    const token = h.fake.tokens[0]!;
    // A relay's error page that echoes the URL it was asked for: the token must not come through.
    h.fake.fail(api.getDraft, { status: 404, body: `<html><body>no route for /cgi-bin/draft/get?access_token=${token}</body></html>` });
    const error = await h.failure(client.getDraft('any'));
    expect(error).toMatchObject({ kind: 'api', endpoint: api.getDraft, status: 404 });
    expect(error.message).toContain('微信接口 cgi-bin/draft/get 的回答无法读取：HTTP 404，回答不是 JSON');
    expect(error.message).toContain('access_token=***');
    expect(h.fake.callsTo(api.getDraft)).toHaveLength(1);
  });

  it('calls a garbled 200 answer to draft/add uncertain: the draft may exist', async () => {
    const client = h.client();
    h.fake.fail(api.addDraft, { status: 200, body: '<html>relay says ok</html>' });
    expect(await h.failure(client.addDraft([article(await cover(client))]))).toMatchObject({ kind: 'uncertain', status: 200 });
  });
});

describe('errors that stop, with advice', () => {
  it('40164: says hosted CI runners change IPs and to set a fixed-IP relay through MPDESK_WECHAT_API_BASE', async () => {
    h.fake.fail(api.stableToken, { errcode: 40164, errmsg: 'invalid ip 20.1.2.3 ipv6 ::ffff:20.1.2.3, not in whitelist rid: 1' });
    const error = await h.failure(h.client().uploadBodyImage(jpeg()));
    expect(error).toMatchObject({ kind: 'ip-not-allowed', errcode: 40164, endpoint: api.stableToken });
    expect(error.message).toContain('20.1.2.3');
    expect(error.advice).toMatch(/托管 CI 的运行机每次 IP 都不同.*固定 IP 的转发服务.*MPDESK_WECHAT_API_BASE/);
  });

  it('45009: stops at once, keeps nothing half-done, and says when the quota resets (00:00 Beijing time)', async () => {
    const client = h.client();
    h.fake.fail(api.uploadImage, { errcode: 45009, errmsg: 'reach max api daily quota limit' });
    const error = await h.failure(client.uploadBodyImage(jpeg()));
    expect(error).toMatchObject({ kind: 'quota-daily', errcode: 45009, resumeAt: '2026-12-03T16:00:00.000Z' });
    expect(error.advice).toContain('2026-12-04 00:00 北京时间 之后重新运行');
    expect(h.fake.callsTo(api.uploadImage)).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('45011: waits a minute and retries, up to three times', async () => {
    const client = h.client();
    h.fake.fail(api.uploadImage, { errcode: 45011, errmsg: 'api minute-quota reach limit' }, 2);
    await client.uploadBodyImage(jpeg());
    expect(h.sleeps).toEqual([60_000, 60_000]);
    expect(h.log.join('\n')).toContain('超过了每分钟的调用限额（45011），等 60 秒后重试');
    h.fake.fail(api.uploadImage, { errcode: 45011 }, 4);
    expect(await h.failure(client.uploadBodyImage(jpeg()))).toMatchObject({ kind: 'api', errcode: 45011 });
    expect(h.fake.callsTo(api.uploadImage)).toHaveLength(7);
  });

  it('48001 on freepublish: the account is not verified, drafts still work', async () => {
    const unverified = await wechatHarness({ verified: false });
    try {
      const client = unverified.client();
      const { media_id } = await client.addDraft([article((await client.addImageMaterial(jpeg())).media_id)]);
      const error = await unverified.failure(client.submitPublish(media_id));
      expect(error).toMatchObject({ kind: 'not-permitted', errcode: 48001, endpoint: api.submitPublish });
      expect(error.advice).toContain('草稿箱仍然可用');
      unverified.expectNothingSecret();
    } finally {
      await unverified.close();
    }
  });

  it('an errcode the table does not know is an api error quoting WeChat’s errmsg', async () => {
    h.fake.fail(api.addDraft, { errcode: 53402, errmsg: 'some new rule' });
    const error = await h.failure(h.client().addDraft([article('x')]));
    expect(error).toMatchObject({ kind: 'api', errcode: 53402 });
    expect(error.message).toContain('微信接口 cgi-bin/draft/add 返回错误 53402：微信未说明原因（errcode 53402，some new rule');
  });

  it('WeChat’s own checks come back as api errors in Chinese: title too long, cover missing', async () => {
    const client = h.client();
    const long = await h.failure(client.addDraft([article(await cover(client), { title: '白茶'.repeat(17) })]));
    expect(long).toMatchObject({ kind: 'api', errcode: 45003 });
    expect(long.message).toContain('标题太长');
    expect(await h.failure(client.addDraft([article('not-a-material')]))).toMatchObject({ errcode: 40007 });
    expect(h.fake.state.drafts.size).toBe(0);
  });
});

describe('lost answers', () => {
  it('retries an upload whose connection dropped, before or after WeChat processed it, with growing pauses', async () => {
    const client = h.client();
    h.fake.fail(api.uploadImage, { drop: 'before' });
    h.fake.fail(api.uploadImage, { drop: 'after' });
    const { url } = await client.uploadBodyImage(jpeg());
    expect(h.fake.callsTo(api.uploadImage).map((call) => call.outcome)).toEqual(['dropped-before', 'dropped-after', 0]);
    expect(h.sleeps).toEqual([1000, 2000]);
    expect(url).toBe(h.fake.state.bodyImages.at(-1)!.url.replace('http:', 'https:'));
  });

  it('never repeats draft/add after a dropped connection: uncertain, whether or not the draft was made', async () => {
    const client = h.client();
    const thumb = await cover(client);
    h.fake.fail(api.addDraft, { drop: 'before' });
    const before = await h.failure(client.addDraft([article(thumb)]));
    expect(before).toMatchObject({ kind: 'uncertain', endpoint: api.addDraft });
    expect(before.advice).toContain('不要直接重试');
    expect(h.fake.state.drafts.size).toBe(0);

    h.fake.fail(api.addDraft, { drop: 'after' });
    expect(await h.failure(client.addDraft([article(thumb)]))).toMatchObject({ kind: 'uncertain' });
    expect(h.fake.state.drafts.size).toBe(1);
    expect(h.fake.callsTo(api.addDraft)).toHaveLength(2);
    expect(h.sleeps).toEqual([]);
    // What the caller does next: look.
    expect((await client.listDrafts(0, 20)).items).toHaveLength(1);
  });

  it('never repeats freepublish/submit after a 5xx or a timeout', async () => {
    const client = h.client({ timeoutMs: 300 });
    const { media_id } = await client.addDraft([article(await cover(client))]);
    h.fake.fail(api.submitPublish, { status: 502 });
    const error = await h.failure(client.submitPublish(media_id));
    expect(error).toMatchObject({ kind: 'uncertain', endpoint: api.submitPublish });
    expect(error.message).toContain('服务器返回 HTTP 502');
    expect(error.advice).toContain('先查询发布状态');
    h.fake.fail(api.submitPublish, { delayMs: 600 });
    expect((await h.failure(client.submitPublish(media_id))).message).toContain('没有回答');
    expect(h.fake.callsTo(api.submitPublish)).toHaveLength(2);
  });

  it('retries reads after 5xx, a timeout and WeChat’s “system busy” (-1), then gives up as a network error', async () => {
    const client = h.client({ timeoutMs: 300 });
    h.fake.fail(api.listDrafts, { status: 503 });
    h.fake.fail(api.listDrafts, { delayMs: 600 });
    h.fake.fail(api.listDrafts, { errcode: -1, errmsg: 'system error' });
    expect((await client.listDrafts(0, 5)).total_count).toBe(0);
    expect(h.sleeps).toEqual([1000, 2000, 4000]);
    h.fake.fail(api.listDrafts, { status: 500 }, 4);
    const error = await h.failure(client.listDrafts(0, 5));
    expect(error).toMatchObject({ kind: 'network', endpoint: api.listDrafts });
    expect(error.message).toContain('已重试 3 次');
  });

  it('retries even draft/add when nothing was sent (connection refused), and names the relay that is down', async () => {
    const client = h.client();
    await client.listDrafts(0, 1);
    const base = `http://127.0.0.1:${await closedPort()}`;
    let refused = 0;
    // The first request meets a closed port; the retry reaches WeChat.
    const fetch: typeof globalThis.fetch = (url, init) => globalThis.fetch(refused++ ? url : String(url).replace(h.fake.baseUrl, base), init);
    const { media_id } = await h.client({ fetch }).addDraft([article(await cover(client))]);
    expect([...h.fake.state.drafts.keys()]).toEqual([media_id]);
    expect(h.log.join('\n')).toContain('连接被拒绝');

    const down = await h.failure(h.client({ baseUrl: base, cacheDir: `${h.cacheDir}/other`, retries: 1 }).addDraft([article('x')]));
    expect(down).toMatchObject({ kind: 'network', endpoint: api.stableToken });
    expect(down.message).toContain('（连接被拒绝，已重试 1 次）');
    expect(down.advice).toContain(`MPDESK_WECHAT_API_BASE 指向的转发服务（${base}）`);
  });
});

describe('where the API is', () => {
  it('goes to MPDESK_WECHAT_API_BASE when no base is given', async () => {
    vi.stubEnv('MPDESK_WECHAT_API_BASE', `${h.fake.baseUrl}/`);
    const client = createWechatClient({ appid: h.fake.appid, secret: h.fake.secret, cacheDir: h.cacheDir });
    await client.listDrafts(0, 1);
    expect(h.fake.callsTo(api.listDrafts)).toHaveLength(1);
  });

  it('refuses a base that would send the secret in clear text, or is not a URL', () => {
    const make = (baseUrl: string) => () => createWechatClient({ appid: h.fake.appid, secret: h.fake.secret, cacheDir: h.cacheDir, baseUrl });
    expect(make('http://relay.example.com')).toThrow(UsageError);
    expect(make('http://relay.example.com')).toThrow('MPDESK_WECHAT_API_BASE 必须是 https 地址');
    expect(make('relay.example.com')).toThrow('MPDESK_WECHAT_API_BASE 不是有效的网址');
    expect(make('https://relay.example.com')).not.toThrow();
  });

  it('refuses a malformed AppID before any call', async () => {
    expect(() => createWechatClient({ appid: 'wx123', secret: 's', cacheDir: h.cacheDir, baseUrl: h.fake.baseUrl })).toThrow('AppID “wx123” 格式不对');
    expect(h.fake.calls).toHaveLength(0);
  });
});

describe('post: datacube and other endpoints', () => {
  it('reads datacube rows for the dates asked, retrying a lost answer (a read)', async () => {
    const rows = [
      { ref_date: '2026-12-01', msgid: '2247483650_1', title: '白茶怎么存', int_page_read_user: 812, share_user: 37 },
      { ref_date: '2026-12-02', msgid: '2247483651_1', title: '冬天喝什么茶', int_page_read_user: 640, share_user: 21 },
    ];
    const stats = await wechatHarness({ datacube: { 'datacube/getarticlesummary': rows } });
    try {
      const client = stats.client();
      stats.fake.fail('datacube/getarticlesummary', { drop: 'after' });
      expect(await client.post('datacube/getarticlesummary', { begin_date: '2026-12-02', end_date: '2026-12-02' })).toMatchObject({ list: [rows[1]] });
      const span = await stats.failure(client.post('datacube/getarticlesummary', { begin_date: '2026-12-01', end_date: '2026-12-02' }));
      expect(span).toMatchObject({ kind: 'api', errcode: 61501 });
      expect(span.message).toContain('日期范围不对');
      stats.expectNothingSecret();
    } finally {
      await stats.close();
    }
  });

  it('does not repeat an unknown cgi-bin call unless told it is idempotent, and refuses other paths', async () => {
    const client = h.client();
    h.fake.fail(api.listDrafts, { drop: 'after' }, 2);
    expect(await h.failure(client.post(api.listDrafts, { offset: 0, count: 1 }))).toMatchObject({ kind: 'uncertain' });
    expect(await client.post(api.listDrafts, { offset: 0, count: 1 }, { idempotent: true })).toMatchObject({ total_count: 0 });
    expect(h.fake.callsTo(api.listDrafts)).toHaveLength(3);
    expect(await h.failure(client.post('../etc/passwd', {}))).toMatchObject({ kind: 'api' });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}
