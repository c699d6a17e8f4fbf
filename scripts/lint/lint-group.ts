import { parseMarkdown, type ContentSet } from '../content/index.ts';
import type { Finding } from '../shared/finding.ts';
import { validateContent } from '../validate/index.ts';
import type { Rule } from './define-rule.ts';
import { engineFinding, fileStart, internalError, internalErrorMessage } from './engine-findings.ts';
import { accountSettings, fileLinter } from './file-linter.ts';
import type { Lintable } from './lint-file.ts';
import { fileParagraphs, type FileParagraph } from './originality.ts';
import { proseBlocks } from './prose.ts';
import type { LintResources } from './resources.ts';
import { builtinRules } from './builtin-rules.ts';
import nearDuplicate from './rules/originality/near-duplicate.ts';
import type { Directives } from './suppress.ts';

/** A file to validate and lint, or an article that is only compared with (not linted, not cached). */
export interface LintJob {
  kind: 'lint' | 'fingerprint';
  file: string;
}

export type LintJobResult =
  | {
      kind: 'linted';
      file: string;
      validation: Finding[];
      /** The rules' findings before suppressions: those are applied once originality has been compared. */
      findings: Finding[];
      paragraphs: FileParagraph[];
      directives: Directives;
    }
  | { kind: 'fingerprinted'; file: string; paragraphs: FileParagraph[] };

/** Every rule but the one that compares files: that runs once all files are done (lint/originality.ts). */
const perFileRules = async () => (await builtinRules()).filter((rule) => rule !== nearDuplicate);

/**
 * Validation and every per-file rule for groups of jobs, in whichever thread runs it. The files' Markdown trees are
 * left for the caller to release (`releasing`), since a build renders the same files from them next.
 */
export function groupLinter(
  set: ContentSet,
  resources: LintResources,
  extraRules: readonly Rule[] = [],
): (group: readonly LintJob[], emit: (result: LintJobResult) => void) => Promise<void> {
  let rules: Promise<Rule[]> | undefined;
  const byFile = new Map<string, Lintable>([...set.articles, ...set.plans].map((f) => [f.source.file, f]));
  const accounts = accountSettings(set.accounts);
  return async (group, emit) => {
    const wanted = new Set(group.filter((job) => job.kind === 'lint').map((job) => job.file));
    const validation = wanted.size ? await validateContent(set, { only: (file) => wanted.has(file) }) : [];
    // Files in a group are linted together, so one waiting on the disk (covers, links) leaves the thread to the others.
    await Promise.all(
      group.map(async ({ kind, file }) => {
        const target = byFile.get(file)!;
        const { source } = target;
        if (kind === 'fingerprint') {
          // Only compared with, not reported on: a file that cannot be read here is reported when it is linted.
          let paragraphs: FileParagraph[] = [];
          try {
            paragraphs = fileParagraphs(source, proseBlocks(source, parseMarkdown(source)));
          } catch {}
          emit({ kind: 'fingerprinted', file, paragraphs });
        } else {
          const own = validation.filter((f) => f.file === file);
          try {
            rules ??= perFileRules().then((builtin) => [...builtin, ...extraRules]);
            const { lintFile } = await fileLinter();
            const result = await lintFile(target, await rules, resources, accounts, []);
            emit({ kind: 'linted', file, validation: own, findings: result.findings, paragraphs: fileParagraphs(source, result.blocks), directives: result.directives });
          } catch (error) {
            // One file the engine cannot lint is a finding on that file; the group and the run go on.
            const failed = engineFinding(internalError, file, fileStart, internalErrorMessage(file, error));
            emit({ kind: 'linted', file, validation: own, findings: [failed], paragraphs: [], directives: { suppressions: [], notices: [] } });
          }
        }
      }),
    );
  };
}
