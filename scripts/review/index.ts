import { appendFile } from 'node:fs/promises';
import { writing } from '../shared/write-error.ts';
import { GitHubError, type GitHub } from '../github/index.ts';
import { evaluateGate, type GateResult } from './gate.ts';
import { gateMarkdown } from './gate-report.ts';

export { mergeReviewed, type MergeOutcome } from './merge.ts';
export { recordMerge, type RecordOptions, type RecordOutcome } from './record.ts';
export { gateMarkdown, gateText } from './gate-report.ts';
export type { GateResult } from './gate.ts';
export { codeownersFor } from './codeowners.ts';
export { approvalProblems, reviewLevelsOf } from './policy.ts';
export { parseTrailers, trailerBlock, type ReviewRecord } from './trailers.ts';
export { explainGitError } from './git-errors.ts';

export interface GateOptions {
  /** GITHUB_STEP_SUMMARY: the job summary file to append the table to. */
  summaryFile?: string;
  /** Post (or update) the table as a pull request comment. */
  comment: boolean;
  /** Set the `mpdesk/review-gate` commit status on the head, linking to `targetUrl` (the workflow run). */
  status?: { targetUrl?: string };
  /** Where to say that the comment could not be posted (a fork's read-only token), without failing the gate. */
  warn: (message: string) => void;
}

export const gateCommentMarker = '<!-- mpdesk:review-gate -->';
/** The commit status the branch ruleset requires. */
export const gateStatusContext = 'mpdesk/review-gate';

/** Evaluates the gate and reports it where reviewers look: the job summary and the pull request. */
export async function runGate(github: GitHub, number: number, options: GateOptions): Promise<GateResult> {
  const result = await evaluateGate(github, number);
  const markdown = gateMarkdown(result);
  const summary = options.summaryFile;
  if (summary) await writing(summary, () => appendFile(summary, `${markdown}\n`));
  if (options.comment) {
    try {
      await github.upsertComment(number, gateCommentMarker, markdown);
    } catch (error) {
      if (!(error instanceof GitHubError) || error.status !== 403) throw error;
      options.warn(`未能在拉取请求上发表审核结果（${error.message}）；结果见任务摘要。`);
    }
  }
  if (options.status) {
    const unmet = result.accounts.flatMap((a) => (a.error ? [`${a.account} 设置有误`] : a.levels.filter((l) => !l.met).map((l) => `${a.account}「${l.level}」`)));
    const description = result.passed ? '各级审核均已通过' : `未通过：${unmet.slice(0, 3).join('、')}${unmet.length > 3 ? ' 等' : ''}`;
    await github.setStatus(result.pull.headSha, gateStatusContext, result.passed ? 'success' : 'failure', description, options.status.targetUrl);
  }
  return result;
}
