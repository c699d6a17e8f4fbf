import { loadMarkdownParser } from '../content/index.ts';
import { builtinRules } from './builtin-rules.ts';
import { compiledTargets } from './evasion/index.ts';
import { normalize } from './normalize.ts';
import { buildClaimIndex } from './rules/ad-law/claims/find.ts';

/**
 * Loads the rules and builds what they build on first use (the claim index, the evasion targets, the folding
 * table, the Markdown parser), about half a second: a lint thread started ahead of a small run does it while the
 * main thread reads the content, so the first file it is sent is linted at once.
 */
export async function warmLint(): Promise<void> {
  await builtinRules();
  normalize('預熱');
  compiledTargets();
  buildClaimIndex();
  loadMarkdownParser();
}
