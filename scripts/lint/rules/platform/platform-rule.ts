import type { Severity } from '../../../shared/finding.ts';
import { defineRule, type RuleDefinition } from '../../define-rule.ts';
import type { TextBlock } from '../../prose.ts';
import { original, sentencesOf, spanOf, wholeBlock, type Sentence } from './clauses.ts';

/** What a platform rule found in a sentence: a normalised range and the message. */
export interface PlatformFinding {
  from: number;
  to: number;
  message: string;
  severity?: Severity;
}

export type BlockScope = 'all' | 'headlines';

interface PlatformRuleOptions extends Omit<RuleDefinition, 'check'> {
  /** `all`: title, digest and every body block (headings, cells, and alt or link text where the engine gives them);
   * `headlines`: the title, digest and headings only. */
  scope: BlockScope;
  /** Checked per sentence, or (`block`) per block as one sentence: a headline is judged whole. A sentence with
   * none of the lexicon's words is skipped, except per block (a headline can be bait by its pattern alone). */
  unit?: 'sentence' | 'block';
  detect: (sentence: Sentence) => PlatformFinding | undefined;
}

/** Title-like blocks: a title, digest, heading, or a block the engine made of alt or link text. */
export function isHeadline(block: TextBlock): boolean {
  return block.kind !== 'paragraph' && block.kind !== 'cell';
}

/** A rule over the platform lexicon's sentences, reporting at most one finding per sentence. */
export function platformRule(options: PlatformRuleOptions) {
  const { scope, unit, detect, ...definition } = options;
  return defineRule({
    ...definition,
    check(context) {
      const meta = context.meta.filter((b) => b.kind !== 'author');
      const blocks = scope === 'headlines' ? [...meta, ...context.blocks.filter((b) => b.kind === 'heading')] : [...meta, ...context.blocks];
      const dictionary = context.dictionary('platform');
      for (const block of blocks) {
        const sentences = sentencesOf(block, dictionary);
        const whole = unit === 'block' ? wholeBlock(sentences) : undefined;
        for (const sentence of whole ? [whole] : sentences) {
          if (!whole && !sentence.tokens.length) continue;
          const found = detect(sentence);
          if (!found) continue;
          context.report({ span: spanOf(sentence, found.from, found.to), message: found.message, ...(found.severity ? { severity: found.severity } : {}) });
        }
      }
    },
  });
}

/** “原文” of a normalised range. */
export const quote = (sentence: Sentence, from: number, to: number): string => `“${original(sentence, from, to)}”`;
