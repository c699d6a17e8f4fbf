import { toPortable, type ContentSet } from '../content/index.ts';
import type { FilePass } from '../shared/file-pass.ts';
import { shareJobs } from '../shared/worker-pool.ts';
import { siblingModule } from '../shared/module-url.ts';
import type { BuildJob, BuildResult } from './build-pass.ts';
import type { BatchPaths } from './render-batch.ts';
import type { BuildSetup } from './worker.ts';

/** The build's worker task: rendering, and the lint's part when the build lints. */
export const buildTask = siblingModule(import.meta.url, './worker');

/** Articles rendered (and files linted) together in one thread. */
const groupSize = 4;

/**
 * Renders `files` and does the lint's jobs, in this thread and `threads - 1` worker threads, a few files at a time
 * to whoever is free; a file both linted and rendered is done in one thread, from one parsed tree.
 */
export async function buildShared<LintJob extends { file: string }, LintResult extends { file: string }>(
  set: ContentSet,
  files: readonly string[],
  lint: FilePass<LintJob, LintResult, unknown> | undefined,
  run: { paths: BatchPaths; threads: number; onResult: (result: BuildResult<LintResult>) => void },
): Promise<void> {
  const jobs = new Map<string, BuildJob<LintJob>>(files.map((file) => [file, { file, render: true }]));
  for (const job of lint?.jobs ?? []) {
    const known = jobs.get(job.file);
    if (known) known.lint = job;
    else jobs.set(job.file, { file: job.file, lint: job, render: false });
  }
  if (!jobs.size) return;
  // The render pipeline (remark, rehype, juice, sharp) loads only when there is something to render or lint.
  const { buildGroup } = await import('./build-pass.ts');
  const setup: BuildSetup = { set: toPortable(set), paths: run.paths, ...(lint ? { lint: { module: lint.part.module.href, setup: lint.part.setup } } : {}) };
  await shareJobs<BuildSetup, BuildJob<LintJob>, BuildResult<LintResult>>({
    module: buildTask,
    setup,
    jobs: [...jobs.values()],
    groupSize,
    workers: run.threads - 1,
    here: buildGroup(set, run.paths, lint ? (group, emit) => lint.here(group, emit) : undefined),
    onResult: run.onResult,
  });
}
