import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGitRepo, type TestRepo } from '../testing/git-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { startFakeWechat, type FakeWechat } from '../wechat/index.ts';
import { metricsFiles } from './metrics.test-helper.ts';

// The commands as a user runs them, against the fake WeChat on 127.0.0.1 with the real clock: the dates asked
// for are a year back, so the fake has them whatever the time of day.

const operator = { name: '运营 王芳', email: 'operator@shanye.example' };
let fake: FakeWechat;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startFakeWechat({ datacubeSeed: 5, datacubeSends: [{ day: '2025-11-21', msg_data_id: '2247490001', titles: ['云南咖啡产区巡礼'] }] });
  env = { MPDESK_WECHAT_API_BASE: fake.baseUrl, WECHAT_APPSECRET: fake.secret, GITHUB_ACTIONS: '' };
});
afterAll(() => fake.close());

async function repo(extra = {}): Promise<TestRepo> {
  return makeGitRepo(metricsFiles(extra), operator, '2026-12-01T10:00:00+08:00');
}

const pull = ['metrics', 'pull', '--since', '2025-11-20', '--until', '2025-11-26'];

// Each test runs the command several times, a second or more each on a busy machine.
describe('mpdesk metrics', { timeout: 90_000 }, () => {
  it('pull --commit makes one commit saying what changed, and none when nothing did', async () => {
    const { root, git } = await repo();
    const first = await runCli([...pull, '--commit'], root, env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^shanye：调用微信接口 (\d+)\/\1 次，数据截至 2025-11-26；新增 \d+ 行，修订 0 行。/);
    const message = (await git.log(['-1'])).latest!.message;
    expect(message).toMatch(/^metrics: shanye 2025-11-26, \+\d+ rows, 0 revised$/);
    expect((await git.show(['--stat', '--format=', 'HEAD'])).split('\n').filter(Boolean).slice(0, -1).map((line) => line.trim().split(' ')[0]).sort()).toEqual(
      ['article-totals', 'articles', 'coverage', 'daily', 'follower-sources', 'followers', 'hourly', 'shares'].map((name) => `reports/shanye/metrics/${name}${name === 'coverage' ? '' : '-2025'}.csv`),
    );
    const again = await runCli([...pull, '--commit'], root, env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('快照没有变化。');
    expect((await git.log()).total).toBe(2);

    fake.reviseDatacube('2025-11-22');
    const revised = await runCli([...pull, '--refresh', '--commit', '--format', 'json'], root, env);
    const [result] = JSON.parse(revised.stdout);
    expect(result).toMatchObject({ account: 'shanye', added: 0, commit: expect.stringMatching(/^metrics: shanye 2025-11-26, \+0 rows, [1-9]\d* revised$/) });
    expect(await git.show(['HEAD', '--', 'reports/shanye/metrics/daily-2025.csv'])).toMatch(/^-2025-11-22,0,会话,/m);

    const shown = await runCli(['metrics', 'show', 'content/shanye/articles/2026/yunnan-chandi'], root, env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('每日数据：');
    expect(shown.stdout).toMatch(/^2025-11-21 +\d+ +\d+/m);
    expect(shown.stdout).toMatch(/阅读来源（群发后累计，人数）：\n截至 +送达人数 +阅读人数 +会话/);
  });

  it('shows progress on a long pull in a log', async () => {
    const { root } = await repo();
    const result = await runCli(['metrics', 'pull', '--since', '2025-10-01', '--until', '2025-10-30'], root, env);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('[100/115]\n[115/115]\n');
  });

  it('stops at the quota with exit 2, keeping what came back', async () => {
    const { root } = await repo();
    fake.fail('datacube/getuserread', { errcode: 45009 });
    const result = await runCli(pull, root, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('中途停止：微信接口 datacube/getuserread 返回错误 45009：今天的接口调用次数已用完');
    expect(result.stdout).toContain('写入 reports/shanye/metrics/followers-2025.csv');
  });

  it('skips an account without the statistics API with a notice pointing at import', async () => {
    const { root } = await repo({ 'content/shanye/account.yaml': `${metricsFiles()['content/shanye/account.yaml']}metrics:\n  api: false\n` });
    const local = await runCli(pull, root, env);
    expect(local).toMatchObject({ code: 0, stdout: '' });
    expect(local.stderr).toBe('mpdesk: 跳过 shanye：content/shanye/account.yaml 写着 metrics.api: false（没有数据统计接口），不能用数据接口。这个账号的数据请从公众号后台导出，再运行 mpdesk metrics import <文件> --account shanye\n');
    const ci = await runCli(pull, root, { ...env, GITHUB_ACTIONS: 'true' });
    expect(ci.stderr).toMatch(/^::notice title=mpdesk metrics::跳过 shanye：/);
    const matrix = await runCli(['metrics', 'accounts', '--format', 'json'], root, env);
    expect(JSON.parse(matrix.stdout)).toEqual([{ account: 'shanye', api: false, secret_env: 'WECHAT_APPSECRET' }]);
  });

  it('refuses dates that are not days, and a range the wrong way round, with exit 2', async () => {
    const { root } = await repo();
    const bad = await runCli(['metrics', 'pull', '--since', '2025-02-30'], root, env);
    expect(bad).toMatchObject({ code: 2, stderr: 'mpdesk: --since 应为真实的日期 YYYY-MM-DD，如 2026-12-01：2025-02-30\n' });
    const reversed = await runCli(['metrics', 'pull', '--since', '2025-11-26', '--until', '2025-11-20'], root, env);
    expect(reversed).toMatchObject({ code: 2, stderr: 'mpdesk: --since 2025-11-26 晚于 --until 2025-11-20。\n' });
  });

  it('import: exit 0 for a good file, 1 for bad rows or a refused file, 2 for a file that is not there', async () => {
    const { root, git } = await repo();
    const good = join(root, '..', `growth-${Date.now()}.csv`);
    await writeFile(good, '时间,新关注人数,取消关注人数,累积关注人数\n2025-11-20,31,6,20125\n2025-11-21,28,4,20149\n');
    const ok = await runCli(['metrics', 'import', good, '--account', 'shanye', '--commit'], root, env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('读到 2 行（followers）；新增 2 行，修订 0 行。');
    expect((await git.log(['-1'])).latest!.message).toBe('metrics: shanye 2025-11-21, +2 rows, 0 revised');
    const badRows = join(root, '..', `bad-${Date.now()}.csv`);
    await writeFile(badRows, '时间,新关注人数\n2025-11-22,abc\n');
    const bad = await runCli(['metrics', 'import', badRows, '--account', 'shanye'], root, env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('第 2 行：new_user“abc”不是整数，这一行没有导入');
    const unknown = join(root, '..', `unknown-${Date.now()}.csv`);
    await writeFile(unknown, 'a,b\n1,2\n');
    expect((await runCli(['metrics', 'import', unknown, '--account', 'shanye'], root, env)).code).toBe(1);
    const missing = await runCli(['metrics', 'import', 'nope.xlsx', '--account', 'shanye'], root, env);
    expect(missing).toMatchObject({ code: 2, stderr: 'mpdesk: 找不到文件 nope.xlsx\n' });
    const noAccount = await runCli(['metrics', 'import', good], root, env);
    expect(noAccount.code).toBe(2);
  });

  it('explains each command in --help with examples', async () => {
    const { root } = await repo();
    const help = await runCli(['metrics', 'pull', '--help'], root, env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('mpdesk metrics pull --since 2026-11-01 --until 2026-11-30 --refresh');
    expect((await runCli(['metrics', 'import', '--help'], root, env)).stdout).toContain('累积关注人数');
  });
});
