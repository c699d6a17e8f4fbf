// The worker side of worker-pool.test.ts: tags each job with the task's tag and the thread that did it.
import { threadId } from 'node:worker_threads';
import { defineTask } from './worker-pool.ts';

export const task = defineTask<{ tag: string }, number, { job: number; by: string; thread: number }>(async ({ tag }) => async (group, emit) => {
  for (const job of group) emit({ job, by: tag, thread: threadId });
});
