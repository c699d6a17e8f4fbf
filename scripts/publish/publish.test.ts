import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMediaLedger } from '../content/index.ts';
import { MemoryWechat } from '../testing/memory-wechat.ts';
import { approvedRepo, articleDir, articleText, writer } from '../testing/publish-repo.ts';
import type { TestRepo } from '../testing/git-repo.ts';
import { publishArticles, type PublishOptions } from './index.ts';
import { receiptIn } from './receipt.ts';

const dongzhi = articleDir('dongzhi-weilu');
const dongzhiFile = `${dongzhi}/index.md`;

/** A clock that starts on publishing day and moves only when publishing waits, or a test says so. */
function testClock(start = '2026-12-03T20:00:05+08:00') {
  let now = Date.parse(start);
  const waits: number[] = [];
  return { waits, advance: (ms: number) => void (now += ms), clock: { now: () => new Date(now), sleep: async (ms: number) => void (waits.push(ms), (now += ms)) } };
}

/** WeChat in memory and the clock it shares with publishing. */
function world(polls = 1, status: 0 | 2 | 3 | 4 = 0) {
  const time = testClock();
  return { ...time, wechat: new MemoryWechat(polls, status, () => time.clock.now().getTime()) };
}

type World = ReturnType<typeof world>;

function run(repo: TestRepo, w: World, options: Partial<PublishOptions> = {}, lines: string[] = []) {
  return publishArticles({ root: repo.root, paths: [dongzhi], clientFor: () => w.wechat, clock: w.clock, onProgress: (file, text) => lines.push(`${file} ${text}`), ...options });
}

const text = (repo: TestRepo, file: string) => readFile(join(repo.root, file), 'utf8');

describe('mpdesk publish: approved articles to the draft box, once', () => {
  it('uploads each image once, puts every <img> on its https mmbiz URL and records the draft in the receipt', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = world();
    const { wechat } = w;
    const report = await run(repo, w);
    expect(report.refusals).toEqual([]);
    expect(report.results).toEqual([expect.objectContaining({ file: dongzhiFile, outcome: 'drafted' })]);
    expect(wechat.count('uploadBodyImage')).toBe(2);
    expect(wechat.count('addImageMaterial')).toBe(1);
    expect(wechat.count('addDraft')).toBe(1);
    const [draft] = [...wechat.drafts.values()];
    const sources = [...draft!.full[0]!.content.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(2);
    for (const src of sources) expect(src).toMatch(/^https:\/\/mmbiz\.qpic\.cn\//);
    expect(draft!.full[0]).toMatchObject({ title: '冬至围炉煮茶指南', author: '陈晓', need_open_comment: 1, only_fans_can_comment: 0 });
    expect(draft!.full[0]!.pic_crop_235_1).toMatch(/^[01](\.\d{1,6})?(_[01](\.\d{1,6})?){3}$/);

    const receipt = receiptIn(await text(repo, dongzhiFile));
    expect(receipt).toMatchObject({ state: 'drafted', draft_media_id: draft!.media_id, draft_index: 0, drafted_at: '2026-12-03T20:00:05+08:00' });
    const ledger = readMediaLedger(repo.root, 'qinghe-tea');
    expect(ledger.ok && Object.keys(ledger.ledger.body)).toHaveLength(2);
    expect(ledger.ok && Object.values(ledger.ledger.cover)[0]).toMatchObject({ media_id: draft!.full[0]!.thumb_media_id, source: 'articles/2026/dongzhi-weilu/cover.jpg' });
  });

  it('an unchanged re-run makes no upload and no draft call', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = world();
    const { wechat } = w;
    await run(repo, w);
    const before = wechat.calls.length;
    const ledger = await text(repo, 'content/qinghe-tea/media-ledger.json');
    const lines: string[] = [];
    const again = await run(repo, w, {}, lines);
    expect(again.results).toEqual([expect.objectContaining({ outcome: 'drafted' })]);
    expect(wechat.calls.slice(before)).toEqual([]);
    expect(await text(repo, 'content/qinghe-tea/media-ledger.json')).toBe(ledger);
    expect(lines.join('\n')).toContain('内容没有变化，不再更新');
  });
});

describe('mpdesk publish --submit: freepublish and the receipt', () => {
  it('submits, polls with backoff saying each status in Chinese, and marks the article published with its URL', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = world(2);
    const { wechat, waits } = w;
    const lines: string[] = [];
    const report = await run(repo, w, { submit: true }, lines);
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'published' })]);
    expect(wechat.count('submitPublish')).toBe(1);
    expect(wechat.count('getPublishStatus')).toBe(3);
    expect(waits).toEqual([2_000, 4_000]);
    const said = lines.join('\n');
    expect(said).toContain('「冬至围炉煮茶指南」：发表中（第 1 次查询，2 秒后再查）');
    expect(said).toContain('「冬至围炉煮茶指南」发表成功：https://mp.weixin.qq.com/s/');
    const after = await text(repo, dongzhiFile);
    expect(after).toContain('status: published  # 审核通过后由编辑改\n');
    const receipt = receiptIn(after)!;
    expect(receipt).toMatchObject({ state: 'published', url: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com\/s\//), article_id: expect.any(String), msg_data_id: expect.any(String), published_at: '2026-12-03T20:00:11+08:00' });
    // Published is done: a re-run calls nothing.
    const calls = wechat.calls.length;
    const again = await run(repo, w, { submit: true });
    expect(again.results).toEqual([expect.objectContaining({ outcome: 'done' })]);
    expect(wechat.calls.length).toBe(calls);
  });

  it('a publish WeChat turns down keeps the status and records why, naming the article', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const report = await run(repo, world(0, 4), { submit: true });
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'not-published', message: '「冬至围炉煮茶指南」没有发出：平台审核未通过：「冬至围炉煮茶指南」。' })]);
    const after = await text(repo, dongzhiFile);
    expect(after).toContain('status: approved  # 审核通过后由编辑改');
    expect(receiptIn(after)).toMatchObject({ state: 'rejected', fail_reason: '平台审核未通过：「冬至围炉煮茶指南」' });
  });

  it('a submit whose answer is lost is looked for in the published list, not submitted again', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = world(0);
    const wechat = w.wechat.fail({ call: 'submitPublish', kind: 'uncertain', when: 'after' });
    // The job settles at the first poll; nobody polls it, so publish it as WeChat would.
    const report = await run(repo, w, { submit: true });
    expect(wechat.count('submitPublish')).toBe(1);
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'error' })]);
    expect(receiptIn(await text(repo, dongzhiFile))).toMatchObject({ state: 'submitting' });
    const [job] = [...wechat.jobs.values()];
    await wechat.getPublishStatus(job!.publish_id);
    const again = await run(repo, w, { submit: true });
    expect(wechat.count('submitPublish')).toBe(1);
    expect(again.results).toEqual([expect.objectContaining({ outcome: 'published' })]);
    expect(receiptIn(await text(repo, dongzhiFile))).toMatchObject({ state: 'published', article_id: job!.article_id });
  });
});

describe('drafts once, whatever happens to the answer', () => {
  it('an add that took effect but lost its answer is found in the draft box, not added again', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = world();
    const wechat = w.wechat.fail({ call: 'addDraft', kind: 'uncertain', when: 'after' });
    const lines: string[] = [];
    const report = await run(repo, w, {}, lines);
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'drafted' })]);
    expect(wechat.drafts.size).toBe(1);
    expect(wechat.count('listDrafts')).toBe(1);
    expect(receiptIn(await text(repo, dongzhiFile))?.draft_media_id).toBe([...wechat.drafts.keys()][0]);
  });

  it('an add that never arrived is made again once the draft box shows it is not there', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = world();
    const wechat = w.wechat.fail({ call: 'addDraft', kind: 'uncertain', when: 'before' });
    await run(repo, w);
    expect(wechat.drafts.size).toBe(1);
    expect(wechat.count('listDrafts')).toBe(1);
    expect(receiptIn(await text(repo, dongzhiFile))?.draft_media_id).toBe([...wechat.drafts.keys()][0]);
  });

  it('a later approved change updates the recorded draft instead of adding one', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const w = world();
    const { wechat } = w;
    await run(repo, w);
    const [mediaId] = [...wechat.drafts.keys()];
    // The receipt is committed, then a reviewed change to the text comes in.
    await repo.commit('publish: qinghe-tea/dongzhi-weilu 已进草稿箱', writer, '2026-12-01T09:00:00+08:00', {});
    await repo.git.checkoutLocalBranch('chenxiao/xiugai');
    const changed = (await text(repo, dongzhiFile)).replace('再投茶', '再投入八克茶');
    await repo.commit('按审稿意见修改用量', writer, '2026-12-01T10:00:00+08:00', { [dongzhiFile]: changed });
    await repo.git.checkout('main');
    const { recordMerge } = await import('../review/index.ts');
    expect((await recordMerge({ root: repo.root, branch: 'chenxiao/xiugai', approvals: [{ name: '林一', level: '编辑' }, { name: '周文', level: '审稿' }] })).merged).toBe(true);
    const report = await run(repo, w);
    expect(report.refusals).toEqual([]);
    expect(wechat.count('addDraft')).toBe(1);
    expect(wechat.count('updateDraft')).toBe(1);
    expect(wechat.drafts.get(mediaId!)!.full[0]!.content).toContain('再投入八克茶');
    expect(wechat.count('uploadBodyImage')).toBe(2);
  });
});

describe('interrupted at any step, it resumes without duplicates', () => {
  it('stopped before each call in turn and run again: each image uploaded once, one draft, one publish', async () => {
    const clean = world(2);
    const repo0 = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    await run(repo0, clean, { submit: true });
    const steps = clean.wechat.calls.length;
    expect(steps).toBe(2 + 1 + 1 + 1 + 3);
    for (let step = 1; step <= steps; step++) {
      const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
      const w = world(2);
      w.wechat.crashBefore(step);
      const stopped = await run(repo, w, { submit: true });
      expect(stopped.results, `stopped before call ${step}`).toEqual([expect.objectContaining({ outcome: 'error' })]);
      w.wechat.crashBefore(undefined);
      const resumed = await run(repo, w, { submit: true });
      expect(resumed.results, `resumed after stopping before call ${step}`).toEqual([expect.objectContaining({ outcome: 'published' })]);
      expect([w.wechat.bodyImages.size, w.wechat.materials.size, w.wechat.drafts.size, w.wechat.jobs.size, w.wechat.count('uploadBodyImage'), w.wechat.count('addDraft'), w.wechat.count('submitPublish')], `step ${step}`).toEqual([2, 1, 1, 1, 2, 1, 1]);
      expect(receiptIn(await text(repo, dongzhiFile))?.state).toBe('published');
    }
  }, 120_000);
});
