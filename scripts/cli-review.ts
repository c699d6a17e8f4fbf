import { Option, type Command } from 'commander';
import { afterHelp } from './cli-help.ts';
import { formatOption, requireAccount, rootOf, rootOption } from './cli-options.ts';
import { hasErrors } from './shared/finding.ts';
import { UsageError } from './shared/path-filter.ts';

// The review and audit commands: arguments in, stages called, results out. Stages are imported lazily, as in cli.ts.

const exitHelp = '退出码 Exit: 0 通过 · 1 未通过 · 2 用法错误或 GitHub API 出错（含速率限制）';

function prNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--pr 应为拉取请求编号：${value}`);
  return Number(value);
}

async function github(repository?: string) {
  const { GitHub, githubSettingsFromEnv } = await import('./github/index.ts');
  return new GitHub(githubSettingsFromEnv(process.env, repository));
}

const repoOption = () => new Option('--repo <owner/name>', '仓库（默认取 GITHUB_REPOSITORY）repository');

export function registerReviewCommands(program: Command): void {
  const review = program
    .command('review')
    .description('两级（或三级）审核：拉取请求的审核即审批，合并提交记录审批人。Approval from pull-request reviews, recorded in git.');

  review
    .command('gate')
    .description('检查拉取请求是否已按顺序获得每一级的批准（工作流的必需检查）。Pass only when every level approved the head.')
    .option('--pr <number>', '拉取请求编号 pull request number')
    .option('--head-sha <sha>', '或：按 head 提交找到打开的拉取请求（审核事件转来的工作流用）or find the open pull request by its head')
    .option('--status', '在 head 提交上设置 mpdesk/review-gate 状态（分支规则要求的检查）set the commit status the ruleset requires')
    .addOption(repoOption())
    .option('--no-comment', '不在拉取请求上发表结果 do not comment on the pull request')
    .addOption(formatOption())
    .addHelpText('after', afterHelp(`\n读取 GITHUB_API_URL、GITHUB_REPOSITORY、GITHUB_TOKEN；结果写入 GITHUB_STEP_SUMMARY 和拉取请求评论。\n\n例 Examples:\n  GITHUB_REPOSITORY=qinghe/content GITHUB_TOKEN=… mpdesk review gate --pr 12\n  mpdesk review gate --head-sha "$SHA" --status\n\n${exitHelp}`))
    .action(async (options: { pr?: string; headSha?: string; status?: boolean; repo?: string; comment: boolean; format: 'pretty' | 'json' }) => {
      if ((options.pr === undefined) === (options.headSha === undefined)) throw new UsageError('请给出 --pr 或 --head-sha 之一。');
      const client = await github(options.repo);
      let number = options.pr === undefined ? undefined : prNumber(options.pr);
      if (number === undefined) {
        if (!/^[0-9a-f]{40}$/.test(options.headSha!)) throw new UsageError(`--head-sha 应为 40 位提交哈希：${options.headSha}`);
        number = await client.pullRequestWithHead(options.headSha!);
        if (number === undefined) {
          process.stdout.write(`没有 head 为 ${options.headSha!.slice(0, 7)} 的打开的拉取请求（可能已合并或又有新提交），无需检查。\n`);
          return;
        }
      }
      const { runGate, gateText } = await import('./review/index.ts');
      const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = process.env;
      const result = await runGate(client, number, {
        summaryFile: process.env.GITHUB_STEP_SUMMARY || undefined,
        comment: options.comment,
        ...(options.status ? { status: { targetUrl: server && repository && run ? `${server}/${repository}/actions/runs/${run}` : undefined } } : {}),
        warn: (message) => process.stderr.write(`mpdesk: ${message}\n`),
      });
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : gateText(result));
      if (!result.passed) process.exitCode = 1;
    });

  review
    .command('merge')
    .description('审核通过后通过 API 合并，合并提交写入 Reviewed-by 等 trailer。Merge through the API once the gate passes.')
    .requiredOption('--pr <number>', '拉取请求编号 pull request number')
    .option('--requested-by <login>', '发出 /merge 的人；须有 maintain 或 admin 权限 who asked (must maintain the repository)')
    .addOption(repoOption())
    .addOption(formatOption())
    .addHelpText('after', afterHelp(`\n例 Example:\n  mpdesk review merge --pr 12 --requested-by lin-yi\n\n${exitHelp.replace('通过 · 1 未通过', '已合并 · 1 未满足条件，未合并')}`))
    .action(async (options: { pr: string; requestedBy?: string; repo?: string; format: 'pretty' | 'json' }) => {
      const number = prNumber(options.pr);
      const { mergeReviewed, gateText } = await import('./review/index.ts');
      const outcome = await mergeReviewed(await github(options.repo), number, options.requestedBy);
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
      else if (outcome.merged) process.stdout.write(`已合并拉取请求 #${number}，合并提交 ${outcome.sha.slice(0, 7)}：\n\n${outcome.message}\n`);
      else process.stdout.write(`${outcome.gate ? `${gateText(outcome.gate)}\n` : ''}${outcome.reason}\n`);
      if (!outcome.merged) process.exitCode = 1;
    });

  review
    .command('record')
    .description('不用 GitHub 的团队：把分支合并到当前分支，合并提交写入同样的审核 trailer。Record a reviewed merge locally.')
    .argument('<branch>', '待合并的分支 branch under review')
    .requiredOption('--approve <name=level>', '审批人=级别，每级一个，可重复 approver=level, once per level', (value: string, all: string[] = []) => [...all, value])
    .option('--reviewed-on <url>', '审核发生的地方（合并请求链接等）where the review happened')
    .addOption(formatOption())
    .addOption(rootOption())
    .addHelpText('after', afterHelp('\n例 Example:\n  mpdesk review record chenxiao/dongzhi --approve lin-yi=编辑 --approve zhou-wen=审稿 --reviewed-on https://gitee.com/qinghe/content/pulls/7\n\n退出码 Exit: 0 已合并 · 1 审批不满足，未合并 · 2 用法错误（工作区有改动、分支不存在、合并冲突；仓库保持原样）'))
    .action(async (branch: string, options: { approve: string[]; reviewedOn?: string; format: 'pretty' | 'json'; root?: string }) => {
      const approvals = options.approve.map((value) => {
        const match = value.match(/^(.+?)=(.+)$/);
        if (!match) throw new UsageError(`--approve 应为 审批人=级别，如 lin-yi=编辑：${value}`);
        return { name: match[1]!.trim(), level: match[2]!.trim() };
      });
      const { recordMerge } = await import('./review/index.ts');
      const outcome = await recordMerge({ root: rootOf(options), branch, approvals, reviewedOn: options.reviewedOn });
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
      else if (outcome.merged) process.stdout.write(`已合并 ${branch}，合并提交 ${outcome.sha.slice(0, 7)}：\n\n${outcome.message}\n`);
      else process.stdout.write(`没有合并 ${branch}：\n${outcome.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      if (!outcome.merged) process.exitCode = 1;
    });

  review
    .command('check')
    .description('检查主干历史：状态改为 approved/scheduled/published 的文章必须有审核合并记录。Check history for status moves without approval.')
    .option('--since <YYYY-MM-DD>', '只报告这天（北京时间）以后的问题（默认：从审核流程启用的提交起）only report from this date (default: since the process began)')
    .option('--ref <ref>', '要检查的分支 branch to check', 'HEAD')
    .addOption(new Option('--format <format>', '输出格式 output format').choices(['pretty', 'json', 'github']).default('pretty'))
    .addOption(rootOption())
    .addHelpText('after', afterHelp('\n审核流程的起点：主干上第一个加入 .github/workflows/review.yml 的提交，或第一次带审核记录的合并，取较早者；之前的历史不算违规。\n\n例 Examples:\n  mpdesk review check\n  mpdesk review check --ref main --format github\n  mpdesk review check --since 2026-11-01\n\n退出码 Exit: 0 无错误 · 1 有未经审核的状态变更或不完整的审核记录 · 2 用法错误'))
    .action(async (options: { since?: string; ref: string; format: 'pretty' | 'json' | 'github'; root?: string }) => {
      const report = await audit({ root: rootOf(options), ref: options.ref, since: options.since, fromProcessStart: true });
      const { anomalyFindings, beijingDate, processStartLabel } = await import('./audit/index.ts');
      const findings = anomalyFindings(report);
      const articles = `${options.ref} 上 ${report.articles.length} 篇文章`;
      const checked = options.since
        ? `${articles}自 ${options.since} 起的历史`
        : report.processStart
          ? `${articles}自审核流程启用（${beijingDate(report.processStart.committed)}，${processStartLabel(report.processStart)}）以来的历史`
          : `${articles}的全部历史（没有找到审核流程的起点：既没有 .github/workflows/review.yml，也没有带审核记录的合并）`;
      if (options.format === 'github') {
        const { formatGithub } = await import('./output/ci-formats.ts');
        process.stdout.write(formatGithub(findings));
      } else {
        const { formatFindings } = await import('./output/findings.ts');
        process.stdout.write(formatFindings(findings, options.format, { checked }));
      }
      if (hasErrors(findings)) process.exitCode = 1;
    });

  review
    .command('codeowners')
    .description('按各账号的审核名单生成 .github/CODEOWNERS 中的账号段落。Route each account folder to its reviewers.')
    .option('--check', '只检查是否最新，不写文件（CI 用）only check that the file is up to date')
    .addOption(rootOption())
    .addHelpText('after', afterHelp('\n例 Examples:\n  mpdesk review codeowners\n  mpdesk review codeowners --check\n\n退出码 Exit: 0 已是最新或已写入 · 1 --check 发现过期或账号设置有误 · 2 用法错误'))
    .action(async (options: { check?: boolean; root?: string }) => {
      const { readFile } = await import('node:fs/promises');
      const { join } = await import('node:path');
      const root = rootOf(options);
      const file = join(root, '.github', 'CODEOWNERS');
      const current = await readFile(file, 'utf8').catch(() => '');
      const { loadContent } = await import('./content/index.ts');
      const { codeownersFor } = await import('./review/index.ts');
      const { text, problems } = codeownersFor((await loadContent(root)).accounts, current);
      for (const problem of problems) process.stderr.write(`mpdesk: ${problem}\n`);
      if (problems.length) process.exitCode = 1;
      if (text === current) {
        process.stdout.write('.github/CODEOWNERS 已是最新。\n');
      } else if (options.check) {
        process.stdout.write('.github/CODEOWNERS 与账号的审核名单不一致：运行 mpdesk review codeowners 更新。\n');
        process.exitCode = 1;
      } else {
        const { writeFileAtomic } = await import('./shared/atomic-write.ts');
        await writeFileAtomic(file, text);
        process.stdout.write('已更新 .github/CODEOWNERS。\n');
      }
    });

  program
    .command('audit')
    .description('从 git 历史读出审计记录：创建、每次改动、状态变更、审批、发布回执和异常。Read history back as the audit trail.')
    .argument('[article]', '一篇文章的 index.md 或目录 one article')
    .option('--account <account>', '只看该账号 only this account')
    .option('--since <YYYY-MM-DD>', '只列出这天（北京时间）以后的记录 only records from this date')
    .option('--ref <ref>', '以哪个分支为准 branch whose history is the record', 'HEAD')
    .addOption(new Option('--format <format>', '输出格式 output format').choices(['md', 'json']).default('md'))
    .addOption(rootOption())
    .addHelpText('after', afterHelp('\n例 Examples:\n  mpdesk audit content/qinghe-tea/articles/2026/dongri-pao-cha\n  mpdesk audit --account qinghe-tea --since 2026-11-01 --format md > report.md\n\n退出码 Exit: 0 · 2 用法错误（找不到文章、账号或分支）'))
    .action(async (article: string | undefined, options: { account?: string; since?: string; ref: string; format: 'md' | 'json'; root?: string }) => {
      const { resolve, relative, sep } = await import('node:path');
      if (article && options.account) throw new UsageError('文章和 --account 只能选一个。');
      const root = rootOf(options);
      let only: ((path: string) => boolean) | undefined;
      let scope = '全部账号';
      if (article) {
        const target = relative(root, resolve(process.cwd(), article)).split(sep).join('/').replace(/\/index\.md$/, '');
        only = (path) => path === `${target}/index.md`;
        scope = `${target}/index.md`;
      } else if (options.account) {
        only = (path) => path.startsWith(`content/${options.account}/`);
        scope = `账号 ${options.account}`;
      }
      const report = await audit({ root, ref: options.ref, since: options.since, only });
      if (article && report.articles.length === 0) throw new UsageError(`${options.ref} 的历史里没有这篇文章：${article}`);
      // An account that is gone from the working tree can still have a history to audit.
      if (options.account && report.articles.length === 0) await requireAccount(root, options.account);
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        const { auditMarkdown } = await import('./audit/index.ts');
        process.stdout.write(auditMarkdown(report, scope));
      }
    });
}

async function audit(options: { root: string; ref: string; since?: string; fromProcessStart?: boolean; only?: (path: string) => boolean }) {
  const { auditRepository, isCalendarDate } = await import('./audit/index.ts');
  if (options.since !== undefined && !isCalendarDate(options.since)) throw new UsageError(`--since 应为真实日期 YYYY-MM-DD：${options.since}`);
  return auditRepository(options);
}
