import { forgetMarkdown, parseMarkdown } from '../content/markdown.ts';
import { fromPortable, type PortableContentSet } from '../content/portable.ts';
import type { Finding } from '../shared/finding.ts';
import { serveWorker } from '../shared/worker-pool.ts';
import { validateContent } from '../validate/index.ts';
import { accountSettings, lintFile, type Lintable } from './lint-file.ts';
import { fileParagraphs, type FileParagraph } from './originality.ts';
import { proseBlocks } from './prose.ts';
import { LintResources } from './resources.ts';
import { allRules } from './rules/index.ts';
import nearDuplicate from './rules/originality/near-duplicate.ts';
import type { Suppression } from './suppress.ts';

export interface LintRequest {
  set: PortableContentSet;
  /** Files to validate and lint. */
  lint: string[];
  /** Articles that are only compared with (not linted, not cached): their fingerprints. */
  fingerprint: string[];
}

export type LintWorkerResult =
  | { kind: 'linted'; file: string; findings: Finding[]; paragraphs: FileParagraph[]; silenced: Suppression[] }
  | { kind: 'fingerprinted'; file: string; paragraphs: FileParagraph[] };

/** Every rule but the one that compares files: that runs after all workers are done (lint/originality.ts). */
const rules = allRules.filter((rule) => rule !== nearDuplicate);

/** Files validated and linted together; their trees are dropped before the next group is parsed. */
const groupSize = 8;

await serveWorker<LintRequest, LintWorkerResult>(async (request, emit) => {
  const set = fromPortable(request.set);
  const byFile = new Map<string, Lintable>([...set.articles, ...set.plans].map((f) => [f.source.file, f]));
  const resources = new LintResources(set.root);
  const accounts = accountSettings(set.accounts);

  for (let start = 0; start < request.lint.length; start += groupSize) {
    const group = request.lint.slice(start, start + groupSize);
    const wanted = new Set(group);
    const validation = await validateContent(set, { only: (file) => wanted.has(file) });
    // Files in a group are linted together, so one waiting on the disk (covers, links) leaves the thread to the others.
    await Promise.all(
      group.map(async (file) => {
        const target = byFile.get(file)!;
        const result = await lintFile(target, rules, resources, accounts, []);
        const findings = [...validation.filter((f) => f.file === file), ...result.findings];
        emit({ kind: 'linted', file, findings, paragraphs: fileParagraphs(target.source, result.blocks), silenced: result.silenced });
        forgetMarkdown(target.source);
      }),
    );
  }
  for (const file of request.fingerprint) {
    const { source } = byFile.get(file)!;
    emit({ kind: 'fingerprinted', file, paragraphs: fileParagraphs(source, proseBlocks(source, parseMarkdown(source))) });
    forgetMarkdown(source);
  }
});
