import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** Each worker needs about 1.5 s to load its pipeline (tsx); below this many files that costs more than it saves. */
export const parallelThreshold = 100;

/** Worker threads for `jobs` files: one per core (at most four), or 1 (stay in this thread) for small runs. */
export function workerCount(jobs: number): number {
  return jobs < parallelThreshold ? 1 : Math.min(availableParallelism(), 4);
}

type WorkerMessage<Result> = { type: 'result'; value: Result } | { type: 'done' } | { type: 'error'; message: string };

interface WorkerData<Request> {
  /** URL of the TypeScript module the worker runs; it calls `serveWorker`. */
  module: string;
  request: Request;
}

const entry = new URL('./worker-entry.js', import.meta.url);

/**
 * Runs `module` in one worker thread per request and passes every result to `onResult` as it arrives. Rejects
 * when a worker fails; the request must survive structured cloning.
 */
export async function runWorkers<Request, Result>(module: URL, requests: readonly Request[], onResult: (result: Result) => void): Promise<void> {
  await Promise.all(
    requests.map(
      (request) =>
        new Promise<void>((resolve, reject) => {
          const data: WorkerData<Request> = { module: module.href, request };
          const worker = new Worker(entry, { workerData: data });
          let finished = false;
          worker.on('message', (message: WorkerMessage<Result>) => {
            if (message.type === 'result') onResult(message.value);
            else if (message.type === 'done') finished = true;
            else reject(new Error(message.message));
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (finished ? resolve() : reject(new Error(`工作线程意外退出（退出码 ${code}）`))));
        }),
    ),
  );
}

/** The worker side of `runWorkers`: runs `work` on this worker's request, posting each result as it is ready. */
export async function serveWorker<Request, Result>(work: (request: Request, emit: (result: Result) => void) => Promise<void>): Promise<void> {
  const post = (message: WorkerMessage<Result>) => parentPort!.postMessage(message);
  try {
    await work((workerData as WorkerData<Request>).request, (value) => post({ type: 'result', value }));
    post({ type: 'done' });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
