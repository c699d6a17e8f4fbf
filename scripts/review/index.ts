import { appendFile } from 'node:fs/promises';
import { GitHubError, type GitHub } from '../github/client.ts';
import { evaluateGate, type GateResult } from './gate.ts';
import { gateMarkdown } from './gate-report.ts';

export { mergeReviewed, type MergeOutcome } from './merge.ts';
export { recordMerge, type RecordOptions, type RecordOutcome } from './record.ts';
export { gateMarkdown, gateText } from './gate-report.ts';
export type { GateResult } from './gate.ts';

export interface GateOptions {
  /** GITHUB_STEP_SUMMARY: the job summary file to append the table to. */
  summaryFile?: string;
  /** Post (or update) the table as a pull request comment. */
  comment: boolean;
  /** Where to say that the comment could not be posted (a fork's read-only token), without failing the gate. */
  warn: (message: string) => void;
}

export const gateCommentMarker = '<!-- mpdesk:review-gate -->';

/** Evaluates the gate and reports it where reviewers look: the job summary and the pull request. */
export async function runGate(github: GitHub, number: number, options: GateOptions): Promise<GateResult> {
  const result = await evaluateGate(github, number);
  const markdown = gateMarkdown(result);
  if (options.summaryFile) await appendFile(options.summaryFile, `${markdown}\n`);
  if (options.comment) {
    try {
      await github.upsertComment(number, gateCommentMarker, markdown);
    } catch (error) {
      if (!(error instanceof GitHubError) || error.status !== 403) throw error;
      options.warn(`未能在拉取请求上发表审核结果（${error.message}）；结果见任务摘要。`);
    }
  }
  return result;
}
export { codeownersFor } from './codeowners.ts';
