import { execFileSync } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wechatEndpoints as api } from '../platform/index.ts';
import { jpeg, wechatHarness, type Harness } from './client.test-helper.ts';
import { tokenCachePath } from './token-cache.ts';

let h: Harness;
beforeEach(async () => {
  h = await wechatHarness();
});
afterEach(async () => {
  h.expectNothingSecret();
  await h.close();
});

const tokenCalls = () => h.fake.callsTo(api.stableToken);

describe('the access token', () => {
  it('comes from stable_token without force_refresh and is cached for the next client, mode 600, without the secret', async () => {
    await h.client().uploadBodyImage(jpeg());
    await h.client().uploadBodyImage(jpeg('盖碗.jpg'));
    expect(tokenCalls()).toHaveLength(1);
    expect(tokenCalls()[0]!.body).toEqual({ grant_type: 'client_credential', appid: h.fake.appid, secret: '***', force_refresh: false });
    const uploads = h.fake.callsTo(api.uploadImage);
    expect(uploads.map((call) => call.token)).toEqual([h.fake.tokens[0], h.fake.tokens[0]]);

    const file = tokenCachePath(h.cacheDir, h.fake.appid);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(h.fake.secret);
    expect(JSON.parse(text)).toMatchObject({ appid: h.fake.appid, access_token: h.fake.tokens[0], expires_at: h.now() + 7200_000 });
  });

  it('lives where git ignores it: .cache/mpdesk/ at the repository root', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const file = tokenCachePath('.cache/mpdesk', h.fake.appid);
    expect(execFileSync('git', ['check-ignore', file], { cwd: root, encoding: 'utf8' }).trim()).toBe(file);
  });

  it('is used until 5 minutes before it expires, then fetched again (not forced)', async () => {
    await h.client().uploadBodyImage(jpeg());
    h.advance(7200_000 - 5 * 60_000 - 1000);
    await h.client().uploadBodyImage(jpeg());
    expect(tokenCalls()).toHaveLength(1);
    h.advance(2000);
    await h.client().uploadBodyImage(jpeg());
    expect(tokenCalls()).toHaveLength(2);
    expect(tokenCalls().every((call) => (call.body as { force_refresh: boolean }).force_refresh === false)).toBe(true);
    // The fake, like WeChat, hands out a new token in the last 5 minutes; the old one still works meanwhile.
    expect(h.fake.callsTo(api.uploadImage).at(-1)!.token).toBe(h.fake.tokens[1]);
  });

  it('is checked against the clock on every call of a long-running client, not only when it is made', async () => {
    const client = h.client();
    await client.getPublishStatus(await publishOne(client));
    h.advance(7200_000);
    await client.listDrafts(0, 20);
    expect(tokenCalls()).toHaveLength(2);
  });

  it('is fetched again when WeChat says it expired (42001), and the call retried once', async () => {
    const client = h.client();
    await client.uploadBodyImage(jpeg());
    h.fake.expireToken();
    const { url } = await client.uploadBodyImage(jpeg());
    expect(url).toMatch(/^https:\/\/mmbiz\.qpic\.cn\//);
    expect(h.fake.callsTo(api.uploadImage).map((call) => call.outcome)).toEqual([0, 42001, 0]);
    expect(tokenCalls()).toHaveLength(2);
    expect(h.log.join('\n')).toContain('access_token 已失效（42001）');
  });

  it('is refetched once on 40001 and 40014; refused again, the call fails with advice instead of looping', async () => {
    const client = h.client();
    h.fake.fail(api.listDrafts, { errcode: 40014 });
    await client.listDrafts(0, 10);
    h.fake.fail(api.listDrafts, { errcode: 40001 }, 2);
    const error = await h.failure(client.listDrafts(0, 10));
    expect(error).toMatchObject({ kind: 'api', errcode: 40001, endpoint: api.listDrafts });
    expect(error.advice).toContain('已重新获取 access_token 并重试过一次');
    expect(h.fake.callsTo(api.listDrafts)).toHaveLength(4);
    expect(tokenCalls().every((call) => (call.body as { force_refresh: boolean }).force_refresh === false)).toBe(true);
  });

  it('takes a token another run already cached instead of asking WeChat again after a refusal', async () => {
    const first = h.client();
    await first.uploadBodyImage(jpeg());
    h.fake.expireToken();
    await h.client().uploadBodyImage(jpeg()); // another run: refreshes the cache file
    await first.uploadBodyImage(jpeg());
    expect(tokenCalls()).toHaveLength(2);
  });

  it('ignores a damaged cache file and replaces it', async () => {
    const file = tokenCachePath(h.cacheDir, h.fake.appid);
    await writeFile(file, '{"appid": "wx1234567890abcdef", "access_token": ');
    await h.client().uploadBodyImage(jpeg());
    expect(JSON.parse(await readFile(file, 'utf8')).access_token).toBe(h.fake.tokens[0]);
  });

  it('still works when the cache cannot be written, and says so', async () => {
    const client = h.client({ cacheDir: '/proc/mpdesk-cannot-write-here' });
    await client.uploadBodyImage(jpeg());
    expect(h.log.join('\n')).toMatch(/无法缓存 access_token（无法创建目录 .*），本次照常进行/);
  });

  it('fails with credentials advice for a wrong AppSecret or AppID, naming the variable', async () => {
    const error = await h.failure(h.client({ secret: 'wrong-secret-0000000000000000', secretEnv: 'QINGHE_WECHAT_SECRET' }).uploadBodyImage(jpeg()));
    expect(error).toMatchObject({ kind: 'credentials', errcode: 40125, endpoint: api.stableToken });
    expect(error.message).toContain('QINGHE_WECHAT_SECRET');
    expect(error.message).not.toContain('wrong-secret');
    const appid = await h.failure(h.client({ appid: 'wxffffffffffffffff' }).uploadBodyImage(jpeg()));
    expect(appid).toMatchObject({ kind: 'credentials', errcode: 40013 });
    expect(h.fake.callsTo(api.uploadImage)).toHaveLength(0);
  });
});

async function publishOne(client: ReturnType<Harness['client']>): Promise<string> {
  const cover = await client.addImageMaterial(jpeg('封面.jpg'));
  const { media_id } = await client.addDraft([
    {
      title: '冬天喝什么茶',
      content: '<section><p>冬天适合喝熟普和红茶。</p></section>',
      thumb_media_id: cover.media_id,
    },
  ]);
  return (await client.submitPublish(media_id)).publish_id;
}
