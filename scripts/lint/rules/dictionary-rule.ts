import type { DictionaryEntry } from '../dictionary.ts';
import { defineRule, findInBlock, type DictionaryName, type RuleDefinition } from '../define-rule.ts';
import type { TextBlock } from '../prose.ts';

interface DictionaryRuleOptions extends Omit<RuleDefinition, 'check'> {
  dictionary: DictionaryName;
  /** Only entries of these categories (default: all). */
  categories?: readonly string[];
  /** Which blocks to search (default: title, digest and the body). */
  blocks?: (kinds: { meta: readonly TextBlock[]; body: readonly TextBlock[] }) => readonly TextBlock[];
  message: (entry: DictionaryEntry, text: string) => string;
}

/** A rule that reports every match of a word list in the prose, with the entry's severity, basis and suggestions. */
export function dictionaryRule(options: DictionaryRuleOptions) {
  const { dictionary, categories, blocks, message, ...definition } = options;
  return defineRule({
    ...definition,
    check(context) {
      const searched = blocks ? blocks({ meta: context.meta, body: context.blocks }) : [...context.meta.filter((b) => b.kind !== 'author'), ...context.blocks];
      for (const block of searched) {
        for (const match of findInBlock(context.dictionary(dictionary), block)) {
          if (categories && !categories.includes(match.entry.category)) continue;
          context.report({
            span: match.span,
            message: message(match.entry, match.text),
            severity: match.entry.severity,
            ...(match.entry.suggestions ? { suggestions: match.entry.suggestions } : {}),
          });
        }
      }
    },
  });
}

/** “原文” and, when the text differs from the listed term (变体), which term it matched. */
export function quoted(entry: DictionaryEntry, text: string): string {
  return text === entry.term ? `“${text}”` : `“${text}”（即“${entry.term}”）`;
}

export function basis(entry: DictionaryEntry): string {
  return entry.basis ? `依据${entry.basis.startsWith('《') ? '' : '：'}${entry.basis}` : '';
}
