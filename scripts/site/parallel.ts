import { toPortable, type ContentSet, type PortableContentSet } from '../content/index.ts';
import { shareJobs } from '../shared/worker-pool.ts';
import { renderBatch, type ArticleOutcome, type BatchPaths } from './render-batch.ts';

export interface RenderSetup extends BatchPaths {
  /** The whole repository as this thread read it: cross-file checks (plans, slugs) need all of it. */
  set: PortableContentSet;
}

/** Renders the files in this thread and `threads - 1` worker threads, a few articles at a time to whoever is free. */
export async function renderShared(set: ContentSet, files: readonly string[], paths: BatchPaths, threads: number, onDone: (outcome: ArticleOutcome) => void): Promise<void> {
  await shareJobs<RenderSetup, string, ArticleOutcome>({
    module: new URL('./worker.ts', import.meta.url),
    setup: { ...paths, set: toPortable(set) },
    jobs: files,
    groupSize: 4,
    workers: threads - 1,
    here: (group, emit) => renderBatch(set, group, paths, emit),
    onResult: onDone,
  });
}
