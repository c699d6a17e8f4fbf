import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../site/index.ts';
import { approvedRepo, articleDir } from '../testing/publish-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { wechatWorld, type WechatWorld } from '../testing/wechat-world.ts';
import { publishArticles } from './index.ts';

const dongzhi = articleDir('dongzhi-weilu');
const worlds: WechatWorld[] = [];
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()));
});

async function world(): Promise<WechatWorld> {
  const w = await wechatWorld({ publishPolls: 0 });
  worlds.push(w);
  return w;
}

describe('mpdesk publish --commit: the receipt in git', () => {
  it('commits the receipt and the ledger, and nothing else, as publish: <account>/<slug>; the audit trail reads it back', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    // Someone's unrelated work in progress, staged: it must stay out of the publish commit.
    await import('node:fs/promises').then((fs) => fs.writeFile(join(repo.root, 'notes.md'), '下周选题\n'));
    await repo.git.add('notes.md');
    const w = await world();
    const report = await publishArticles({ root: repo.root, paths: [dongzhi], submit: true, commit: true, clientFor: () => w.client, clock: w.clock });
    expect(report.commits).toHaveLength(1);
    const show = await repo.git.raw(['show', '--stat', '--format=%s%n%b', 'HEAD']);
    expect(show).toMatch(/^publish: qinghe-tea\/dongzhi-weilu 已发表\ncontent\/qinghe-tea\/articles\/2026\/dongzhi-weilu\/index\.md: published draft \S+ https:\/\/mp\.weixin\.qq\.com\/s\/\S+\n/);
    expect(show).toContain('content/qinghe-tea/media-ledger.json');
    expect(show).not.toContain('notes.md');
    expect((await repo.git.status()).staged).toEqual(['notes.md']);

    // Publishing is bookkeeping: the approval still covers the article, and review check stays clean.
    const check = await runCli(['review', 'check'], repo.root);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    const audit = JSON.parse((await runCli(['audit', dongzhi, '--format', 'json'], repo.root)).stdout);
    expect(audit.articles[0].receipts).toEqual([expect.objectContaining({ state: 'published', draft_media_id: expect.any(String), url: expect.stringMatching(/^https:\/\/mp\.weixin\.qq\.com\//) })]);
  }, 90_000);
});

describe('copy-to-editor keeps its images', () => {
  it('the preview says images are not uploaded and how; after --images-only the fragment and the preview use WeChat URLs', async () => {
    // Still in review: the editor wants to see it in WeChat's own editor before approving.
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南', status: 'review' }]);
    const out = join(repo.root, 'dist', 'qinghe-tea', 'dongzhi-weilu');
    await buildSite({ root: repo.root, workers: 1 });
    const before = await readFile(join(out, 'preview.html'), 'utf8');
    expect(before).toContain(`本文有 2 张图片还没有上传到微信，复制到公众号编辑器后这些图片会丢失。先运行 <code>mpdesk publish --images-only ${dongzhi}/index.md</code> 上传图片`);
    expect(before.indexOf('class="pending"')).toBeLessThan(before.indexOf('id="copy"'));
    expect(await readFile(join(out, 'article.html'), 'utf8')).toContain('src="images/weilu.jpg"');

    const w = await world();
    const report = await publishArticles({ root: repo.root, paths: [dongzhi], imagesOnly: true, clientFor: () => w.client, clock: w.clock });
    expect(report.results).toEqual([expect.objectContaining({ outcome: 'images' })]);
    expect([w.count('cgi-bin/draft/add'), w.count('cgi-bin/media/uploadimg')]).toEqual([0, 2]);

    const built = await buildSite({ root: repo.root, workers: 1 });
    expect(built.rendered).toEqual([`${dongzhi}/index.md`]);
    const fragment = await readFile(join(out, 'article.html'), 'utf8');
    const sources = [...fragment.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(2);
    const uploaded = w.fake.state.bodyImages.map((image) => image.url.replace(/^http:/, 'https:'));
    for (const src of sources) expect(uploaded).toContain(src.replace(/&amp;|&#x26;/g, '&'));
    const after = await readFile(join(out, 'preview.html'), 'utf8');
    expect(after).not.toContain('class="pending"');
    expect(after).toContain('<meta name="referrer" content="no-referrer">');
  }, 90_000);
});
