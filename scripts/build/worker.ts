import { fromPortable, type PortableContentSet } from '../content/portable.ts';
import { serveWorker } from '../shared/worker-pool.ts';
import { renderBatch, type ArticleOutcome, type BatchPaths } from './render-batch.ts';

export interface RenderRequest extends BatchPaths {
  /** The whole repository as the main thread read it: cross-file checks (plans, slugs) need all of it. */
  set: PortableContentSet;
  files: string[];
}

await serveWorker<RenderRequest, ArticleOutcome>((request, emit) => renderBatch(fromPortable(request.set), request.files, request, emit));
