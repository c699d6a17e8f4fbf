import type { GitHub } from '../github/index.ts';
import { evaluateGate, type GateResult } from './gate.ts';
import { trailerBlock } from './trailers.ts';

export type MergeOutcome =
  | { merged: true; sha: string; message: string; gate: GateResult }
  | { merged: false; reason: string; gate?: GateResult };

const mayMerge = new Set(['admin', 'maintain']);

/**
 * Merges a pull request through the API when the gate passes, pinned to the approved head, with the approvals
 * written into the merge commit as trailers. `requestedBy` (the `/merge` commenter) must maintain the repository.
 */
export async function mergeReviewed(github: GitHub, number: number, requestedBy?: string): Promise<MergeOutcome> {
  if (requestedBy) {
    const permission = await github.permission(requestedBy);
    if (!mayMerge.has(permission)) return { merged: false, reason: `@${requestedBy} 的仓库权限是 ${permission}，只有 maintain 或 admin 可以用 /merge 合并。` };
  }
  const gate = await evaluateGate(github, number);
  if (gate.pull.merged || gate.pull.state !== 'open') return { merged: false, reason: `拉取请求 #${number} 已关闭或已合并。`, gate };
  if (!gate.passed) return { merged: false, reason: `拉取请求 #${number} 还没有通过审核，未合并。`, gate };

  const title = `Merge pull request #${number} from ${gate.pull.headLabel.replace(':', '/')}`;
  const record = {
    reviewers: gate.accounts.flatMap((account) => account.levels.map((level) => ({ name: level.by!.login, level: level.level }))),
    reviewedOn: gate.pull.url,
    approvedHead: gate.pull.headSha,
    articles: gate.accounts.flatMap((account) => account.articles),
  };
  const message = `${gate.pull.title}\n\n${trailerBlock(record)}`;
  const sha = await github.merge(number, gate.pull.headSha, title, message);
  return { merged: true, sha, message: `${title}\n\n${message}`, gate };
}
