import { fromPortable, releasing, type ContentSet, type PortableContentSet } from '../content/index.ts';
import type { PassPart } from '../shared/file-pass.ts';
import { defineTask } from '../shared/worker-pool.ts';
import type { WordList } from './dictionary.ts';
import { groupLinter, type LintJob, type LintJobResult } from './lint-group.ts';
import { LintResources } from './resources.ts';
import { loadRuleModules } from './rule-modules.ts';

/** What a worker thread needs to lint, besides the content. */
export interface LintPartSetup {
  /** The word lists, parsed once in the thread that hands out the jobs, by path. */
  lists: Map<string, WordList>;
  /** URLs of custom rule modules, which each worker imports itself (rule objects cannot be sent). */
  ruleModules: string[];
}

export interface LintTaskSetup {
  set: PortableContentSet;
  part: LintPartSetup;
}

/** The lint's share of a group in a thread whose content set another stage restored (a build). */
export const part: PassPart<ContentSet, LintPartSetup, LintJob, LintJobResult> = async (set, { lists, ruleModules }) =>
  groupLinter(set, new LintResources(set.root, lists), await loadRuleModules(ruleModules));

/** A lint on its own: each group's trees are released when it is done. */
export const task = defineTask<LintTaskSetup, LintJob, LintJobResult>(async (setup) => {
  const set = fromPortable(setup.set);
  return releasing(set, await part(set, setup.part));
});
