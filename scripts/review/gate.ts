import { GitHubError, type GitHub, type PullRequest, type Review } from '../github/index.ts';
import { groupByAccount } from './changed-content.ts';
import { evaluateLevels, type LevelOutcome } from './evaluate.ts';
import { isTeam, reviewLevelsOf, sameName, type ReviewLevel } from './policy.ts';

export interface AccountGate {
  account: string;
  files: string[];
  articles: string[];
  /** Where the levels were read: the base branch, or the pull request itself for an account it creates. */
  policyFrom: 'base' | 'head';
  levels: LevelOutcome[];
  /** Set when the account's levels could not be read; the account then fails. */
  error?: string;
  met: boolean;
}

export interface GateResult {
  pull: PullRequest;
  accounts: AccountGate[];
  passed: boolean;
}

/**
 * Decides whether a pull request has the approvals its content needs. Levels come from account.yaml on the base
 * commit, so a pull request cannot name its own approvers; only an account it creates is read from its head.
 */
export async function evaluateGate(github: GitHub, number: number): Promise<GateResult> {
  const pull = await github.pullRequest(number);
  const [files, reviews, contributors] = await Promise.all([github.changedFiles(number), github.reviews(number), github.contributors(number)]);
  // GitHub lists at most 3,000 files of a pull request; content beyond them would go unjudged.
  if (files.length < pull.changedFileCount) {
    throw new GitHubError(`拉取请求 #${number} 改动了 ${pull.changedFileCount} 个文件，GitHub 只列出 ${files.length} 个，无法确认每个账号都经过审核。请拆成较小的拉取请求。`);
  }
  const changes = groupByAccount(files.map((f) => ({ file: f.file, removed: f.status === 'removed', previousFile: f.previousFile })));
  const accounts: AccountGate[] = [];
  for (const change of changes) {
    const policyFile = `content/${change.account}/account.yaml`;
    const base = await github.fileAt(policyFile, pull.baseSha);
    const text = base ?? (await github.fileAt(policyFile, pull.headSha));
    const gate: AccountGate = { ...change, policyFrom: base === undefined ? 'head' : 'base', levels: [], met: false };
    const policy = text === undefined ? { ok: false as const, message: `${policyFile} 不存在，无法确定审核级别。` } : reviewLevelsOf(text, policyFile);
    if (!policy.ok) {
      gate.error = policy.message;
    } else {
      // A pull request that creates an account also wrote its approver lists, so a maintainer must approve first.
      const levels = gate.policyFrom === 'head' ? [maintainerLevel, ...policy.levels] : policy.levels;
      const eligible = await eligibility(github, levels, reviews);
      gate.levels = evaluateLevels({ levels, reviews, author: pull.author, contributors, headSha: pull.headSha, eligible });
      gate.met = gate.levels.every((level) => level.met);
    }
    accounts.push(gate);
  }
  return { pull, accounts, passed: accounts.every((a) => a.met) };
}

const maintainerLevel: ReviewLevel = { name: '维护者（新账号）', approvers: [], maintainers: true };

/** Resolves team membership and permissions up front for the people who reviewed, so the evaluation stays synchronous. */
async function eligibility(github: GitHub, levels: readonly ReviewLevel[], reviews: readonly Review[]) {
  const reviewers = [...new Set(reviews.map((r) => r.login))];
  const asked = new Map<string, Promise<boolean>>();
  const once = (key: string, ask: () => Promise<boolean>) => {
    if (!asked.has(key)) asked.set(key, ask());
    return asked.get(key)!;
  };
  const may = async (level: ReviewLevel, login: string) => {
    if (level.maintainers) return once(`maintains ${login}`, async () => ['admin', 'maintain'].includes(await github.permission(login)));
    if (level.approvers.some((a) => !isTeam(a) && sameName(a, login))) return true;
    for (const team of level.approvers.filter(isTeam)) {
      if (await once(`${team.toLowerCase()} ${login.toLowerCase()}`, () => github.isTeamMember(team, login))) return true;
    }
    return false;
  };
  const allowed = new Map<ReviewLevel, Set<string>>();
  for (const level of levels) {
    const ok = new Set<string>();
    for (const login of reviewers) if (await may(level, login)) ok.add(login);
    allowed.set(level, ok);
  }
  return (login: string, level: ReviewLevel) => allowed.get(level)?.has(login) ?? false;
}
