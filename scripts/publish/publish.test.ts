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

/** A clock that starts on publishing day and moves only when publishing waits. */
function testClock(start = '2026-12-03T20:00:05+08:00') {
  let now = Date.parse(start);
  const waits: number[] = [];
  return { waits, clock: { now: () => new Date(now), sleep: async (ms: number) => void (waits.push(ms), (now += ms)) } };
}

function run(repo: TestRepo, wechat: MemoryWechat, options: Partial<PublishOptions> = {}, lines: string[] = []) {
  return publishArticles({ root: repo.root, paths: [dongzhi], clientFor: () => wechat, clock: testClock().clock, onProgress: (file, text) => lines.push(`${file} ${text}`), ...options });
}

const text = (repo: TestRepo, file: string) => readFile(join(repo.root, file), 'utf8');

describe('mpdesk publish: approved articles to the draft box, once', () => {
  it('uploads each image once, puts every <img> on its https mmbiz URL and records the draft in the receipt', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const wechat = new MemoryWechat();
    const report = await run(repo, wechat);
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
    const wechat = new MemoryWechat();
    await run(repo, wechat);
    const before = wechat.calls.length;
    const ledger = await text(repo, 'content/qinghe-tea/media-ledger.json');
    const lines: string[] = [];
    const again = await run(repo, wechat, {}, lines);
    expect(again.results).toEqual([expect.objectContaining({ outcome: 'drafted' })]);
    expect(wechat.calls.slice(before)).toEqual([]);
    expect(await text(repo, 'content/qinghe-tea/media-ledger.json')).toBe(ledger);
    expect(lines.join('\n')).toContain('内容没有变化，不再更新');
  });
});
