import type { Review } from '../github/index.ts';
import type { ReviewLevel } from './policy.ts';

/** How one level of one account stands. */
export interface LevelOutcome {
  level: string;
  approvers: string[];
  met: boolean;
  /** The approval that meets the level. */
  by?: { login: string; at: string };
  /** Why the level is not met, or what was set aside; Chinese, for the table. */
  notes: string[];
}

export interface GateInput {
  levels: readonly ReviewLevel[];
  reviews: readonly Review[];
  author: string;
  /** Logins of everyone who authored or committed a commit of the pull request; they may not approve it either. */
  contributors: ReadonlySet<string>;
  headSha: string;
  /** Whether `login` may approve at a level that lists `approver` (a login, or a team to ask GitHub about). */
  eligible: (login: string, level: ReviewLevel) => boolean;
}

interface Standing {
  login: string;
  /** The reviewer's latest decisive review: approval, request for changes, or a dismissed approval. */
  latest: Review;
  /** The times of the reviewer's current run of approvals of one commit, oldest first. */
  approvals: string[];
}

/**
 * Whether every level has an approval on the head commit from someone on its list, each given after the level
 * before it, from distinct people, none of them the author or a committer of the pull request. Each reviewer counts with their latest decisive review,
 * so a later request for changes or a dismissal withdraws an approval, as on GitHub.
 */
export function evaluateLevels(input: GateInput): LevelOutcome[] {
  const standings = latestStandings(input.reviews);
  const excluded = (login: string) => login.toLowerCase() === input.author.toLowerCase() || input.contributors.has(login.toLowerCase());
  const valid = standings.filter((s) => s.latest.state === 'APPROVED' && s.latest.commitId === input.headSha && !excluded(s.login));
  const candidates = input.levels.map((level) =>
    valid.filter((s) => input.eligible(s.login, level)).sort((a, b) => firstAfter(a, -Infinity)! - firstAfter(b, -Infinity)! || a.login.localeCompare(b.login)),
  );

  const chain = findChain(candidates, 0, -Infinity, new Set());
  if (chain) {
    return input.levels.map((level, i) => ({
      level: level.name,
      approvers: level.approvers,
      met: true,
      by: chain[i]!,
      notes: [],
    }));
  }
  return explain(input, standings, candidates, excluded);
}

function latestStandings(reviews: readonly Review[]): Standing[] {
  const byLogin = new Map<string, Standing>();
  const ordered = [...reviews].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || a.id - b.id);
  for (const review of ordered) {
    // A comment neither gives nor withdraws an approval.
    if (review.state !== 'APPROVED' && review.state !== 'CHANGES_REQUESTED' && review.state !== 'DISMISSED') continue;
    const before = byLogin.get(review.login);
    const continues = before?.latest.state === 'APPROVED' && review.state === 'APPROVED' && before.latest.commitId === review.commitId;
    const approvals = review.state !== 'APPROVED' ? [] : continues ? [...before.approvals, review.submittedAt] : [review.submittedAt];
    byLogin.set(review.login, { login: review.login, latest: review, approvals });
  }
  return [...byLogin.values()];
}

/**
 * The reviewer's first approval after `after`. Any approval in the current run may stand for its level, so
 * approving the same head again neither breaks an order already met nor is needed to repair one.
 */
function firstAfter(standing: Standing, after: number): number | undefined {
  return standing.approvals.map((at) => Date.parse(at)).find((at) => at > after);
}

type Pick = { login: string; at: string };

/** The earliest assignment of distinct approvers to levels in order; levels are few, so a plain search is enough. */
function findChain(candidates: Standing[][], level: number, after: number, used: Set<string>): Pick[] | undefined {
  if (level === candidates.length) return [];
  for (const standing of candidates[level]!) {
    const at = firstAfter(standing, after);
    if (at === undefined || used.has(standing.login)) continue;
    used.add(standing.login);
    const rest = findChain(candidates, level + 1, at, used);
    used.delete(standing.login);
    if (rest) return [{ login: standing.login, at: new Date(at).toISOString() }, ...rest];
  }
  return undefined;
}

/** The usable approval at a level that comes first after `after`. */
function earliest(candidates: Standing[], after: number, used: Set<string>): (Pick & { time: number }) | undefined {
  let best: (Pick & { time: number }) | undefined;
  for (const standing of candidates) {
    const at = firstAfter(standing, after);
    if (at !== undefined && !used.has(standing.login) && (!best || at < best.time)) best = { login: standing.login, at: new Date(at).toISOString(), time: at };
  }
  return best;
}

/** Walks the levels in order, taking the earliest usable approval, and says for each unmet level why. */
function explain(input: GateInput, standings: Standing[], candidates: Standing[][], excluded: (login: string) => boolean): LevelOutcome[] {
  const used = new Set<string>();
  let after = -Infinity;
  let blockedBy: string | undefined;
  return input.levels.map((level, i) => {
    const outcome: LevelOutcome = { level: level.name, approvers: level.approvers, met: false, notes: [] };
    const pick = earliest(candidates[i]!, after, used);
    if (blockedBy !== undefined) {
      if (pick) outcome.by = { login: pick.login, at: pick.at };
      outcome.notes.push(`等待上一级“${blockedBy}”通过`);
      return outcome;
    }
    if (pick) {
      used.add(pick.login);
      after = pick.time;
      return { ...outcome, met: true, by: { login: pick.login, at: pick.at } };
    }
    blockedBy = level.name;
    const previous = input.levels[i - 1]?.name;
    for (const s of candidates[i]!) {
      if (used.has(s.login)) outcome.notes.push(`@${s.login} 已在上一级批准，同一人不能兼任两级`);
      else if (firstAfter(s, after) === undefined) outcome.notes.push(`@${s.login} 的批准早于“${previous}”的批准，需在其后重新批准`);
    }
    for (const s of standings) {
      if (!input.eligible(s.login, level) || candidates[i]!.includes(s)) continue;
      if (excluded(s.login) && s.latest.state === 'APPROVED') outcome.notes.push(`@${s.login} 是作者或提交过本拉取请求的改动，本人批准不计`);
      else if (s.latest.state === 'CHANGES_REQUESTED') outcome.notes.push(`@${s.login} 要求修改`);
      else if (s.latest.state === 'DISMISSED') outcome.notes.push(`@${s.login} 的批准已被撤销（dismissed）`);
      else if (s.latest.commitId !== input.headSha) outcome.notes.push(`@${s.login} 批准的是旧提交 ${s.latest.commitId.slice(0, 7)}，当前是 ${input.headSha.slice(0, 7)}`);
    }
    const who = level.maintainers ? '仓库维护者（maintain 或 admin）' : level.approvers.map((a) => `@${a}`).join('、');
    if (outcome.notes.length === 0) outcome.notes.push(`尚无批准；可批准：${who}`);
    return outcome;
  });
}
