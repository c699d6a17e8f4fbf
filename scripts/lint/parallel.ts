import type { ContentSet } from '../content/index.ts';
import { toPortable } from '../content/portable.ts';
import { runWorkers } from '../shared/worker-pool.ts';
import type { LintRequest, LintWorkerResult } from './worker.ts';

/**
 * Lints `lint` and fingerprints `fingerprint` in `count` worker threads, interleaved so each gets a similar mix.
 * Results are keyed by file, so their order does not depend on which thread finished first.
 */
export async function lintInWorkers(set: ContentSet, lint: readonly string[], fingerprint: readonly string[], count: number): Promise<Map<string, LintWorkerResult>> {
  const portable = toPortable(set);
  const shard = (files: readonly string[], i: number) => files.filter((_, j) => j % count === i);
  const requests: LintRequest[] = Array.from({ length: count }, (_, i) => ({ set: portable, lint: shard(lint, i), fingerprint: shard(fingerprint, i) }));
  const results = new Map<string, LintWorkerResult>();
  await runWorkers<LintRequest, LintWorkerResult>(new URL('./worker.ts', import.meta.url), requests, (result) => results.set(result.file, result));
  return results;
}
