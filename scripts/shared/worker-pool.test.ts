import { describe, expect, it } from 'vitest';
import { shareJobs } from './worker-pool.ts';

describe('shareJobs', () => {
  it('does every job exactly once, here and in a worker that joins when it has started', async () => {
    const jobs = Array.from({ length: 40 }, (_, i) => i);
    const results: Array<{ job: number; by: string }> = [];
    await shareJobs<{ tag: string }, number, { job: number; by: string }>({
      module: new URL('./worker-pool.test-worker.ts', import.meta.url),
      setup: { tag: 'worker' },
      jobs,
      groupSize: 2,
      workers: 1,
      // Slow here, so the worker takes part once it is up.
      here: async (group, emit) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        for (const job of group) emit({ job, by: 'here' });
      },
      onResult: (result) => results.push(result),
    });
    expect(results.map((r) => r.job).sort((a, b) => a - b)).toEqual(jobs);
    expect(new Set(results.map((r) => r.by))).toEqual(new Set(['here', 'worker']));
  });

  it('reports a failing worker', async () => {
    await expect(
      shareJobs<{ tag: string }, number, number>({
        module: new URL('./no-such-worker.ts', import.meta.url),
        setup: { tag: 'x' },
        jobs: [1, 2, 3],
        groupSize: 1,
        workers: 1,
        here: async () => new Promise((resolve) => setTimeout(resolve, 200)),
        onResult: () => undefined,
      }),
    ).rejects.toThrow();
  });
});
