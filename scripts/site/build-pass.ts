import { releasing, type ContentSet } from '../content/index.ts';
import type { GroupHandler } from '../shared/worker-pool.ts';
import { renderBatch, type ArticleOutcome, type BatchPaths } from './render-batch.ts';

/** One file of a build: linted (the lint's own job for it), rendered, or both, in the same thread. */
export interface BuildJob<LintJob> {
  file: string;
  lint?: LintJob;
  render: boolean;
}

export type BuildResult<LintResult> =
  | { kind: 'lint'; file: string; result: LintResult }
  | { kind: 'lint-failed'; file: string; message: string }
  | { kind: 'render'; file: string; outcome: ArticleOutcome };

/**
 * A group of a build in one thread: the lint's share first, then the renders, both from the same resolved articles
 * (parsed and validated once); then the trees are released. When linting fails the build goes on without it.
 */
export function buildGroup<LintJob, LintResult extends { file: string }>(
  set: ContentSet,
  paths: BatchPaths,
  lint: GroupHandler<LintJob, LintResult> | undefined,
): GroupHandler<BuildJob<LintJob>, BuildResult<LintResult>> {
  return releasing(set, async (group, emit) => {
    const lintJobs = group.flatMap((job) => (job.lint === undefined ? [] : [job.lint]));
    if (lint && lintJobs.length) {
      try {
        await lint(lintJobs, (result) => emit({ kind: 'lint', file: result.file, result }));
      } catch (error) {
        emit({ kind: 'lint-failed', file: group[0]!.file, message: error instanceof Error ? error.message : String(error) });
      }
    }
    const files = group.filter((job) => job.render).map((job) => job.file);
    if (files.length) await renderBatch(set, files, paths, (outcome) => emit({ kind: 'render', file: outcome.file, outcome }));
  });
}

/**
 * The lint's handler in a worker thread, from the module and setup its pass names (see `FilePass`). When it cannot
 * be made, a handler that says why for every group: the renders go on.
 */
export async function lintPart(set: ContentSet, lint: { module: string; setup: unknown }): Promise<GroupHandler<unknown, { file: string }>> {
  try {
    const loaded: unknown = await import(lint.module);
    const part: unknown = loaded && typeof loaded === 'object' ? Reflect.get(loaded, 'part') : undefined;
    if (typeof part !== 'function') throw new Error(`${lint.module} 没有导出 part`);
    const handler: unknown = await Reflect.apply(part, undefined, [set, lint.setup]);
    if (typeof handler !== 'function') throw new Error(`${lint.module} 的 part 没有给出处理函数`);
    return (group, emit) => Promise.resolve(Reflect.apply(handler, undefined, [group, emit]));
  } catch (error) {
    return async () => {
      throw error;
    };
  }
}
