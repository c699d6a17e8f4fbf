import { fromPortable } from '../content/portable.ts';
import { serveJobs } from '../shared/worker-pool.ts';
import { groupLinter, type LintJob, type LintJobResult } from './lint-group.ts';
import type { LintSetup } from './parallel.ts';

serveJobs<LintSetup, LintJob, LintJobResult>(async (setup) => groupLinter(fromPortable(setup.set)));
