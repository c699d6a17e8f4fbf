import { fromPortable, type PortableContentSet } from '../content/index.ts';
import { defineTask } from '../shared/worker-pool.ts';
import { buildGroup, lintPart, type BuildJob, type BuildResult } from './build-pass.ts';
import type { BatchPaths } from './render-batch.ts';

export interface BuildSetup {
  /** The whole repository as the main thread read it: cross-file checks (plans, slugs) need all of it. */
  set: PortableContentSet;
  paths: BatchPaths;
  /** The lint's part of the build, when it lints: its worker module's URL and its setup. */
  lint?: { module: string; setup: unknown };
}

export const task = defineTask<BuildSetup, BuildJob<unknown>, BuildResult<{ file: string }>>(async (setup) => {
  const set = fromPortable(setup.set);
  return buildGroup(set, setup.paths, setup.lint ? await lintPart(set, setup.lint) : undefined);
});
