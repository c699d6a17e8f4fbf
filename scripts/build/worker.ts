import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from '../content/index.ts';
import { renderBatch, type ArticleOutcome, type BatchPaths } from './render-batch.ts';

export interface WorkerRequest extends BatchPaths {
  files: string[];
}

export type WorkerMessage = { type: 'outcome'; outcome: ArticleOutcome } | { type: 'done' } | { type: 'error'; message: string };

// Each worker reads the repository itself: cross-file checks (plans, slugs) need all of it, and reading is cheap.
const request = workerData as WorkerRequest;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
try {
  const set = await loadContent(request.root);
  await renderBatch(set, request.files, request, (outcome) => post({ type: 'outcome', outcome }));
  post({ type: 'done' });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
