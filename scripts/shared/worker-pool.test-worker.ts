// The worker side of worker-pool.test.ts: tags each job with the thread that did it.
import { defineTask } from './worker-pool.ts';

export const task = defineTask<{ tag: string }, number, { job: number; by: string }>(async ({ tag }) => async (group, emit) => {
  for (const job of group) emit({ job, by: tag });
});
