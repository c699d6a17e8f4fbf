import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../testing/fixture-repo.ts';
import { makeGitRepo, type Author, type TestRepo } from '../testing/git-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { explainGitError, recordMerge, trailerBlock } from '../review/index.ts';
import { anomalyFindings, auditMarkdown, auditRepository, type ArticleAudit } from './index.ts';

const writer: Author = { name: '陈晓', email: 'chenxiao@qinghe.example' };
const editor: Author = { name: '林一', email: 'linyi@qinghe.example' };
const operator: Author = { name: '王芳', email: 'wangfang@qinghe.example' };
const publisher: Author = { name: 'mpdesk-bot', email: 'bot@qinghe.example' };

const account = `name: 青禾茶事
review:
  levels:
    - name: 编辑
      approvers: [林一, lin-yi]
    - name: 审稿
      approvers: [周文]
`;

const dongzhi = 'content/qinghe-tea/articles/2026/dongzhi-weilu/index.md';
const baicha = 'content/qinghe-tea/articles/2026/baicha-cunfang/index.md';

function articleText(status: string, body: string, extra = ''): string {
  return `---\ntitle: 冬至围炉煮茶指南\nauthor: 陈晓\nstatus: ${status}\n${extra}---\n\n${body}\n`;
}

const day = (d: number, hour = 10) => `2026-11-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/**
 * A writer's branch with one new article, reviewed and merged with `mpdesk review record` (merged now), or, where a
 * test needs every date fixed, with the same merge commit made by hand on day 5.
 */
async function reviewedRepo(how: 'record' | 'by-hand' = 'record'): Promise<TestRepo> {
  const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account }, operator, day(1));
  await repo.git.checkoutLocalBranch('chenxiao/dongzhi');
  await repo.commit('新稿：冬至围炉煮茶', writer, day(3), { [dongzhi]: articleText('review', '冬至前后，围炉煮茶正当时。') });
  const head = await repo.commit('按编辑意见修改', writer, day(4), { [dongzhi]: articleText('approved', '冬至前后，围炉煮一壶老白茶正当时。') });
  await repo.git.checkout('main');
  const reviewers = [{ name: '林一', level: '编辑' }, { name: '周文', level: '审稿' }];
  const reviewedOn = 'https://gitee.com/qinghe/content/pulls/7';
  if (how === 'by-hand') {
    await repo.merge('chenxiao/dongzhi', `Merge branch 'chenxiao/dongzhi'\n\n${trailerBlock({ reviewers, reviewedOn, approvedHead: head, articles: [dongzhi] })}`, operator, day(5));
  } else {
    expect((await recordMerge({ root: repo.root, branch: 'chenxiao/dongzhi', approvals: reviewers, reviewedOn })).merged).toBe(true);
  }
  return repo;
}

const only = (articles: ArticleAudit[], path: string) => articles.find((a) => a.path === path)!;

describe('mpdesk review record: a reviewed merge for teams not on GitHub', () => {
  it('writes the trailers, with Chinese names, into a real merge commit', async () => {
    const repo = await reviewedRepo();
    const message = (await repo.git.raw(['log', '-1', '--format=%B'])).trim();
    const branchHead = (await repo.git.revparse(['chenxiao/dongzhi'])).trim();
    expect(message).toBe(
      [
        "Merge branch 'chenxiao/dongzhi'",
        '',
        'Reviewed-by: 林一 (编辑)',
        'Reviewed-by: 周文 (审稿)',
        'Reviewed-on: https://gitee.com/qinghe/content/pulls/7',
        `Approved-head: ${branchHead}`,
        `Article: ${dongzhi}`,
      ].join('\n'),
    );
    // git itself reads them as trailers.
    expect(await repo.git.raw(['log', '-1', '--format=%(trailers:key=Reviewed-by,valueonly)'])).toBe('林一 (编辑)\n周文 (审稿)\n\n');
  });

  it('refuses a missing level, an approver not on the list, and the writer approving their own article', async () => {
    const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account }, operator, day(1));
    await repo.git.checkoutLocalBranch('linyi/draft');
    await repo.commit('林一自己写的稿子', editor, day(3), { [dongzhi]: articleText('review', '正文') });
    await repo.git.checkout('main');
    const outcome = await recordMerge({ root: repo.root, branch: 'linyi/draft', approvals: [{ name: '林一', level: '编辑' }, { name: '张三', level: '审稿' }, { name: '李四', level: '终审' }] });
    expect(outcome).toEqual({
      merged: false,
      problems: [
        'qinghe-tea：林一 提交过这些改动，不能审批自己的稿件。',
        'qinghe-tea：“审稿”级的 张三 不在名单上或已审批其他级别（可审批：周文）。',
        '没有名为“终审”的审核级别（李四）。',
      ],
    });
    expect((await repo.git.revparse(['HEAD'])).trim()).toBe((await repo.git.revparse(['main'])).trim());
  });

  it('exits 2 on a dirty work tree or an unknown branch, and 1 when approvals fall short', async () => {
    const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account }, operator, day(1));
    await repo.git.checkoutLocalBranch('chenxiao/x');
    await repo.commit('新稿', writer, day(3), { [dongzhi]: articleText('review', '正文') });
    await repo.git.checkout('main');
    expect((await runCli(['review', 'record', 'chenxiao/y', '--approve', '林一=编辑'], repo.root)).stderr).toBe('mpdesk: 未找到分支或提交 chenxiao/y（是不是 chenxiao/x？）。现有分支：chenxiao/x、main。\n');
    const short = await runCli(['review', 'record', 'chenxiao/x', '--approve', '林一=编辑'], repo.root);
    expect(short.code).toBe(1);
    expect(short.stdout).toContain('“审稿”级没有审批人');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${repo.root}/content/qinghe-tea/account.yaml`, `${account}# 改动\n`);
    const dirty = await runCli(['review', 'record', 'chenxiao/x', '--approve', '林一=编辑', '--approve', '周文=审稿'], repo.root);
    expect(dirty.code).toBe(2);
    expect(dirty.stderr).toContain('工作区有未提交的改动');
  });
});

describe('mpdesk audit: history read back as the audit trail', () => {
  it('records creation, every change, status moves, approvals and a publish receipt for a reviewed article', async () => {
    const repo = await reviewedRepo();
    await repo.commit('发布：冬至围炉煮茶指南', publisher, day(6, 20), {
      [dongzhi]: articleText('published', '冬至前后，围炉煮一壶老白茶正当时。', 'publish_at: 2026-11-06T20:00:00+08:00\nwechat: {state: published, draft_media_id: MEDIA_123, url: "https://mp.weixin.qq.com/s/abc"}\n'),
    });
    const report = await auditRepository({ root: repo.root });
    const audit = only(report.articles, dongzhi);
    expect(audit).toMatchObject({ title: '冬至围炉煮茶指南', status: 'published', created: { author: '陈晓', date: day(3) } });
    expect(audit.changes.map((c) => [c.author, c.via, c.kind])).toEqual([
      ['陈晓', 'branch', 'added'],
      ['陈晓', 'branch', 'edited'],
      ['运营 王芳', 'merge', 'added'],
      ['mpdesk-bot', 'direct', 'edited'],
    ]);
    expect(audit.statusChanges.map((s) => [s.from, s.to])).toEqual([
      [undefined, 'approved'],
      ['approved', 'published'],
    ]);
    expect(audit.approvals).toHaveLength(1);
    expect(audit.approvals[0]!.reviewers).toEqual([{ name: '林一', level: '编辑' }, { name: '周文', level: '审稿' }]);
    expect(audit.approvals[0]!.approvedHead).toBe(audit.approvals[0]!.mergedHead);
    expect(audit.receipts).toEqual([expect.objectContaining({ draft_media_id: 'MEDIA_123', url: 'https://mp.weixin.qq.com/s/abc', author: 'mpdesk-bot' })]);
    expect(audit.anomalies).toEqual([]);
  });

  it('follows a rename and records several articles approved in one merge', async () => {
    const repo = await reviewedRepo();
    await repo.git.checkoutLocalBranch('chenxiao/rename');
    const renamed = 'content/qinghe-tea/articles/2026/dongzhi-weilu-zhucha/index.md';
    await repo.move('content/qinghe-tea/articles/2026/dongzhi-weilu', 'content/qinghe-tea/articles/2026/dongzhi-weilu-zhucha', '改 slug', writer, day(7));
    await repo.commit('新稿：白茶存放', writer, day(7, 11), { [baicha]: articleText('review', '白茶怕潮、怕光、怕异味。') });
    await repo.git.checkout('main');
    await recordMerge({ root: repo.root, branch: 'chenxiao/rename', approvals: [{ name: 'lin-yi', level: '编辑' }, { name: '周文', level: '审稿' }] });
    const message = await repo.git.raw(['log', '-1', '--format=%B']);
    expect(message).toContain(`Article: ${baicha}\nArticle: ${renamed}`);

    const { articles } = await auditRepository({ root: repo.root });
    expect(articles.map((a) => a.path)).toEqual([baicha, renamed]);
    const moved = only(articles, renamed);
    expect(moved.paths).toEqual([dongzhi, renamed]);
    expect(moved.created).toMatchObject({ author: '陈晓', date: day(3) });
    expect(moved.changes.map((c) => c.kind)).toEqual(['added', 'edited', 'added', 'renamed', 'renamed']);
    expect(moved.approvals).toHaveLength(2);
    expect(only(articles, baicha).approvals[0]!.reviewers.map((r) => r.name)).toEqual(['lin-yi', '周文']);
    expect(articles.flatMap((a) => a.anomalies)).toEqual([]);
  });

  it('flags commits that bypassed review: a direct edit, a status move to published, a plain merge', async () => {
    const repo = await reviewedRepo('by-hand');
    const direct = await repo.commit('直接改正文', editor, day(8), { [dongzhi]: articleText('approved', '冬至前后，围炉煮一壶老白茶正当时。再加两颗红枣。') });
    const publish = await repo.commit('发布', publisher, day(9), { [dongzhi]: articleText('published', '冬至前后，围炉煮一壶老白茶正当时。再加两颗红枣。') });
    await repo.git.checkoutLocalBranch('chenxiao/baicha');
    await repo.commit('新稿：白茶', writer, day(10), { [baicha]: articleText('scheduled', '白茶怕潮。', 'publish_at: 2026-11-12T20:00:00+08:00\n') });
    await repo.git.checkout('main');
    const plain = await repo.merge('chenxiao/baicha', "Merge branch 'chenxiao/baicha'", editor, day(10, 12));

    const report = await auditRepository({ root: repo.root });
    expect(only(report.articles, dongzhi).anomalies.map((a) => [a.kind, a.severity, a.commit])).toEqual([
      ['unreviewed-change', 'warning', direct],
      ['unapproved-status', 'error', publish],
    ]);
    expect(only(report.articles, baicha).anomalies.map((a) => [a.kind, a.commit])).toEqual([
      ['unreviewed-change', plain],
      ['unapproved-status', plain],
    ]);
    const findings = anomalyFindings(report);
    expect(findings.find((f) => f.ruleId === 'review/unapproved-status' && f.file === dongzhi)).toMatchObject({ line: 4, severity: 'error' });

    const check = await runCli(['review', 'check', '--format', 'json'], repo.root);
    expect(check.code).toBe(1);
    const ruleIds = (JSON.parse(check.stdout) as Array<{ ruleId: string }>).map((f) => f.ruleId).sort();
    expect(ruleIds).toEqual(['review/unapproved-status', 'review/unapproved-status', 'review/unreviewed-change', 'review/unreviewed-change']);
    expect((await runCli(['review', 'check', '--since', '2026-11-11'], repo.root)).code).toBe(0);
  });

  it('reports an anomaly once per commit, naming every file it changed, not once per file', async () => {
    const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account }, operator, day(1));
    const folder = 'content/qinghe-tea/articles/2026/dongzhi-weilu';
    const direct = await repo.commit('直接提交新稿和图片', editor, day(2), {
      [dongzhi]: articleText('draft', '冬至前后，围炉煮茶正当时。'),
      [`${folder}/cover.jpg`]: 'cover',
      [`${folder}/lu.jpg`]: 'stove',
    });
    await repo.git.checkoutLocalBranch('chenxiao/baicha');
    await repo.commit('新稿：白茶', writer, day(3), { [baicha]: articleText('review', '白茶怕潮。'), 'content/qinghe-tea/articles/2026/baicha-cunfang/cover.jpg': 'tea' });
    await repo.git.checkout('main');
    const plain = await repo.merge('chenxiao/baicha', "Merge branch 'chenxiao/baicha'", editor, day(4));

    const report = await auditRepository({ root: repo.root });
    expect(only(report.articles, dongzhi).anomalies.map((a) => [a.kind, a.commit, a.path, a.message])).toEqual([
      ['unreviewed-change', direct, dongzhi, `提交 ${direct.slice(0, 7)} 直接改在主干上，没有经过审核合并，新增了 index.md、cover.jpg、lu.jpg。`],
    ]);
    expect(only(report.articles, baicha).anomalies.map((a) => [a.kind, a.commit, a.message])).toEqual([
      ['unreviewed-change', plain, expect.stringMatching(/没有这篇文章的审核记录.*，新增了 index\.md、cover\.jpg。$/)],
    ]);
    const md = await runCli(['audit', dongzhi], repo.root);
    expect(md.stdout.match(new RegExp(`\`${direct.slice(0, 7)}\`：`, 'g'))).toHaveLength(1);
    const check = await runCli(['review', 'check', '--format', 'json'], repo.root);
    expect((JSON.parse(check.stdout) as Array<{ file: string; ruleId: string }>).map((f) => [f.file, f.ruleId])).toEqual([
      [baicha, 'review/unreviewed-change'],
      [dongzhi, 'review/unreviewed-change'],
    ]);
  });

  it('flags a merge whose trailers miss a level or name a head other than the merged one', async () => {
    const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account }, operator, day(1));
    await repo.git.checkoutLocalBranch('chenxiao/a');
    const approved = await repo.commit('新稿', writer, day(3), { [dongzhi]: articleText('approved', '正文第一版') });
    await repo.commit('审核后又改了', writer, day(4), { [dongzhi]: articleText('approved', '正文第二版') });
    await repo.git.checkout('main');
    await repo.merge('chenxiao/a', `Merge branch 'chenxiao/a'\n\nReviewed-by: 林一 (编辑)\nReviewed-on: branch chenxiao/a\nApproved-head: ${approved}\nArticle: ${dongzhi}`, operator, day(5));
    const [audit] = (await auditRepository({ root: repo.root })).articles;
    expect(audit!.anomalies.map((a) => [a.kind, a.message])).toEqual([
      ['incomplete-approval', expect.stringContaining('“审稿”级没有审批人')],
      ['head-mismatch', expect.stringContaining(`批准针对提交 ${approved.slice(0, 7)}`)],
      ['unapproved-status', expect.stringContaining('状态改为 approved')],
    ]);
  });

  it('does not take trailers on a direct commit, or a branch that rewrote its own approvers, as an approval', async () => {
    const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account }, operator, day(1));
    const forged = await repo.commit(
      `直接发布\n\nReviewed-by: 林一 (编辑)\nReviewed-by: 周文 (审稿)\nReviewed-on: x\nApproved-head: ${'0'.repeat(40)}\nArticle: ${dongzhi}`,
      writer,
      day(2),
      { [dongzhi]: articleText('published', '正文') },
    );
    await repo.git.checkoutLocalBranch('chenxiao/self');
    const selfApproved = await repo.commit('自己当编辑', writer, day(3), {
      'content/qinghe-tea/account.yaml': account.replace('approvers: [林一, lin-yi]', 'approvers: [陈晓]'),
      [baicha]: articleText('approved', '白茶怕潮。'),
    });
    await repo.git.checkout('main');
    const merge = await repo.merge('chenxiao/self', `Merge branch 'chenxiao/self'\n\n${trailerBlock({ reviewers: [{ name: '陈晓', level: '编辑' }, { name: '周文', level: '审稿' }], reviewedOn: 'x', approvedHead: selfApproved, articles: [baicha] })}`, operator, day(4));
    const { articles } = await auditRepository({ root: repo.root });
    expect(only(articles, dongzhi).anomalies.map((a) => [a.kind, a.commit])).toEqual([
      ['unreviewed-change', forged],
      ['unapproved-status', forged],
    ]);
    expect(only(articles, dongzhi).anomalies[0]!.message).toContain('其中的审核 trailer 不算数');
    expect(only(articles, baicha).anomalies.map((a) => [a.kind, a.commit, a.message])).toEqual([
      ['incomplete-approval', merge, expect.stringContaining('“编辑”级的 陈晓 不在名单上')],
      ['unapproved-status', merge, expect.any(String)],
    ]);
  });

  it('flags an image swapped on main after approval, and keeps a writer’s merge of main out of the article’s changes', async () => {
    const repo = await reviewedRepo('by-hand');
    const image = 'content/qinghe-tea/articles/2026/dongzhi-weilu/cover.jpg';
    const swap = await repo.commit('换封面', editor, day(6), { [image]: 'another picture' });
    await repo.git.checkoutLocalBranch('chenxiao/baicha');
    await repo.commit('新稿：白茶', writer, day(7), { [baicha]: articleText('review', '白茶怕潮。') });
    await repo.git.merge(['main', '--no-edit']);
    await repo.git.checkout('main');
    await repo.commit('发布', publisher, day(8), { [dongzhi]: articleText('published', '冬至前后，围炉煮一壶老白茶正当时。') });
    const { articles } = await auditRepository({ root: repo.root });
    const audit = only(articles, dongzhi);
    expect(audit.changes.filter((c) => c.path === image).map((c) => [c.commit, c.via])).toEqual([[swap, 'direct']]);
    expect(audit.anomalies.map((a) => a.kind)).toEqual(['unreviewed-change', 'unapproved-status']);
    expect(audit.anomalies[0]!.message).toContain('，新增了 cover.jpg。');
  });

  it('keeps a backdated commit inside --since and refuses a date that does not exist', async () => {
    const repo = await reviewedRepo('by-hand');
    await repo.commit('十一月十日的正常提交', editor, day(10), { 'content/qinghe-tea/notes.md': '备忘\n' });
    const backdated = await repo.commit('倒填日期的发布', publisher, day(2), { [dongzhi]: articleText('published', '改过的正文') });
    const report = await auditRepository({ root: repo.root, since: '2026-11-10' });
    expect(only(report.articles, dongzhi).anomalies.map((a) => [a.kind, a.commit])).toEqual([
      ['unreviewed-change', backdated],
      ['unapproved-status', backdated],
    ]);
    const impossible = await runCli(['review', 'check', '--since', '2026-13-01'], repo.root);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toContain('--since 应为真实日期');
  });

  it('keeps the trailers last when git is set to append a shortlog to merges', async () => {
    const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account }, operator, day(1));
    await repo.git.addConfig('merge.log', 'true');
    await repo.git.checkoutLocalBranch('chenxiao/x');
    await repo.commit('新稿', writer, day(3), { [dongzhi]: articleText('approved', '正文') });
    await repo.git.checkout('main');
    await recordMerge({ root: repo.root, branch: 'chenxiao/x', approvals: [{ name: '林一', level: '编辑' }, { name: '周文', level: '审稿' }] });
    const [audit] = (await auditRepository({ root: repo.root })).articles;
    expect(audit!.approvals).toHaveLength(1);
    expect(audit!.anomalies).toEqual([]);
  });

  it('prints the archive report for an account since a date, and JSON', async () => {
    const repo = await reviewedRepo();
    const md = await runCli(['audit', '--account', 'qinghe-tea', '--since', '2026-11-04', '--format', 'md'], repo.root);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('# 审计报告');
    expect(md.stdout).toContain('- 范围：账号 qinghe-tea，自 2026-11-04（北京时间）起的记录');
    expect(md.stdout).toContain('## 冬至围炉煮茶指南');
    expect(md.stdout).toContain('- 创建：陈晓，2026-11-03 10:00 (+08:00)');
    expect(md.stdout).toContain('| 林一（编辑）、周文（审稿） | https://gitee.com/qinghe/content/pulls/7 |');
    expect(md.stdout).not.toContain('新稿：冬至围炉煮茶');
    const json = await runCli(['audit', dongzhi, '--format', 'json'], repo.root);
    expect(JSON.parse(json.stdout).articles).toHaveLength(1);
    const missing = await runCli(['audit', 'content/qinghe-tea/articles/2026/nope'], repo.root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('没有这篇文章');
    expect(auditMarkdown(await auditRepository({ root: repo.root }), '全部账号')).toBe(auditMarkdown(await auditRepository({ root: repo.root }), '全部账号'));
  });
});

describe('review record says what blocks it, in Chinese, and leaves the repository as it was', () => {
  /** A writer's branch that adds an article and its cover, ready to record. */
  async function branchRepo(): Promise<TestRepo> {
    const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account }, operator, day(1));
    await repo.git.checkoutLocalBranch('chenxiao/dongzhi');
    await repo.commit('新稿：冬至围炉煮茶', writer, day(3), { [dongzhi]: articleText('approved', '冬至前后，围炉煮茶正当时。'), [cover]: 'cover from the branch' });
    await repo.git.checkout('main');
    return repo;
  }
  const cover = 'content/qinghe-tea/articles/2026/dongzhi-weilu/cover.jpg';
  const approve = ['--approve', '林一=编辑', '--approve', '周文=审稿'];
  const state = async (repo: TestRepo) => ({ head: (await repo.git.revparse(['HEAD'])).trim(), status: await repo.git.raw(['status', '--porcelain']) });

  it('names an untracked file the merge would overwrite', async () => {
    const repo = await branchRepo();
    await mkdir(join(repo.root, 'content/qinghe-tea/articles/2026/dongzhi-weilu'), { recursive: true });
    await writeFile(join(repo.root, cover), 'my own cover, not yet committed');
    const before = await state(repo);
    const result = await runCli(['review', 'record', 'chenxiao/dongzhi', ...approve], repo.root);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(`mpdesk: 没有合并 chenxiao/dongzhi，仓库保持原样：这些未跟踪的文件会被合并覆盖：${cover}。先把它们移走或删掉（要保留就先提交），再记录合并。\n`);
    expect(await state(repo)).toEqual(before);
    expect(await readFile(join(repo.root, cover), 'utf8')).toBe('my own cover, not yet committed');
  });

  it('names the conflicting files and undoes the merge', async () => {
    const repo = await branchRepo();
    await repo.commit('主干上也加了这篇', editor, day(4), { [dongzhi]: articleText('review', '另一版正文。'), [cover]: 'cover on main' });
    const before = await state(repo);
    const result = await runCli(['review', 'record', 'chenxiao/dongzhi', ...approve], repo.root);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      `mpdesk: 没有合并 chenxiao/dongzhi，仓库保持原样：合并冲突：${cover}（两边都新增了这个文件）、${dongzhi}（两边都新增了这个文件）。先在分支上合并当前分支并解决冲突，再记录合并。\n`,
    );
    expect(await state(repo)).toEqual(before);
    expect(existsSync(join(repo.root, '.git/MERGE_HEAD'))).toBe(false);
  });

  it('names the changed files of a dirty work tree, and lets unrelated untracked files be', async () => {
    const repo = await branchRepo();
    await writeFile(join(repo.root, 'notes.txt'), '与合并无关的草稿\n');
    await writeFile(join(repo.root, 'content/qinghe-tea/account.yaml'), `${account}# 改动\n`);
    const dirty = await runCli(['review', 'record', 'chenxiao/dongzhi', ...approve], repo.root);
    expect(dirty).toMatchObject({ code: 2, stderr: 'mpdesk: 工作区有未提交的改动：content/qinghe-tea/account.yaml。先提交或暂存（git stash）后再记录合并。\n' });
    await repo.git.checkout(['content/qinghe-tea/account.yaml']);
    const merged = await runCli(['review', 'record', 'chenxiao/dongzhi', ...approve], repo.root);
    expect(merged.code, merged.stderr).toBe(0);
    expect(await readFile(join(repo.root, 'notes.txt'), 'utf8')).toBe('与合并无关的草稿\n');
  });

  it('translates the git errors it knows and keeps git’s first line for the rest', () => {
    expect(explainGitError(new Error('merge: nope - not something we can merge\n'))).toBe('nope 不是可以合并的分支或提交。');
    expect(explainGitError(new Error('CONFLICT (content): Merge conflict in content/a/index.md\nAutomatic merge failed'))).toBe('合并冲突：content/a/index.md（两边改了同一处）。');
    expect(explainGitError(new Error('fatal: refusing to merge unrelated histories\n'))).toBe('两个分支没有共同的历史，git 拒绝合并。');
    expect(explainGitError(new Error('fatal: something new\nmore'))).toBe('git 报错：something new');
  });
});

describe('review check and audit find their footing', () => {
  it('exits 2 naming the branches for a --ref that does not exist, and outside a git repository', async () => {
    const repo = await reviewedRepo('by-hand');
    for (const args of [['review', 'check'], ['audit']]) {
      const result = await runCli([...args, '--ref', 'nope'], repo.root);
      expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'mpdesk: 未找到分支或提交 nope。现有分支：main、chenxiao/dongzhi。\n' });
    }
    expect((await runCli(['audit', '--ref', 'mian'], repo.root)).stderr).toContain('未找到分支或提交 mian（是不是 main？）');
    expect(await runCli(['audit', '--account', 'qinghe'], repo.root)).toMatchObject({ code: 2, stdout: '', stderr: 'mpdesk: 账号 qinghe 不存在（是不是 qinghe-tea？）。现有账号：qinghe-tea。\n' });
    const plain = await makeRepo({ 'content/qinghe-tea/account.yaml': account });
    const outside = await runCli(['review', 'check'], plain);
    expect(outside).toMatchObject({ code: 2, stderr: `mpdesk: ${plain} 不是 git 仓库：审计和审核检查读的是 git 历史。\n` });
  });

  it('judges history from when the review workflow was added, without --since', async () => {
    // Content imported and published directly, as every repository starts, then the process adopted.
    const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account, [dongzhi]: articleText('published', '旧文章。') }, operator, day(1));
    const adopted = await repo.commit('启用审核流程', operator, day(2), { '.github/workflows/review.yml': 'name: review\n' });
    const clean = await runCli(['review', 'check'], repo.root);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toBe(`✓ 检查了 HEAD 上 1 篇文章自审核流程启用（2026-11-02，${adopted.slice(0, 7)} 加入 .github/workflows/review.yml）以来的历史，没有发现问题。\n`);
    const direct = await repo.commit('直接发布新稿', editor, day(3), { [baicha]: articleText('published', '白茶怕潮。') });
    const flagged = await runCli(['review', 'check', '--format', 'json'], repo.root);
    expect(flagged.code).toBe(1);
    expect((JSON.parse(flagged.stdout) as Array<{ file: string; message: string }>).map((f) => [f.file, f.message.includes(direct.slice(0, 7))])).toEqual([
      [baicha, true],
      [baicha, true],
    ]);
    // --since still draws the line where it is told to.
    expect((await runCli(['review', 'check', '--since', '2026-11-01', '--format', 'json'], repo.root)).stdout).toContain(dongzhi);
  });

  it('takes the first reviewed merge as the start when there is no workflow, and says when there is neither', async () => {
    const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account, [baicha]: articleText('published', '白茶怕潮。') }, operator, day(1));
    const none = await runCli(['review', 'check'], repo.root);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('检查了 HEAD 上 1 篇文章的全部历史（没有找到审核流程的起点：既没有 .github/workflows/review.yml，也没有带审核记录的合并）');
    await repo.git.checkoutLocalBranch('chenxiao/dongzhi');
    const head = await repo.commit('新稿', writer, day(3), { [dongzhi]: articleText('approved', '正文') });
    await repo.git.checkout('main');
    const merge = await repo.merge('chenxiao/dongzhi', `Merge branch 'chenxiao/dongzhi'\n\n${trailerBlock({ reviewers: [{ name: '林一', level: '编辑' }, { name: '周文', level: '审稿' }], reviewedOn: 'x', approvedHead: head, articles: [dongzhi] })}`, operator, day(5));
    const check = await runCli(['review', 'check'], repo.root);
    expect(check).toMatchObject({ code: 0 });
    expect(check.stdout).toContain(`自审核流程启用（2026-11-05，${merge.slice(0, 7)} 第一次审核合并）以来的历史，没有发现问题`);
    const report = await auditRepository({ root: repo.root });
    expect(report.processStart).toEqual({ commit: merge, committed: day(5), reason: 'reviewed-merge' });
    expect(only(report.articles, baicha).anomalies.every((a) => a.predatesProcess)).toBe(true);
    expect(auditMarkdown(report, '全部账号')).toContain(`- 审核流程：自 2026-11-05 10:00 (+08:00)（${merge.slice(0, 7)} 第一次审核合并）起`);
  });
});

describe('audit report rows', () => {
  it('gives a reviewed merge one row that names the branch commits it brought in, not their files again', async () => {
    const repo = await reviewedRepo();
    const [first, second] = (await repo.git.raw(['rev-list', '--reverse', 'main^1..main^2'])).trim().split('\n') as [string, string];
    const merge = (await repo.git.revparse(['HEAD'])).trim();
    const md = await runCli(['audit', dongzhi], repo.root);
    expect(md.stdout).toContain(`| ${first.slice(0, 7)} | 陈晓 | 分支提交 | 新增 index.md | 新稿：冬至围炉煮茶 |`);
    expect(md.stdout).toMatch(new RegExp(`\\| ${merge.slice(0, 7)} \\| [^|]+ \\| 合并 \\| 合入 ${first.slice(0, 7)}、${second.slice(0, 7)} 的改动 \\|`));
    expect(md.stdout.match(/新增 index\.md/g)).toHaveLength(1);
    const json = JSON.parse((await runCli(['audit', dongzhi, '--format', 'json'], repo.root)).stdout);
    expect(json.articles[0].changes.find((c: { via: string }) => c.via === 'merge')).toMatchObject({ kind: 'added', merged: [first, second] });
  });

  it('names renames from where the paths part, and review check sees a folder renamed on main as a change to the article', async () => {
    const repo = await reviewedRepo();
    const folder = 'content/qinghe-tea/articles/2026/dongzhi-weilu';
    await repo.commit('加图', writer, day(6), { [`${folder}/a-lu.png`]: 'stove' });
    await repo.move(`${folder}/a-lu.png`, `${folder}/lu.png`, '图片改名', writer, day(7));
    const moved = await repo.move(folder, 'content/qinghe-tea/articles/2026/dongzhi-zhucha', '改 slug', editor, day(8));
    const renamed = 'content/qinghe-tea/articles/2026/dongzhi-zhucha/index.md';
    const md = (await runCli(['audit', renamed], repo.root)).stdout;
    expect(md).toContain('| 直接提交 | 改名 a-lu.png → lu.png | 图片改名 |');
    expect(md).toContain(`| ${moved.slice(0, 7)} | 林一 | 直接提交 | 改名 dongzhi-weilu/ → dongzhi-zhucha/（index.md、lu.png） | 改 slug |`);
    expect(md).not.toContain(`改名 ${folder}`);
    const check = await runCli(['review', 'check', '--format', 'json'], repo.root);
    expect(JSON.parse(check.stdout).filter((f: { file: string }) => f.file === renamed)).toEqual([
      expect.objectContaining({ ruleId: 'review/unreviewed-change', message: `提交 ${moved.slice(0, 7)} 直接改在主干上，没有经过审核合并，改名了 dongzhi-weilu/ → dongzhi-zhucha/（index.md、lu.png）。（2026-11-08）` }),
    ]);
    // The approval was of the article at its old address: it no longer stands.
    expect(only((await auditRepository({ root: repo.root })).articles, renamed).approved).toBeUndefined();
  });

  it('shows each change once with its path, keeps images added with index.md, and prints 北京时间', async () => {
    const repo = await makeGitRepo({ 'content/qinghe-tea/account.yaml': account }, operator, day(1));
    const folder = 'content/qinghe-tea/articles/2026/dongzhi-weilu';
    // Written in San Francisco: 18:01 on the 19th there is 10:01 on the 20th in Beijing.
    const added = await repo.commit('新稿：冬至围炉煮茶', writer, '2026-11-19T18:01:00-08:00', {
      [dongzhi]: articleText('draft', '冬至前后，围炉煮茶正当时。'),
      [`${folder}/cover.jpg`]: 'cover',
      [`${folder}/a-lu.png`]: 'stove',
    });
    await repo.commit('换图', writer, day(21), { [`${folder}/a-lu.png`]: 'another stove', [dongzhi]: articleText('draft', '冬至前后，围炉煮一壶老白茶。') });
    const report = await auditRepository({ root: repo.root });
    const audit = only(report.articles, dongzhi);
    expect(audit.changes.map((c) => [c.commit === added, c.kind, c.path.slice(folder.length + 1)])).toEqual([
      [true, 'added', 'index.md'],
      [true, 'added', 'a-lu.png'],
      [true, 'added', 'cover.jpg'],
      [false, 'edited', 'index.md'],
      [false, 'edited', 'a-lu.png'],
    ]);
    // JSON keeps git's ISO 8601 time with the writer's own offset.
    expect(audit.created!.date).toBe('2026-11-19T18:01:00-08:00');
    const md = auditMarkdown(report, '全部账号');
    expect(md).toContain('- 创建：陈晓，2026-11-20 10:01 (+08:00)');
    expect(md).toContain(`| 2026-11-20 10:01 (+08:00) | ${added.slice(0, 7)} | 陈晓 | 直接提交 | 新增 index.md、a-lu.png、cover.jpg | 新稿：冬至围炉煮茶 |`);
    expect(md).toContain('| 修改 index.md、a-lu.png | 换图 |');
    expect(md.match(/\| 新增/g)).toHaveLength(1);
  });
});
