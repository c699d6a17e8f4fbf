import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { approvedRepo, articleDir, articleText, operator } from '../testing/publish-repo.ts';

const dongzhi = articleDir('dongzhi-weilu');

describe('mpdesk publish refuses, exit 1, naming what is missing, before any call', () => {
  it('a draft, an article changed after approval, one never approved, and one with lint errors', async () => {
    const repo = await approvedRepo([
      { slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' },
      { slug: 'baicha-cunfang', title: '老白茶怎么存', status: 'draft' },
    ]);
    // Committed straight to main, never reviewed; and one whose text breaks the rules.
    await repo.commit('直接加一篇', operator, '2026-12-01T10:00:00+08:00', {
      [`${articleDir('zhijie-tijiao')}/index.md`]: articleText({ slug: 'zhijie-tijiao', title: '直接提交的文章', images: [] }).replace('cover: ./cover.jpg\n', ''),
      [`${articleDir('guanggao-ci')}/index.md`]: articleText({ slug: 'guanggao-ci', title: '全网最好的白茶', images: [] }).replace('cover: ./cover.jpg\n', ''),
    });
    // Changed after the reviewed merge, not yet committed.
    const file = join(repo.root, dongzhi, 'index.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('小火慢慢煮上五六分钟', '小火煮上十分钟'));
    const result = await runCli(['publish', 'content/qinghe-tea', `${articleDir('baicha-cunfang')}/index.md`, '--dry-run'], repo.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${articleDir('baicha-cunfang')}/index.md\n  5:1     错误  状态是 draft（草稿）：只发布 approved（已批准）或 scheduled（已排期）的文章。 [status]  publish/status`);
    expect(result.stdout).toContain('当前内容和审核通过的版本（合并 ');
    expect(result.stdout).toMatch(/zhijie-tijiao\/index\.md\n {2}1:1 {5}错误 {2}没有覆盖当前内容的审核记录：提交 [0-9a-f]{7} 直接改在主干上，没有经过审核合并，新增了 index\.md。/);
    expect(result.stdout).toMatch(/guanggao-ci\/index\.md\n(.*\n)*? {2}2:8 {5}错误 {2}“全网最”属于绝对化用语.*ad-law\/absolute-terms\n {16}建议：很 \/ 相当\n/);
    expect(result.stdout).toContain('预演完成：未发布 4 篇。');
    expect(result.stderr).toBe('');
  }, 90_000);

  it('uncommitted changes to an approved article\'s images are not covered by its approval', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    await writeFile(join(repo.root, dongzhi, 'weilu.jpg'), await readFile(join(repo.root, dongzhi, 'cover.jpg')));
    const result = await runCli(['publish', dongzhi, '--dry-run', '--format', 'json'], repo.root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.refusals).toEqual([expect.objectContaining({ ruleId: 'publish/approval', message: expect.stringContaining('文章目录里有未提交的图片改动（weilu.jpg）') })]);
    expect(report.calls).toEqual([]);
  }, 90_000);

  it("an article asking for comments on an account without them is refused at its comments field (WeChat's 88000)", async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const yaml = (await readFile(join(repo.root, 'content/qinghe-tea/account.yaml'), 'utf8')).replace('  secret_env: QINGHE_WECHAT_SECRET\n', '  secret_env: QINGHE_WECHAT_SECRET\n  comments: false\n');
    await repo.commit('账号没有留言功能', operator, '2026-12-01T10:00:00+08:00', { 'content/qinghe-tea/account.yaml': yaml });
    const result = await runCli(['publish', dongzhi, '--dry-run'], repo.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  10:1    错误  comments 是 open，但这个账号没有留言功能（account.yaml 的 wechat.comments: false），微信会拒绝这个草稿（88000）：改成 closed。 [comments]  publish/limits');
  }, 90_000);

  it('more than 8 articles in one --group are refused before anything is uploaded', async () => {
    const specs = Array.from({ length: 9 }, (_, i) => ({ slug: `dongzhi-${i + 1}`, title: `冬至围炉煮茶第 ${i + 1} 篇`, images: [] }));
    const repo = await approvedRepo(specs);
    const result = await runCli(['publish', ...specs.map((s) => articleDir(s.slug)), '--group', '--dry-run'], repo.root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('--group 指定的组：这组有 9 篇，微信的一个草稿最多 8 篇（45008）：请分成两组。');
  }, 90_000);

  it('misuse is exit 2 with one line of why', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const none = await runCli(['publish'], repo.root);
    expect(none).toMatchObject({ code: 2, stderr: 'mpdesk: 请给出要发布的文章，或用 --account <账号>、--due 选择。\n' });
    const mixed = await runCli(['publish', dongzhi, '--images-only', '--submit'], repo.root);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--images-only 只上传图片');
    const elsewhere = await runCli(['publish', '--due'], join(repo.root, '..'));
    expect(elsewhere).toMatchObject({ code: 2, stdout: '' });
    expect(elsewhere.stderr).toMatch(/^mpdesk: 不在 mpdesk 仓库中/);
  }, 90_000);
});
