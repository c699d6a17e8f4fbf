import type { GroupHandler } from './worker-serve.ts';

/**
 * One stage's per-file work over a content set, done in whichever thread takes the file and finished in this
 * thread: so another stage can do it beside its own work on the same files (a build lints each article in the
 * thread that renders it, on the one parsed tree). Jobs and results name their file.
 */
export interface FilePass<Job extends { file: string }, Result extends { file: string }, Outcome, Setup = unknown> {
  jobs: readonly Job[];
  /** Does a group in this thread; it leaves the files' trees for the caller to release. */
  here(group: Job[], emit: (result: Result) => void): Promise<void>;
  /** A module whose export `part(set, setup)` makes the same handler in a worker thread, from `setup` (cloneable). */
  part: { module: URL; setup: Setup };
  /** Everything that needs all files' results, once every job is done; the stage's outcome. */
  finish(results: ReadonlyMap<string, Result>): Promise<Outcome>;
}

/** A worker-side `part` export: the handler for a set the caller already restored in that thread. */
export type PassPart<Set, Setup, Job, Result> = (set: Set, setup: Setup) => Promise<GroupHandler<Job, Result>>;
