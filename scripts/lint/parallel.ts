import { toPortable, type ContentSet, type PortableContentSet } from '../content/index.ts';
import { shareJobs } from '../shared/worker-pool.ts';
import type { Rule } from './define-rule.ts';
import type { WordList } from './dictionary.ts';
import { groupLinter, type LintJob, type LintJobResult } from './lint-group.ts';
import type { LintResources } from './resources.ts';

export interface LintSetup {
  set: PortableContentSet;
  /** The word lists, parsed once here (a 20,000-entry list takes half a second). */
  lists: Map<string, WordList>;
  /** URLs of custom rule modules, which each worker imports itself (rule objects cannot be sent). */
  ruleModules: string[];
}

export interface SharedLint {
  set: ContentSet;
  lint: readonly string[];
  fingerprint: readonly string[];
  threads: number;
  resources: LintResources;
  /** Custom rules, loaded here from `ruleModules`. */
  extraRules: readonly Rule[];
  ruleModules: readonly string[];
}

/**
 * Lints `lint` and fingerprints `fingerprint` in this thread and `threads - 1` worker threads, a few files at a
 * time to whoever is free. Results are keyed by file, so they do not depend on which thread did what.
 */
export async function lintShared({ set, lint, fingerprint, threads, resources, extraRules, ruleModules }: SharedLint): Promise<Map<string, LintJobResult>> {
  const jobs: LintJob[] = [...lint.map((file) => ({ kind: 'lint' as const, file })), ...fingerprint.map((file) => ({ kind: 'fingerprint' as const, file }))];
  const results = new Map<string, LintJobResult>();
  // The word lists of the linted files' accounts are parsed before the workers start: parsing them here while the
  // workers load would slow both.
  const linted = new Set(lint);
  const lists = await resources.wordLists(new Set([...set.articles, ...set.plans].filter((f) => linted.has(f.source.file)).map((f) => f.place.account)));
  await shareJobs<LintSetup, LintJob, LintJobResult>({
    module: new URL('./worker.ts', import.meta.url),
    setup: { set: toPortable(set), lists, ruleModules: [...ruleModules] },
    jobs,
    groupSize: 8,
    workers: threads - 1,
    here: groupLinter(set, resources, extraRules),
    onResult: (result) => results.set(result.file, result),
  });
  return results;
}
