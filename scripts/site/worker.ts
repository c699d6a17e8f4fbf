import { fromPortable } from '../content/index.ts';
import { serveJobs } from '../shared/worker-pool.ts';
import type { RenderSetup } from './parallel.ts';
import { renderBatch, type ArticleOutcome } from './render-batch.ts';

serveJobs<RenderSetup, string, ArticleOutcome>(async (setup) => {
  const set = fromPortable(setup.set);
  return (files, emit) => renderBatch(set, files, setup, emit);
});
