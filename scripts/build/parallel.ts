import type { ContentSet } from '../content/index.ts';
import { toPortable } from '../content/portable.ts';
import { runWorkers } from '../shared/worker-pool.ts';
import type { ArticleOutcome, BatchPaths } from './render-batch.ts';
import type { RenderRequest } from './worker.ts';

/** Renders the files in `count` worker threads, interleaved so each gets a similar mix. */
export async function renderInWorkers(set: ContentSet, files: readonly string[], paths: BatchPaths, count: number, onDone: (outcome: ArticleOutcome) => void): Promise<void> {
  const portable = toPortable(set);
  const requests: RenderRequest[] = Array.from({ length: count }, (_, i) => ({ ...paths, set: portable, files: files.filter((_, j) => j % count === i) }));
  await runWorkers<RenderRequest, ArticleOutcome>(new URL('./worker.ts', import.meta.url), requests, onDone);
}
