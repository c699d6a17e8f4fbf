import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ArticleOutcome, BatchPaths } from './render-batch.ts';
import type { WorkerMessage, WorkerRequest } from './worker.ts';

/** Each worker needs about 2 s to load the pipeline; below this many articles that costs more than it saves. */
export const parallelThreshold = 100;

export function workerCount(articles: number): number {
  return articles < parallelThreshold ? 1 : Math.min(availableParallelism(), 4);
}

/** Renders the files in `count` worker threads, interleaved so each gets a similar mix. */
export async function renderInWorkers(files: readonly string[], paths: BatchPaths, count: number, onDone: (outcome: ArticleOutcome) => void): Promise<void> {
  const shards = Array.from({ length: count }, (_, i) => files.filter((_, j) => j % count === i));
  await Promise.all(
    shards.map(
      (shard) =>
        new Promise<void>((resolve, reject) => {
          const workerData: WorkerRequest = { ...paths, files: shard };
          const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { workerData });
          let finished = false;
          worker.on('message', (message: WorkerMessage) => {
            if (message.type === 'outcome') onDone(message.outcome);
            else if (message.type === 'done') finished = true;
            else reject(new Error(message.message));
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (finished ? resolve() : reject(new Error(`渲染线程意外退出（退出码 ${code}）`))));
        }),
    ),
  );
}
