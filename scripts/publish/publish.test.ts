import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMediaLedger } from '../content/index.ts';
import { recordMerge } from '../review/index.ts';
import type { TestRepo } from '../testing/git-repo.ts';
import { approvals, approvedRepo, articleDir, writer } from '../testing/publish-repo.ts';
import { wechatWorld, type WechatWorld } from '../testing/wechat-world.ts';
import type { FakeWechatOptions } from '../wechat/index.ts';
import { publishArticles, type PublishOptions } from './index.ts';
import { receiptIn } from './receipt.ts';
import { resubmitAfterMs } from './submit.ts';

const dongzhi = articleDir('dongzhi-weilu');
const dongzhiFile = `${dongzhi}/index.md`;
const api = {
  upload: 'cgi-bin/media/uploadimg',
  material: 'cgi-bin/material/add_material',
  add: 'cgi-bin/draft/add',
  update: 'cgi-bin/draft/update',
  list: 'cgi-bin/draft/batchget',
  submit: 'cgi-bin/freepublish/submit',
  get: 'cgi-bin/freepublish/get',
  published: 'cgi-bin/freepublish/batchget',
};

const worlds: WechatWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

async function world(options: FakeWechatOptions = {}): Promise<WechatWorld> {
  const w = await wechatWorld(options);
  worlds.push(w);
  return w;
}

function run(repo: TestRepo, w: WechatWorld, options: Partial<PublishOptions> = {}, lines: string[] = []) {
  return publishArticles({ root: repo.root, paths: [dongzhi], clientFor: () => w.client, clock: w.clock, onProgress: (file, text) => lines.push(`${file} ${text}`), ...options });
}

const text = (repo: TestRepo, file: string) => readFile(join(repo.root, file), 'utf8');
const onlyDraft = (w: WechatWorld) => {
  expect(w.fake.state.drafts.size).toBe(1);
  return [...w.fake.state.drafts.values()][0]!;
};

describe('mpdesk publish: approved articles to the draft box, once', () => {
  it('uploads each image once, puts every <img> on its https mmbiz URL and records the draft in the receipt', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = await world();
    const report = await run(repo, w);
    expect(report.refusals).toEqual([]);
    expect(report.results).toEqual([expect.objectContaining({ file: dongzhiFile, outcome: 'drafted' })]);
    expect([w.count(api.upload), w.count(api.material), w.count(api.add)]).toEqual([2, 1, 1]);
    const draft = onlyDraft(w);
    const article = draft.articles[0]!;
    // WeChat drops every <img> off its host: both are still there, on https mmbiz.qpic.cn.
    const sources = [...String(article.content).matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(2);
    for (const src of sources) expect(src).toMatch(/^https:\/\/mmbiz\.qpic\.cn\//);
    expect(article).toMatchObject({ title: '冬至围炉煮茶指南', author: '陈晓', need_open_comment: 1, only_fans_can_comment: 0 });
    expect(article.pic_crop_235_1).toMatch(/^[01](\.\d{1,6})?(_[01](\.\d{1,6})?){3}$/);

    const receipt = receiptIn(await text(repo, dongzhiFile));
    expect(receipt).toMatchObject({ state: 'drafted', draft_media_id: draft.media_id, draft_index: 0, drafted_at: '2026-12-03T20:00:05+08:00' });
    const ledger = readMediaLedger(repo.root, 'qinghe-tea');
    expect(ledger.ok && Object.values(ledger.ledger.body).map((entry) => entry?.url)).toEqual(expect.arrayContaining(sources));
    expect(ledger.ok && Object.values(ledger.ledger.cover)[0]).toMatchObject({ media_id: article.thumb_media_id, source: 'articles/2026/dongzhi-weilu/cover.jpg' });
  });

  it('an unchanged re-run makes no upload and no draft call', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = await world();
    await run(repo, w);
    const before = w.fake.calls.length;
    const ledger = await text(repo, 'content/qinghe-tea/media-ledger.json');
    const lines: string[] = [];
    const again = await run(repo, w, {}, lines);
    expect(again.results).toEqual([expect.objectContaining({ outcome: 'drafted' })]);
    expect(w.fake.calls.slice(before)).toEqual([]);
    expect(await text(repo, 'content/qinghe-tea/media-ledger.json')).toBe(ledger);
    expect(lines.join('\n')).toContain('内容没有变化，不再更新');
  });

  it('images two articles share (a series cover, a logo) are uploaded once; the second draft uses the first one\'s uploads', async () => {
    const repo = await approvedRepo([
      { slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南', images: ['logo.png'], imageSeed: 7 },
      { slug: 'baicha-cunfang', title: '老白茶怎么存', images: ['logo.png'], imageSeed: 7 },
    ]);
    const w = await world();
    const report = await run(repo, w, { paths: [dongzhi, articleDir('baicha-cunfang')] });
    expect(report.results.map((r) => r.outcome)).toEqual(['drafted', 'drafted']);
    expect([w.count(api.upload), w.count(api.material), w.count(api.add)]).toEqual([1, 1, 2]);
  });

  it('a later approved change updates the recorded draft instead of adding one', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = await world();
    await run(repo, w);
    const { media_id } = onlyDraft(w);
    // The receipt is committed, then a reviewed change to the text comes in.
    await repo.commit('publish: qinghe-tea/dongzhi-weilu 已进草稿箱', writer, '2026-12-01T09:00:00+08:00', {});
    await repo.git.checkoutLocalBranch('chenxiao/xiugai');
    const changed = (await text(repo, dongzhiFile)).replace('再投茶', '再投入八克茶');
    await repo.commit('按审稿意见修改用量', writer, '2026-12-01T10:00:00+08:00', { [dongzhiFile]: changed });
    await repo.git.checkout('main');
    expect((await recordMerge({ root: repo.root, branch: 'chenxiao/xiugai', approvals })).merged).toBe(true);
    const report = await run(repo, w);
    expect(report.refusals).toEqual([]);
    expect([w.count(api.add), w.count(api.update), w.count(api.upload)]).toEqual([1, 1, 2]);
    expect(String(onlyDraft(w).articles[0]!.content)).toContain('再投入八克茶');
    expect(onlyDraft(w).media_id).toBe(media_id);
  });
});

describe('mpdesk publish --submit: freepublish and the receipt', () => {
  it('submits, polls with backoff saying each status in Chinese, and marks the article published with its URL', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = await world({ publishPolls: 2 });
    const lines: string[] = [];
    const report = await run(repo, w, { submit: true }, lines);
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'published', message: expect.stringMatching(/^发表成功：https:\/\/mp\.weixin\.qq\.com\/s\/\S+$/) })]);
    expect([w.count(api.submit), w.count(api.get)]).toEqual([1, 3]);
    expect(w.sleeps).toEqual([2_000, 4_000]);
    const said = lines.join('\n');
    expect(said).toContain('「冬至围炉煮茶指南」：发表中（第 1 次查询，2 秒后再查）');
    expect(said).toContain('「冬至围炉煮茶指南」发表成功：https://mp.weixin.qq.com/s/');
    const after = await text(repo, dongzhiFile);
    expect(after).toContain('status: published  # 审核通过后由编辑改\n');
    expect(receiptIn(after)).toMatchObject({
      state: 'published',
      url: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com\/s\//),
      article_id: expect.any(String),
      msg_data_id: expect.any(String),
      published_at: '2026-12-03T20:00:11+08:00',
    });
    // Published is done: a re-run calls nothing.
    const calls = w.fake.calls.length;
    const again = await run(repo, w, { submit: true });
    expect(again.results).toEqual([expect.objectContaining({ outcome: 'done' })]);
    expect(w.fake.calls.length).toBe(calls);
  });

  it('a publish WeChat turns down keeps the status and records why, naming the article', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = await world({ publishPolls: 0 });
    w.fake.settleNextPublish(4);
    const report = await run(repo, w, { submit: true });
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'not-published', message: '没有发出：平台审核未通过：「冬至围炉煮茶指南」' })]);
    const after = await text(repo, dongzhiFile);
    expect(after).toContain('status: approved  # 审核通过后由编辑改');
    expect(receiptIn(after)).toMatchObject({ state: 'rejected', fail_reason: '平台审核未通过：「冬至围炉煮茶指南」' });
  });

  it('an unverified account (48001) keeps its draft, is told drafts still work, and nothing is marked submitted', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = await world({ verified: false });
    const report = await run(repo, w, { submit: true });
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'error', message: expect.stringContaining('草稿箱仍然可用') })]);
    expect(receiptIn(await text(repo, dongzhiFile))).toMatchObject({ state: 'drafted', draft_media_id: onlyDraft(w).media_id });
  });

  it('a submit whose answer is lost is found in the published list, not submitted again', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = await world({ publishPolls: 0 });
    w.fake.fail(api.submit, { drop: 'after' });
    const report = await run(repo, w, { submit: true });
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'published' })]);
    expect([w.count(api.submit), w.fake.state.publishes.size, w.count(api.published)]).toEqual([1, 1, 1]);
    const [publish] = [...w.fake.state.publishes.values()];
    expect(receiptIn(await text(repo, dongzhiFile))).toMatchObject({ state: 'published', article_id: `ARTICLE_${publish!.publish_id}` });
  });

  it('a submit that never arrived is not repeated at once; an hour later, absent from the published list, it is', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = await world({ publishPolls: 0 });
    w.fake.fail(api.submit, { drop: 'before' });
    const first = await run(repo, w, { submit: true });
    expect(first.results).toEqual([expect.objectContaining({ outcome: 'error', message: expect.stringContaining('没有重复提交') })]);
    expect(w.fake.state.publishes.size).toBe(0);
    expect(receiptIn(await text(repo, dongzhiFile))?.state).toBe('submitting');
    w.advance(resubmitAfterMs);
    const later = await run(repo, w, { submit: true });
    expect(later.results).toEqual([expect.objectContaining({ outcome: 'published' })]);
    expect(w.fake.state.publishes.size).toBe(1);
  });
});

describe('drafts once, whatever happens to the answer', () => {
  it('an add that took effect but lost its answer is found in the draft box, not added again', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = await world();
    w.fake.fail(api.add, { drop: 'after' });
    const report = await run(repo, w);
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'drafted' })]);
    expect([w.count(api.add), w.count(api.list)]).toEqual([1, 1]);
    expect(receiptIn(await text(repo, dongzhiFile))?.draft_media_id).toBe(onlyDraft(w).media_id);
  });

  it('an add that never arrived is made again once the draft box shows it is not there', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = await world();
    w.fake.fail(api.add, { drop: 'before' });
    await run(repo, w);
    expect([w.count(api.add), w.count(api.list)]).toEqual([1, 1]);
    expect(receiptIn(await text(repo, dongzhiFile))?.draft_media_id).toBe(onlyDraft(w).media_id);
  });
});
