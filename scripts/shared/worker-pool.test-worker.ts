// The worker side of worker-pool.test.ts: tags each job with the task's tag and the thread that did it.
import { threadId } from 'node:worker_threads';
import { unsavedCacheNotice } from './notice.ts';
import { defineTask } from './worker-pool.ts';

export const task = defineTask<{ tag: string }, number, { job: number; by: string; thread: number }>(async ({ tag }) => async (group, emit) => {
  // A cache that cannot be saved, as a worker's stage would say it (worker-pool.test.ts: said once across threads).
  if (tag === 'unsaved') unsavedCacheNotice('图片检查记录', '无法创建目录 .cache/mpdesk：已有同名的文件（EEXIST）。', '下次会重新解码。');
  for (const job of group) emit({ job, by: tag, thread: threadId });
});
