import type { Review } from '../github/client.ts';
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
  headSha: string;
  /** Whether `login` may approve at a level that lists `approver` (a login, or a team to ask GitHub about). */
  eligible: (login: string, level: ReviewLevel) => boolean;
}

interface Standing {
  login: string;
  /** The reviewer's latest decisive review: approval, request for changes, or a dismissed approval. */
  latest: Review;
}

/**
 * Whether every level has an approval on the head commit from someone on its list, each given after the level
 * before it, from distinct people, none of them the author. Each reviewer counts with their latest decisive review,
 * so a later request for changes or a dismissal withdraws an approval, as on GitHub.
 */
export function evaluateLevels(input: GateInput): LevelOutcome[] {
  const standings = latestStandings(input.reviews);
  const valid = standings.filter((s) => s.latest.state === 'APPROVED' && s.latest.commitId === input.headSha && s.login !== input.author);
  const candidates = input.levels.map((level) =>
    valid.filter((s) => input.eligible(s.login, level)).sort((a, b) => time(a) - time(b) || a.login.localeCompare(b.login)),
  );

  const chain = findChain(candidates, 0, -Infinity, new Set());
  if (chain) {
    return input.levels.map((level, i) => ({
      level: level.name,
      approvers: level.approvers,
      met: true,
      by: { login: chain[i]!.login, at: chain[i]!.latest.submittedAt },
      notes: [],
    }));
  }
  return explain(input, standings, candidates);
}

function latestStandings(reviews: readonly Review[]): Standing[] {
  const byLogin = new Map<string, Review>();
  const ordered = [...reviews].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || a.id - b.id);
  for (const review of ordered) {
    // A comment neither gives nor withdraws an approval.
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED' || review.state === 'DISMISSED') byLogin.set(review.login, review);
  }
  return [...byLogin].map(([login, latest]) => ({ login, latest }));
}

const time = (s: Standing) => Date.parse(s.latest.submittedAt);

/** The earliest assignment of distinct approvers to levels in order; levels are few, so a plain search is enough. */
function findChain(candidates: Standing[][], level: number, after: number, used: Set<string>): Standing[] | undefined {
  if (level === candidates.length) return [];
  for (const standing of candidates[level]!) {
    if (time(standing) <= after || used.has(standing.login)) continue;
    used.add(standing.login);
    const rest = findChain(candidates, level + 1, time(standing), used);
    used.delete(standing.login);
    if (rest) return [standing, ...rest];
  }
  return undefined;
}

/** Walks the levels in order, taking the earliest usable approval, and says for each unmet level why. */
function explain(input: GateInput, standings: Standing[], candidates: Standing[][]): LevelOutcome[] {
  const used = new Set<string>();
  let after = -Infinity;
  let blockedBy: string | undefined;
  return input.levels.map((level, i) => {
    const outcome: LevelOutcome = { level: level.name, approvers: level.approvers, met: false, notes: [] };
    const pick = candidates[i]!.find((s) => time(s) > after && !used.has(s.login));
    if (blockedBy !== undefined) {
      if (pick) outcome.by = { login: pick.login, at: pick.latest.submittedAt };
      outcome.notes.push(`等待上一级“${blockedBy}”通过`);
      return outcome;
    }
    if (pick) {
      used.add(pick.login);
      after = time(pick);
      return { ...outcome, met: true, by: { login: pick.login, at: pick.latest.submittedAt } };
    }
    blockedBy = level.name;
    const previous = input.levels[i - 1]?.name;
    for (const s of candidates[i]!) {
      if (used.has(s.login)) outcome.notes.push(`@${s.login} 已在上一级批准，同一人不能兼任两级`);
      else if (time(s) <= after) outcome.notes.push(`@${s.login} 的批准早于“${previous}”的批准，需在其后重新批准`);
    }
    for (const s of standings) {
      if (!input.eligible(s.login, level) || candidates[i]!.includes(s)) continue;
      if (s.login === input.author && s.latest.state === 'APPROVED') outcome.notes.push(`@${s.login} 是作者，本人批准不计`);
      else if (s.latest.state === 'CHANGES_REQUESTED') outcome.notes.push(`@${s.login} 要求修改`);
      else if (s.latest.state === 'DISMISSED') outcome.notes.push(`@${s.login} 的批准已被撤销（dismissed）`);
      else if (s.latest.commitId !== input.headSha) outcome.notes.push(`@${s.login} 批准的是旧提交 ${s.latest.commitId.slice(0, 7)}，当前是 ${input.headSha.slice(0, 7)}`);
    }
    if (outcome.notes.length === 0) outcome.notes.push(`尚无批准；可批准：${level.approvers.map((a) => `@${a}`).join('、')}`);
    return outcome;
  });
}
