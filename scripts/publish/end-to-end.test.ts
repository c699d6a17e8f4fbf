import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { approvedRepo, articleDir } from '../testing/publish-repo.ts';
import { runCli, startCli } from '../testing/run-cli.ts';
import { startFakeWechat, type FakeWechat } from '../wechat/index.ts';
import { receiptIn } from './receipt.ts';

const dongzhi = articleDir('dongzhi-weilu');
const fakes: FakeWechat[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all([...fakes.splice(0).map((f) => f.close()), ...closers.splice(0).map((close) => close())]);
});

async function fake(options: Parameters<typeof startFakeWechat>[0] = {}): Promise<FakeWechat> {
  const started = await startFakeWechat({ publishPolls: 1, ...options });
  fakes.push(started);
  return started;
}

const envFor = (wechat: FakeWechat, base = wechat.baseUrl) => ({ MPDESK_WECHAT_API_BASE: base, QINGHE_WECHAT_SECRET: wechat.secret });

/** What WeChat holds: body images, cover materials, drafts, publishes. */
const holdings = (wechat: FakeWechat) => [wechat.state.bodyImages.length, wechat.state.materials.size, wechat.state.drafts.size, wechat.state.publishes.size];

describe('mpdesk publish, the real client against the fake WeChat, the CLI as a child process', () => {
  it('pushes, publishes and commits; run again it calls nothing and says it went out', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const wechat = await fake();
    const first = await runCli(['publish', dongzhi, '--submit', '--commit'], repo.root, envFor(wechat));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/已上传正文图片 \.\/weilu\.jpg（sha256 [0-9a-f]{12}，[\d.]+ KB）/);
    expect(first.stdout).toContain('已提交发表 「冬至围炉煮茶指南」，publish_id ');
    expect(first.stdout).toMatch(/已发表 {2}content\/qinghe-tea\/articles\/2026\/dongzhi-weilu\/index\.md「冬至围炉煮茶指南」：发表成功：https:\/\/mp\.weixin\.qq\.com\/s\/\S+\n/);
    expect(first.stdout).toMatch(/发布完成：已发表 1 篇。\n已提交 [0-9a-f]{7}（发布回执和素材记录）。\n$/);
    expect(holdings(wechat)).toEqual([2, 1, 1, 1]);
    expect(await repo.git.raw(['log', '-1', '--format=%s'])).toBe('publish: qinghe-tea/dongzhi-weilu 已发表\n');
    expect(JSON.stringify(wechat.calls)).not.toContain(wechat.secret);

    const calls = wechat.calls.length;
    const again = await runCli(['publish', dongzhi, '--submit'], repo.root, envFor(wechat));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('早已发表  content/qinghe-tea/articles/2026/dongzhi-weilu/index.md「冬至围炉煮茶指南」：已经发表过了：https://mp.weixin.qq.com/s/');
    expect(wechat.calls.length).toBe(calls);
  }, 120_000);

  it('without the AppSecret nothing is called: exit 2, naming the variable and where it goes', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const wechat = await fake();
    const result = await runCli(['publish', dongzhi], repo.root, { MPDESK_WECHAT_API_BASE: wechat.baseUrl, QINGHE_WECHAT_SECRET: '' });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('环境变量 QINGHE_WECHAT_SECRET 没有设置');
    expect(wechat.calls).toEqual([]);
  }, 120_000);

  it('an IP not on the whitelist (40164) stops at once with the relay advice; nothing is half-recorded', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const wechat = await fake();
    wechat.fail('cgi-bin/media/uploadimg', { errcode: 40164, errmsg: 'invalid ip 203.0.113.7, not in whitelist' });
    const result = await runCli(['publish', dongzhi, '--submit'], repo.root, envFor(wechat));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('MPDESK_WECHAT_API_BASE');
    expect(result.stdout).toContain('固定 IP');
    expect(wechat.callsTo('cgi-bin/draft/add')).toEqual([]);
    expect(receiptIn(await readFile(join(repo.root, dongzhi, 'index.md'), 'utf8'))).toBeUndefined();
  }, 120_000);
});

/**
 * A relay in front of the fake that kills the publishing process when the `killAt`th request arrives: the steps
 * before it are done and recorded, and that request goes no further; a `draft/add` or `freepublish/submit` is
 * first carried out, so the process dies having made the draft or the publish without hearing so.
 */
async function killingRelay(target: string): Promise<{ base: string; arm(killAt: number | undefined, kill: () => void): void; count(): number }> {
  let seen = 0;
  let killAt: number | undefined;
  let kill = () => {};
  const forward = async (request: IncomingMessage, body: Buffer) =>
    fetch(`${target}${request.url}`, { method: request.method, headers: { 'content-type': request.headers['content-type'] ?? 'application/json' }, body: request.method === 'GET' ? undefined : new Uint8Array(body) });
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(Buffer.from(chunk));
    const body = Buffer.concat(chunks);
    const endpoint = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1);
    if (++seen === killAt) {
      if (endpoint === 'cgi-bin/draft/add' || endpoint === 'cgi-bin/freepublish/submit') await (await forward(request, body)).text();
      kill();
      request.socket.destroy();
      return;
    }
    const answer = await forward(request, body);
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' }).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closers.push(() => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arm: (at, then) => {
      seen = 0;
      killAt = at;
      kill = then;
    },
    count: () => seen,
  };
}

describe('killed after any step, mpdesk publish resumes without duplicates', () => {
  it('token, each upload, the draft, the submit, each poll: each image once, one draft, one publish', async () => {
    // A clean run, to count its steps.
    const clean = await fake();
    const cleanRepo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    expect((await runCli(['publish', dongzhi, '--submit'], cleanRepo.root, envFor(clean))).code).toBe(0);
    const steps = clean.calls.map((call) => call.endpoint);
    expect(steps).toEqual(['cgi-bin/stable_token', 'cgi-bin/media/uploadimg', 'cgi-bin/media/uploadimg', 'cgi-bin/material/add_material', 'cgi-bin/draft/add', 'cgi-bin/freepublish/submit', 'cgi-bin/freepublish/get', 'cgi-bin/freepublish/get']);

    for (let after = 1; after < steps.length; after++) {
      const wechat = await fake();
      const relay = await killingRelay(wechat.baseUrl);
      const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
      const run = startCli(['publish', dongzhi, '--submit'], repo.root, envFor(wechat, relay.base));
      relay.arm(after + 1, () => run.child.kill('SIGKILL'));
      const killed = await run.done;
      expect(killed.signal, `killed after ${steps[after - 1]} (step ${after})`).toBe('SIGKILL');
      relay.arm(undefined, () => {});
      const resumed = await runCli(['publish', dongzhi, '--submit'], repo.root, envFor(wechat, relay.base));
      expect(resumed.code, `${resumed.stdout}${resumed.stderr}`).toBe(0);
      expect(holdings(wechat), `killed after step ${after}, ${steps[after - 1]}`).toEqual([2, 1, 1, 1]);
      const text = await readFile(join(repo.root, dongzhi, 'index.md'), 'utf8');
      expect(receiptIn(text)?.state).toBe('published');
      expect(text).toContain('status: published');
    }
  }, 600_000);
});
