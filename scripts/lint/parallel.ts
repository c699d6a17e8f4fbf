import type { ContentSet } from '../content/index.ts';
import { toPortable, type PortableContentSet } from '../content/portable.ts';
import { shareJobs } from '../shared/worker-pool.ts';
import { groupLinter, type LintJob, type LintJobResult } from './lint-group.ts';

export interface LintSetup {
  set: PortableContentSet;
}

/**
 * Lints `lint` and fingerprints `fingerprint` in this thread and `threads - 1` worker threads, a few files at a
 * time to whoever is free. Results are keyed by file, so they do not depend on which thread did what.
 */
export async function lintShared(set: ContentSet, lint: readonly string[], fingerprint: readonly string[], threads: number): Promise<Map<string, LintJobResult>> {
  const jobs: LintJob[] = [...lint.map((file) => ({ kind: 'lint' as const, file })), ...fingerprint.map((file) => ({ kind: 'fingerprint' as const, file }))];
  const results = new Map<string, LintJobResult>();
  await shareJobs<LintSetup, LintJob, LintJobResult>({
    module: new URL('./worker.ts', import.meta.url),
    setup: { set: toPortable(set) },
    jobs,
    groupSize: 8,
    workers: threads - 1,
    here: groupLinter(set),
    onResult: (result) => results.set(result.file, result),
  });
  return results;
}
