import { parentPort } from 'node:worker_threads';
import { forwardNotices } from './notice.ts';

/** Does one group of jobs, passing on each result as it is ready. */
export type GroupHandler<Job, Result> = (group: Job[], emit: (result: Result) => void) => Promise<void>;

/** What a task module exports as `task`: prepares a worker from the task's setup, once per task. */
export type Task<Setup, Job, Result> = (setup: Setup) => Promise<GroupHandler<Job, Result>>;

export type ToWorker<Job> =
  | { type: 'preload'; modules: string[] }
  | { type: 'task'; module: string; setup: unknown }
  | { type: 'group'; jobs: Job[] }
  | { type: 'end' };
export type FromWorker<Result> = { type: 'ready' } | { type: 'result'; value: Result } | { type: 'done' } | { type: 'error'; message: string };

/** Types a task module's `task` export. */
export function defineTask<Setup, Job, Result>(task: Task<Setup, Job, Result>): Task<Setup, Job, Result> {
  return task;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function taskOf(module: string): Promise<Task<unknown, unknown, unknown>> {
  const loaded: unknown = await import(module);
  const task: unknown = loaded && typeof loaded === 'object' ? Reflect.get(loaded, 'task') : undefined;
  if (typeof task !== 'function') throw new Error(`${module} 没有导出 task`);
  return (setup) => Promise.resolve(Reflect.apply(task, undefined, [setup]));
}

/**
 * The worker side of `shareJobs`, for one task after another: prepares from the task's setup, then does the groups
 * it is sent. It asks for the next group when it starts one, so a group is waiting when it finishes and it never
 * hoards more than that.
 */
export function serve(): void {
  const port = parentPort!;
  const post = (message: FromWorker<unknown>) => port.postMessage(message);
  forwardNotices((notice) => port.postMessage(notice));
  let pending: unknown[][] = [];
  let handler: GroupHandler<unknown, unknown> | undefined;
  let ended = false;
  let busy = false;
  const pump = async () => {
    if (busy || !handler) return;
    busy = true;
    try {
      for (let group = pending.shift(); group; group = pending.shift()) {
        if (!ended) post({ type: 'ready' });
        await handler(group, (value) => post({ type: 'result', value }));
      }
    } catch (error) {
      handler = undefined;
      post({ type: 'error', message: messageOf(error) });
      return;
    } finally {
      busy = false;
    }
    if (ended) {
      handler = undefined;
      post({ type: 'done' });
    }
  };
  port.on('message', (message: ToWorker<unknown>) => {
    if (message.type === 'preload') {
      // Loaded now so the task finds it ready; a module that fails to load says why when its task asks for it.
      for (const module of message.modules) import(module).catch(() => undefined);
    } else if (message.type === 'task') {
      ended = false;
      pending = [];
      taskOf(message.module)
        .then((task) => task(message.setup))
        .then(
          (prepared) => {
            handler = prepared;
            post({ type: 'ready' });
          },
          (error: unknown) => post({ type: 'error', message: messageOf(error) }),
        );
    } else {
      if (message.type === 'group') pending.push(message.jobs);
      else ended = true;
      void pump();
    }
  });
}
