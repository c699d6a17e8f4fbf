import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHub, GitHubError } from '../github/index.ts';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type FakePull, type FakeReview } from '../testing/fake-github.ts';
import { runCli } from '../testing/run-cli.ts';
import { evaluateGate } from './gate.ts';
import { gateCommentMarker } from './index.ts';

const BASE = 'b0'.repeat(20);
const HEAD = 'c1'.repeat(20);
const OLD = 'd2'.repeat(20);
const article = 'content/qinghe-tea/articles/2026/dongzhi-weilu/index.md';

const qinghe = (levels = `    - name: 编辑
      approvers: [lin-yi, qinghe/editors]
    - name: 审稿
      approvers: [zhou-wen]`) => `name: 青禾茶事
review:
  levels:
${levels}
`;

const shanye = `name: 山野咖啡
review:
  levels:
    - name: 编辑
      approvers: [a-he]
    - name: 审稿
      approvers: [shan-lan]
`;

const approve = (login: string, minute: number, commit = HEAD): FakeReview => ({ login, state: 'APPROVED', commit, at: at(minute) });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 2, minute)).toISOString();

function pull(reviews: FakeReview[], extra: Partial<FakePull> = {}): FakePull {
  return {
    number: 12,
    title: '冬至围炉煮茶指南',
    author: 'chen-xiao',
    head: { sha: HEAD, ref: 'dongzhi' },
    base: { sha: BASE, ref: 'main' },
    files: [{ filename: article, status: 'added' }, { filename: 'content/qinghe-tea/articles/2026/dongzhi-weilu/cover.jpg', status: 'added' }],
    reviews,
    ...extra,
  };
}

let server: FakeGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function gateFor(p: FakePull, options: Omit<FakeGitHubOptions, 'pulls'> = {}) {
  server = await startFakeGitHub({ trees: { [BASE]: { 'content/qinghe-tea/account.yaml': qinghe(), 'content/shanye/account.yaml': shanye } }, teams: { 'qinghe/editors': ['he-ting'] }, ...options, pulls: [p] });
  return evaluateGate(client(server), 12);
}

const client = (fake: FakeGitHub, retries = 2) => new GitHub({ apiUrl: fake.apiUrl, repository: fake.repository, token: fake.token, retries, retryDelayMs: 1 });
const summary = (levels: Array<{ met: boolean; by?: { login: string } }>) => levels.map((l) => `${l.met ? '✓' : '✗'}${l.by?.login ?? ''}`);

describe('review gate: who approved, in which order, on which commit', () => {
  it('passes when the editor and then the reviewer approve the head', async () => {
    const result = await gateFor(pull([approve('lin-yi', 1), approve('zhou-wen', 5)]));
    expect(result.passed).toBe(true);
    expect(result.accounts).toHaveLength(1);
    expect(result.accounts[0]).toMatchObject({ account: 'qinghe-tea', articles: [article], policyFrom: 'base' });
    expect(summary(result.accounts[0]!.levels)).toEqual(['✓lin-yi', '✓zhou-wen']);
  });

  it('fails when the reviewer approved before the editor, and says to approve again', async () => {
    const result = await gateFor(pull([approve('zhou-wen', 1), approve('lin-yi', 5)]));
    expect(result.passed).toBe(false);
    const [editor, reviewer] = result.accounts[0]!.levels;
    expect(editor!.met).toBe(true);
    expect(reviewer!.met).toBe(false);
    expect(reviewer!.notes.join()).toContain('@zhou-wen 的批准早于“编辑”的批准');
  });

  it('passes once the reviewer approves again after the editor', async () => {
    const result = await gateFor(pull([approve('zhou-wen', 1), approve('lin-yi', 5), approve('zhou-wen', 9)]));
    expect(result.passed).toBe(true);
  });

  it('does not count an approval given on an older head commit', async () => {
    const result = await gateFor(pull([approve('lin-yi', 1, OLD), approve('zhou-wen', 5)]));
    expect(result.passed).toBe(false);
    expect(result.accounts[0]!.levels[0]!.notes.join()).toContain(`@lin-yi 批准的是旧提交 ${OLD.slice(0, 7)}`);
    expect(result.accounts[0]!.levels[1]!.notes.join()).toContain('等待上一级“编辑”通过');
  });

  it('withdraws an approval when the same reviewer later requests changes', async () => {
    const result = await gateFor(pull([approve('lin-yi', 1), approve('zhou-wen', 5), { login: 'lin-yi', state: 'CHANGES_REQUESTED', commit: HEAD, at: at(7) }]));
    expect(result.passed).toBe(false);
    expect(result.accounts[0]!.levels[0]!.notes.join()).toContain('@lin-yi 要求修改');
  });

  it('keeps an approval when the reviewer only comments afterwards', async () => {
    const result = await gateFor(pull([approve('lin-yi', 1), { login: 'lin-yi', state: 'COMMENTED', commit: HEAD, at: at(3) }, approve('zhou-wen', 5)]));
    expect(result.passed).toBe(true);
  });

  it('does not count a dismissed review', async () => {
    const result = await gateFor(pull([{ login: 'lin-yi', state: 'DISMISSED', commit: HEAD, at: at(1) }, approve('zhou-wen', 5)]));
    expect(result.passed).toBe(false);
    expect(result.accounts[0]!.levels[0]!.notes.join()).toContain('@lin-yi 的批准已被撤销');
  });

  it('does not count the author approving their own article', async () => {
    const result = await gateFor(pull([approve('lin-yi', 1), approve('zhou-wen', 5)], { author: 'lin-yi' }));
    expect(result.passed).toBe(false);
    expect(result.accounts[0]!.levels[0]!.notes.join()).toContain('@lin-yi 是作者或提交过本拉取请求的改动，本人批准不计');
  });

  it('fails with the approvers named when a level has no approval at all', async () => {
    const result = await gateFor(pull([approve('lin-yi', 1)]));
    expect(result.passed).toBe(false);
    expect(result.accounts[0]!.levels[1]!.notes).toEqual(['尚无批准；可批准：@zhou-wen']);
  });

  it('ignores approvals from people on no list', async () => {
    const result = await gateFor(pull([approve('passer-by', 1), approve('zhou-wen', 5)]));
    expect(summary(result.accounts[0]!.levels)).toEqual(['✗', '✗zhou-wen']);
  });

  it('needs a third level, in order, when the account has one', async () => {
    const three = qinghe(`    - name: 编辑
      approvers: [lin-yi]
    - name: 审稿
      approvers: [zhou-wen]
    - name: 终审
      approvers: [wang-zong]`);
    const trees = { [BASE]: { 'content/qinghe-tea/account.yaml': three } };
    expect((await gateFor(pull([approve('lin-yi', 1), approve('zhou-wen', 5)]), { trees })).passed).toBe(false);
    await server!.close();
    const passed = await gateFor(pull([approve('lin-yi', 1), approve('zhou-wen', 5), approve('wang-zong', 8)]), { trees });
    expect(summary(passed.accounts[0]!.levels)).toEqual(['✓lin-yi', '✓zhou-wen', '✓wang-zong']);
  });

  it('accepts a member of a team named as approver, and only a member', async () => {
    expect((await gateFor(pull([approve('he-ting', 1), approve('zhou-wen', 5)]))).passed).toBe(true);
    await server!.close();
    expect((await gateFor(pull([approve('stranger', 1), approve('zhou-wen', 5)]))).passed).toBe(false);
  });

  it('does not let one person approve two levels', async () => {
    const trees = { [BASE]: { 'content/qinghe-tea/account.yaml': qinghe(`    - name: 编辑
      approvers: [lin-yi]
    - name: 审稿
      approvers: [lin-yi, zhou-wen]`) } };
    const result = await gateFor(pull([approve('lin-yi', 1)]), { trees });
    expect(result.passed).toBe(false);
    expect(result.accounts[0]!.levels[1]!.notes.join()).toContain('同一人不能兼任两级');
  });

  it('checks every account a pull request touches, each against its own lists', async () => {
    const files = [{ filename: article, status: 'added' }, { filename: 'content/shanye/articles/2026/dongji-shouchong/index.md', status: 'modified' }];
    const result = await gateFor(pull([approve('lin-yi', 1), approve('zhou-wen', 5), approve('a-he', 6)], { files }));
    expect(result.passed).toBe(false);
    expect(result.accounts.map((a) => [a.account, a.met])).toEqual([
      ['qinghe-tea', true],
      ['shanye', false],
    ]);
  });

  it('reads the levels from the base branch, so a pull request cannot add its author as approver', async () => {
    const files = [{ filename: 'content/qinghe-tea/account.yaml' }];
    const result = await gateFor(pull([approve('zhou-wen', 5)], { files, author: 'chen-xiao' }), {
      trees: { [BASE]: { 'content/qinghe-tea/account.yaml': qinghe() }, [HEAD]: { 'content/qinghe-tea/account.yaml': qinghe(`    - name: 编辑\n      approvers: [chen-xiao]`) } },
    });
    expect(result.passed).toBe(false);
    expect(result.accounts[0]!.levels.map((l) => l.level)).toEqual(['编辑', '审稿']);
  });

  it('passes a pull request that changes no account content', async () => {
    const result = await gateFor(pull([], { files: [{ filename: 'scripts/cli.ts' }, { filename: 'content/words.yaml' }] }));
    expect(result).toMatchObject({ passed: true, accounts: [] });
  });

  it('reads every page of reviews', async () => {
    const comments = Array.from({ length: 130 }, (_, i): FakeReview => ({ login: 'lin-yi', state: 'COMMENTED', commit: HEAD, at: new Date(Date.parse(at(0)) + i).toISOString() }));
    const result = await gateFor(pull([...comments, approve('lin-yi', 1), approve('zhou-wen', 5)]));
    expect(result.passed).toBe(true);
    expect(server!.requests.filter((r) => r.includes('/reviews'))).toHaveLength(2);
  });
});

describe('review gate: GitHub API failures', () => {
  const scenario = () => pull([approve('lin-yi', 1), approve('zhou-wen', 5)]);

  it('retries a server error and then succeeds', async () => {
    server = await startFakeGitHub({ trees: { [BASE]: { 'content/qinghe-tea/account.yaml': qinghe() } }, pulls: [scenario()] });
    server.failNext(/\/reviews$/, 502);
    expect((await evaluateGate(client(server), 12)).passed).toBe(true);
  });

  it('gives up on a server error that persists, with a clear message', async () => {
    server = await startFakeGitHub({ pulls: [scenario()] });
    server.failNext(/\/pulls\/12$/, 503, 5);
    await expect(evaluateGate(client(server), 12)).rejects.toThrow(/读取拉取请求 #12失败（HTTP 503）：GitHub 服务出错/);
  });

  it('explains a spent rate limit with the time it resets', async () => {
    server = await startFakeGitHub({ pulls: [scenario()], rateLimitRemaining: 1 });
    const error = await evaluateGate(client(server), 12).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect((error as Error).message).toMatch(/调用次数已用完（速率限制），将于 2026-11-23T12:00:00.000Z 恢复/);
  });

  it('explains a secondary rate limit with its wait', async () => {
    server = await startFakeGitHub({ pulls: [scenario()] });
    server.failNext(/\/pulls\/12$/, 403, 1, { 'retry-after': '60' });
    await expect(evaluateGate(client(server), 12)).rejects.toThrow(/次级速率限制，请在 60 秒后重试/);
  });

  it('names a bad token and a missing pull request', async () => {
    server = await startFakeGitHub({ pulls: [scenario()] });
    const wrong = new GitHub({ apiUrl: server.apiUrl, repository: server.repository, token: 'nope' });
    await expect(evaluateGate(wrong, 12)).rejects.toThrow(/HTTP 401.*GITHUB_TOKEN/);
    await expect(evaluateGate(client(server), 99)).rejects.toThrow(/读取拉取请求 #99失败（HTTP 404）/);
  });

  it('says when the API cannot be reached at all', async () => {
    server = await startFakeGitHub();
    const { apiUrl, repository, token } = server;
    await server.close();
    server = undefined;
    await expect(evaluateGate(new GitHub({ apiUrl, repository, token, retries: 0 }), 12)).rejects.toThrow(/无法连接 GitHub API/);
  });
});

describe('mpdesk review gate and merge, as the workflows run them', () => {
  async function start(reviews: FakeReview[], extra: Partial<FakeGitHubOptions> = {}) {
    server = await startFakeGitHub({
      trees: { [BASE]: { 'content/qinghe-tea/account.yaml': qinghe() } },
      teams: { 'qinghe/editors': ['he-ting'] },
      permissions: { 'lin-yi': 'maintain', 'chen-xiao': 'write' },
      pulls: [pull(reviews)],
      ...extra,
    });
    const summaryFile = join(await mkdtemp(join(tmpdir(), 'mpdesk-gate-')), 'summary.md');
    const env = { GITHUB_API_URL: server.apiUrl, GITHUB_REPOSITORY: server.repository, GITHUB_TOKEN: server.token, GITHUB_STEP_SUMMARY: summaryFile };
    return { env, summaryFile };
  }

  it('writes the table to the job summary and one pull request comment, updated on rerun', async () => {
    const { env, summaryFile } = await start([approve('lin-yi', 1)]);
    const first = await runCli(['review', 'gate', '--pr', '12'], tmpdir(), env);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('❌ 审核未通过');
    const written = await readFile(summaryFile, 'utf8');
    expect(written).toContain(`| ${article} | 1. 编辑 | ✅ 通过 | @lin-yi（2026-11-20 10:01 北京时间） |  |`);
    expect(written).toContain(`| ${article} | 2. 审稿 | ❌ 未通过 |  | 尚无批准；可批准：@zhou-wen |`);
    server!.pulls.get(12)!.reviews.push(approve('zhou-wen', 5));
    const second = await runCli(['review', 'gate', '--pr', '12', '--format', 'json'], tmpdir(), env);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ passed: true });
    expect(server!.comments).toHaveLength(1);
    expect(server!.comments[0]!.body).toContain(gateCommentMarker);
    expect(server!.comments[0]!.body).toContain('✅ 审核通过');
  });

  it('finds the pull request by its head for a review event and sets the required status', async () => {
    const { env } = await start([approve('lin-yi', 1), approve('zhou-wen', 5)]);
    const result = await runCli(['review', 'gate', '--head-sha', HEAD, '--status'], tmpdir(), { ...env, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77' });
    expect(result.code, result.stderr).toBe(0);
    expect(server!.statuses).toEqual([
      { sha: HEAD, context: 'mpdesk/review-gate', state: 'success', description: '各级审核均已通过', target_url: 'https://github.com/qinghe/content/actions/runs/77' },
    ]);
    const gone = await runCli(['review', 'gate', '--head-sha', OLD], tmpdir(), env);
    expect(gone).toMatchObject({ code: 0, stdout: expect.stringContaining('没有 head 为 d2d2d2d 的打开的拉取请求') });
  });

  it('still passes or fails, with a warning, when a fork’s read-only token may not comment', async () => {
    const { env } = await start([approve('lin-yi', 1)]);
    server!.failNext(/\/issues\/12\/comments$/, 403);
    const result = await runCli(['review', 'gate', '--pr', '12', '--status'], tmpdir(), env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('未能在拉取请求上发表审核结果');
    expect(server!.statuses.map((s) => [s.state, s.description])).toEqual([['failure', '未通过：qinghe-tea「审稿」']]);
  });

  it('exits 2 with one clear line on an API failure, and on missing settings', async () => {
    const { env } = await start([], { rateLimitRemaining: 0 });
    const limited = await runCli(['review', 'gate', '--pr', '12'], tmpdir(), env);
    expect(limited.code).toBe(2);
    expect(limited.stderr).toMatch(/^mpdesk: .*速率限制.*\n$/);
    const unset = await runCli(['review', 'gate', '--pr', '12'], tmpdir(), { ...env, GITHUB_TOKEN: '', GH_TOKEN: '' });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('没有 GitHub 令牌');
    expect((await runCli(['review', 'gate', '--pr', 'abc'], tmpdir(), env)).code).toBe(2);
  });

  it('merges an approved pull request pinned to its head, with the approvals as trailers', async () => {
    const { env } = await start([approve('he-ting', 1), approve('zhou-wen', 5)]);
    const result = await runCli(['review', 'merge', '--pr', '12', '--requested-by', 'lin-yi'], tmpdir(), env);
    expect(result.code, result.stderr).toBe(0);
    expect(server!.merges).toEqual([
      expect.objectContaining({
        sha: HEAD,
        merge_method: 'merge',
        commit_title: 'Merge pull request #12 from qinghe/dongzhi',
        commit_message: [
          '冬至围炉煮茶指南',
          '',
          'Reviewed-by: he-ting (编辑)',
          'Reviewed-by: zhou-wen (审稿)',
          'Reviewed-on: https://github.com/qinghe/content/pull/12',
          `Approved-head: ${HEAD}`,
          `Article: ${article}`,
        ].join('\n'),
      }),
    ]);
  });

  it('refuses to merge when the gate fails or the requester may not merge', async () => {
    const { env } = await start([approve('lin-yi', 1)]);
    const unmet = await runCli(['review', 'merge', '--pr', '12'], tmpdir(), env);
    expect(unmet.code).toBe(1);
    expect(unmet.stdout).toContain('还没有通过审核，未合并');
    server!.pulls.get(12)!.reviews.push(approve('zhou-wen', 5));
    const writer = await runCli(['review', 'merge', '--pr', '12', '--requested-by', 'chen-xiao'], tmpdir(), env);
    expect(writer.code).toBe(1);
    expect(writer.stdout).toContain('只有 maintain 或 admin 可以用 /merge 合并');
    expect(server!.merges).toEqual([]);
  });

  it('reports the merge when GitHub merged but the answer was lost', async () => {
    const { env } = await start([approve('lin-yi', 1), approve('zhou-wen', 5)]);
    server!.pulls.get(12)!.mergeAnswer = 502;
    const result = await runCli(['review', 'merge', '--pr', '12'], tmpdir(), env);
    expect(result.code, result.stderr).toBe(0);
    expect(server!.merges).toHaveLength(1);
    expect(result.stdout).toContain(`合并提交 ${server!.merges[0]!.mergeSha.slice(0, 7)}`);
  });

  it('exits 2 when the head moved between the check and the merge', async () => {
    const { env } = await start([approve('lin-yi', 1), approve('zhou-wen', 5)]);
    server!.failNext(/\/merge$/, 409);
    const moved = await runCli(['review', 'merge', '--pr', '12'], tmpdir(), env);
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain('HTTP 409');
  });
});
