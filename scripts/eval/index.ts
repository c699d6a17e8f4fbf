import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../content/index.ts';
import { lintContent } from '../lint/index.ts';
import type { Finding } from '../shared/finding.ts';
import { readCorpus, type Corpus } from './corpus.ts';
import { writeSandbox } from './sandbox.ts';
import { score, type Score } from './score.ts';

export { compareBaseline, readBaseline, toBaseline, type Baseline } from './baseline.ts';
export { formatReport } from './report.ts';
export type { Score } from './score.ts';

export interface EvalOptions {
  corpus?: Corpus;
  progress?: (text: string) => void;
}

/** The corpus's score, and the held-out lines' own (undefined when the corpus has none). */
export type EvalResult = Score & { seconds: number; heldOut?: Score };

/** Lints every labelled line and the prose in a sandbox repository, as `mpdesk lint` does, and scores the findings. */
export async function runEval(options: EvalOptions = {}): Promise<EvalResult> {
  const progress = options.progress ?? (() => undefined);
  const corpus = options.corpus ?? (await readCorpus());
  const sandbox = await writeSandbox(corpus);
  try {
    progress(`已写入 ${sandbox.placed.size} 篇评测文章，开始检查 …`);
    const started = performance.now();
    const { findings, failed } = await lintContent(await loadContent(sandbox.root), { cache: false });
    const seconds = (performance.now() - started) / 1000;
    if (failed) {
      const crash = findings.find((f) => f.ruleId === 'lint/rule-crashed' || f.ruleId === 'lint/internal-error');
      throw new Error(`检查本身出错：${crash ? `${crash.file}：${crash.message}` : '原因不明'}`);
    }
    const sources = new Map<string, string[]>();
    for (const file of new Set(findings.map((f) => f.file))) sources.set(file, (await readFile(join(sandbox.root, file), 'utf8')).split('\n'));
    const excerpt = (f: Finding) => sources.get(f.file)?.[f.line - 1]?.slice(Math.max(0, f.column - 16), f.column + 24) ?? '';
    const tuned = new Map([...sandbox.placed].filter(([, p]) => !(p.kind === 'line' && p.heldOut)));
    const heldOut = new Map([...sandbox.placed].filter(([, p]) => p.kind === 'line' && p.heldOut));
    return { ...score(tuned, findings, excerpt), seconds, ...(heldOut.size ? { heldOut: score(heldOut, findings, excerpt) } : {}) };
  } finally {
    await rm(sandbox.root, { recursive: true, force: true });
  }
}
