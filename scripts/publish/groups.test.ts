import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { approvedRepo, articleDir } from '../testing/publish-repo.ts';
import { wechatWorld, type WechatWorld } from '../testing/wechat-world.ts';
import { publishArticles } from './index.ts';
import { receiptIn } from './receipt.ts';

const plan = `---
month: "2026-12"
entries:
  - id: "01"
    topic: 冬至围炉煮茶
    publish_at: 2026-12-03T20:00:00+08:00
    group: 冬至特辑
  - id: "02"
    topic: 老白茶怎么存
    publish_at: 2026-12-03T20:00:00+08:00
    group: 冬至特辑
  - id: "03"
    topic: 单独发的一篇
    publish_at: 2026-12-10T20:00:00+08:00
---

冬至那天两篇一起发，围炉煮茶是头条。
`;

const worlds: WechatWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

async function world(start?: string): Promise<WechatWorld> {
  const w = await wechatWorld({ publishPolls: 0 }, start);
  worlds.push(w);
  return w;
}

describe('groups of up to 8 articles go out as one multi-article draft, in order', () => {
  it("a plan entry's group: naming one article brings the group, lead article first, each receipt with its place", async () => {
    const repo = await approvedRepo(
      [
        { slug: 'baicha-cunfang', title: '老白茶怎么存', plan: '2026-12/02', images: ['baicha.jpg'] },
        { slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南', plan: '2026-12/01', images: ['weilu.jpg'] },
      ],
      plan,
    );
    const w = await world();
    const report = await publishArticles({ root: repo.root, paths: [articleDir('baicha-cunfang')], submit: true, clientFor: () => w.client, clock: w.clock });
    expect(report.refusals).toEqual([]);
    expect([w.count('cgi-bin/draft/add'), w.count('cgi-bin/freepublish/submit')]).toEqual([1, 1]);
    expect([...w.fake.state.drafts.values()][0]!.articles.map((a) => a.title)).toEqual(['冬至围炉煮茶指南', '老白茶怎么存']);
    const receipts = await Promise.all(['dongzhi-weilu', 'baicha-cunfang'].map(async (slug) => receiptIn(await readFile(join(repo.root, articleDir(slug), 'index.md'), 'utf8'))));
    expect(receipts.map((r) => [r?.state, r?.draft_index, r?.url?.replace(/.*-/, '')])).toEqual([
      ['published', 0, '1'],
      ['published', 1, '2'],
    ]);
    expect(receipts[0]!.draft_media_id).toBe(receipts[1]!.draft_media_id);
    expect(receipts[0]!.publish_id).toBe(receipts[1]!.publish_id);
  });

  it('one member that cannot go out holds back the whole group, saying which', async () => {
    const repo = await approvedRepo(
      [
        { slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南', plan: '2026-12/01', images: ['weilu.jpg'] },
        { slug: 'baicha-cunfang', title: '老白茶怎么存', plan: '2026-12/02', status: 'review', images: ['baicha.jpg'] },
      ],
      plan,
    );
    const w = await world();
    const report = await publishArticles({ root: repo.root, paths: [articleDir('dongzhi-weilu')], clientFor: () => w.client, clock: w.clock });
    expect(w.fake.calls).toEqual([]);
    expect(report.refusals).toEqual([expect.objectContaining({ file: `${articleDir('baicha-cunfang')}/index.md`, ruleId: 'publish/status' })]);
    expect(report.results).toContainEqual(expect.objectContaining({ file: `${articleDir('dongzhi-weilu')}/index.md`, outcome: 'refused', message: '同组的「老白茶怎么存」不能发布，这组多图文一起暂缓。' }));
  });
});

describe('mpdesk publish --due', () => {
  it('publishes what is approved and due, leaves the rest, and a second run finds nothing to do', async () => {
    const repo = await approvedRepo([
      { slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南', images: [] },
      { slug: 'baicha-cunfang', title: '老白茶怎么存', images: [], publishAt: '2026-12-10T20:00:00+08:00' },
    ]);
    // 20:00:05 in Beijing, said in UTC.
    const w = await world('2026-12-03T12:00:05Z');
    const report = await publishArticles({ root: repo.root, paths: [], due: true, clientFor: () => w.client, clock: w.clock });
    expect(report.results.map((r) => [r.file, r.outcome])).toEqual([[`${articleDir('dongzhi-weilu')}/index.md`, 'published']]);
    const again = await publishArticles({ root: repo.root, paths: [], due: true, clientFor: () => w.client, clock: w.clock });
    expect(again.results).toEqual([]);
    expect(w.count('cgi-bin/freepublish/submit')).toBe(1);
  });
});
