import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sayNotice, type NoticeMessage } from './notice.ts';
import type { FromWorker, GroupHandler, ToWorker } from './worker-serve.ts';

export { defineTask, type GroupHandler, type Task } from './worker-serve.ts';

/** A worker needs about half a second to load its pipeline; below this many files that costs more than it saves. */
export const parallelThreshold = 100;

/** Threads to work in, this one included: one per core (at most four), or just this one for small runs. */
export function threadCount(jobs: number): number {
  return jobs < parallelThreshold ? 1 : Math.min(availableParallelism(), 4);
}

export interface ShareOptions<Setup, Job, Result> {
  /** The task module: its export `task` is made by `defineTask`. */
  module: URL;
  /** What the task needs in a worker before its first job; it must survive structured cloning. */
  setup: Setup;
  jobs: readonly Job[];
  /** Jobs handed out at a time. */
  groupSize: number;
  /** Worker threads to share with besides this one. */
  workers: number;
  /** This thread's share of the work. */
  here: GroupHandler<Job, Result>;
  onResult: (result: Result) => void;
}

interface PoolWorker {
  worker: Worker;
  busy: boolean;
  /** Modules asked to load, by URL. */
  loaded: Set<string>;
  /** The running task's listeners. */
  onMessage?: (message: FromWorker<unknown>) => void;
  onGone?: (error: Error) => void;
}

/** The process's worker threads: started once, kept (unreferenced, so they never hold the process open) for later tasks. */
const pool: PoolWorker[] = [];
// Compiled, a worker starts from JavaScript with no loader; from the sources, through tsx.
const entry = new URL(import.meta.url.endsWith('.ts') ? './worker-entry-tsx.js' : './worker-entry.js', import.meta.url);

function spawn(modules: readonly URL[]): PoolWorker {
  const worker = new Worker(entry);
  const member: PoolWorker = { worker, busy: false, loaded: new Set() };
  const gone = (error: Error) => {
    const at = pool.indexOf(member);
    if (at >= 0) pool.splice(at, 1);
    member.onGone?.(error);
  };
  worker.on('message', (message: FromWorker<unknown> | NoticeMessage) => (message.type === 'notice' ? sayNotice(message) : member.onMessage?.(message)));
  worker.on('error', gone);
  worker.on('exit', (code) => gone(new Error(`工作线程意外退出（退出码 ${code}）`)));
  worker.unref();
  preload(member, modules);
  pool.push(member);
  return member;
}

function preload(member: PoolWorker, modules: readonly URL[]): void {
  const fresh = modules.map((m) => m.href).filter((href) => !member.loaded.has(href));
  if (!fresh.length) return;
  for (const href of fresh) member.loaded.add(href);
  member.worker.postMessage({ type: 'preload', modules: fresh } satisfies ToWorker<never>);
}

/**
 * Starts `workers` threads now (or keeps those already running) and has each load `modules`, so that loading, about
 * half a second, overlaps the work this thread does before it hands out jobs.
 */
export function startWorkers(workers: number, modules: readonly URL[]): void {
  const idle = pool.filter((m) => !m.busy);
  for (const member of idle.slice(0, workers)) preload(member, modules);
  for (let i = idle.length; i < workers; i++) spawn(modules);
}

/** Ends the idle workers: the next task starts fresh ones (the bench, so each run pays for its start as a command does). */
export async function stopWorkers(): Promise<void> {
  await Promise.all(pool.filter((m) => !m.busy).map((m) => m.worker.terminate()));
}

/** Idle workers for a task, started if there are not enough; marked busy. */
function acquire(workers: number, module: URL): PoolWorker[] {
  startWorkers(workers, [module]);
  const taken = pool.filter((m) => !m.busy).slice(0, workers);
  for (const member of taken) member.busy = true;
  return taken;
}

/**
 * Shares the jobs between this thread and `workers` worker threads: whoever is free takes the next group, so this
 * thread, whose pipeline is already loaded, works while the workers are still starting. Each job is done once;
 * results arrive in no fixed order, so callers key them. When anything fails, the task's workers are ended.
 */
export async function shareJobs<Setup, Job, Result>(options: ShareOptions<Setup, Job, Result>): Promise<void> {
  const { jobs, groupSize, onResult } = options;
  let next = 0;
  const take = (): Job[] => {
    const group = jobs.slice(next, next + groupSize);
    next += group.length;
    return group;
  };
  const members = options.workers > 0 ? acquire(options.workers, options.module) : [];
  const inWorker = (member: PoolWorker) =>
    new Promise<void>((resolve, reject) => {
      const post = (message: ToWorker<Job>) => member.worker.postMessage(message);
      member.onGone = reject;
      member.onMessage = (message) => {
        if (message.type === 'ready') {
          const group = take();
          post(group.length ? { type: 'group', jobs: group } : { type: 'end' });
        } else if (message.type === 'result') onResult(message.value as Result);
        else if (message.type === 'done') resolve();
        else reject(new Error(message.message));
      };
      member.worker.ref();
      post({ type: 'task', module: options.module.href, setup: options.setup });
    });
  const here = async () => {
    for (let group = take(); group.length; group = take()) {
      await options.here(group, onResult);
      // Let the workers' requests for more work through between groups.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([here(), ...members.map(inWorker)]);
  } catch (error) {
    // A worker in an unknown state is not reused.
    await Promise.all(members.map((member) => member.worker.terminate()));
    throw error;
  } finally {
    for (const member of members) {
      member.onMessage = undefined;
      member.onGone = undefined;
      member.busy = false;
      member.worker.unref();
    }
  }
}
