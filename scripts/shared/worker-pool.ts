import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** A worker needs about a second to load its pipeline (tsx); below this many files that costs more than it saves. */
export const parallelThreshold = 100;

/** Threads to work in, this one included: one per core (at most four), or just this one for small runs. */
export function threadCount(jobs: number): number {
  return jobs < parallelThreshold ? 1 : Math.min(availableParallelism(), 4);
}

type ToWorker<Job> = { type: 'group'; jobs: Job[] } | { type: 'end' };
type FromWorker<Result> = { type: 'ready' } | { type: 'result'; value: Result } | { type: 'done' } | { type: 'error'; message: string };

interface WorkerData<Setup> {
  /** URL of the TypeScript module the worker runs; it calls `serveJobs`. */
  module: string;
  setup: Setup;
}

/** Does one group of jobs, passing on each result as it is ready. */
export type GroupHandler<Job, Result> = (group: Job[], emit: (result: Result) => void) => Promise<void>;

export interface ShareOptions<Setup, Job, Result> {
  /** The worker module (it calls `serveJobs`). */
  module: URL;
  /** What every worker needs before its first job; it must survive structured cloning. */
  setup: Setup;
  jobs: readonly Job[];
  /** Jobs handed out at a time. */
  groupSize: number;
  /** Worker threads to start besides this one. */
  workers: number;
  /** This thread's share of the work. */
  here: GroupHandler<Job, Result>;
  onResult: (result: Result) => void;
}

const entry = new URL('./worker-entry.js', import.meta.url);

/**
 * Shares the jobs between this thread and `workers` worker threads: whoever is free takes the next group, so this
 * thread, whose pipeline is already loaded, works while the workers are still starting. Each job is done once;
 * results arrive in no fixed order, so callers key them.
 */
export async function shareJobs<Setup, Job, Result>(options: ShareOptions<Setup, Job, Result>): Promise<void> {
  const { jobs, groupSize, onResult } = options;
  let next = 0;
  const take = (): Job[] => {
    const group = jobs.slice(next, next + groupSize);
    next += group.length;
    return group;
  };
  const started: Worker[] = [];
  const inWorker = () =>
    new Promise<void>((resolve, reject) => {
      const data: WorkerData<Setup> = { module: options.module.href, setup: options.setup };
      const worker = new Worker(entry, { workerData: data });
      started.push(worker);
      let finished = false;
      worker.on('message', (message: FromWorker<Result>) => {
        if (message.type === 'ready') {
          const group = take();
          worker.postMessage((group.length ? { type: 'group', jobs: group } : { type: 'end' }) satisfies ToWorker<Job>);
        } else if (message.type === 'result') onResult(message.value);
        else if (message.type === 'done') finished = true;
        else reject(new Error(message.message));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (finished ? resolve() : reject(new Error(`工作线程意外退出（退出码 ${code}）`))));
    });
  const here = async () => {
    for (let group = take(); group.length; group = take()) {
      await options.here(group, onResult);
      // Let the workers' requests for more work through between groups.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([here(), ...Array.from({ length: options.workers }, inWorker)]);
  } catch (error) {
    await Promise.all(started.map((worker) => worker.terminate()));
    throw error;
  }
}

/**
 * The worker side of `shareJobs`: prepares once from the setup, then does the groups it is sent. It asks for the
 * next group when it starts one, so a group is waiting when it finishes and it never hoards more than that.
 */
export function serveJobs<Setup, Job, Result>(prepare: (setup: Setup) => Promise<GroupHandler<Job, Result>>): void {
  const port = parentPort!;
  const post = (message: FromWorker<Result>) => port.postMessage(message);
  const pending: Job[][] = [];
  let handler: GroupHandler<Job, Result> | undefined;
  let ended = false;
  let busy = false;
  const finish = (message: FromWorker<Result>) => {
    post(message);
    port.close();
  };
  const pump = async () => {
    if (busy || !handler) return;
    busy = true;
    try {
      for (let group = pending.shift(); group; group = pending.shift()) {
        if (!ended) post({ type: 'ready' });
        await handler(group, (value) => post({ type: 'result', value }));
      }
    } catch (error) {
      finish({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    busy = false;
    if (ended) finish({ type: 'done' });
  };
  port.on('message', (message: ToWorker<Job>) => {
    if (message.type === 'group') pending.push(message.jobs);
    else ended = true;
    void pump();
  });
  prepare((workerData as WorkerData<Setup>).setup).then(
    (prepared) => {
      handler = prepared;
      post({ type: 'ready' });
    },
    (error: unknown) => finish({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
}
