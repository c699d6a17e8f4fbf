import { fromPortable } from '../content/index.ts';
import { serveJobs } from '../shared/worker-pool.ts';
import { groupLinter, type LintJob, type LintJobResult } from './lint-group.ts';
import type { LintSetup } from './parallel.ts';
import { LintResources } from './resources.ts';
import { loadRuleModules } from './rule-modules.ts';

serveJobs<LintSetup, LintJob, LintJobResult>(async ({ set, lists, ruleModules }) =>
  groupLinter(fromPortable(set), new LintResources(set.root, lists), await loadRuleModules(ruleModules)),
);
