import { defineRule } from '../../define-rule.ts';
import { blockSpan } from '../../prose.ts';

interface GlossaryEntry {
  preferred: string;
  avoid: string[];
  note?: string;
}

/** The well-formed entries of account.yaml's glossary; a malformed one is the account schema's finding. */
function glossaryOf(value: unknown): GlossaryEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: GlossaryEntry[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object') continue;
    const preferred: unknown = Reflect.get(item, 'preferred');
    const avoid: unknown = Reflect.get(item, 'avoid');
    const note: unknown = Reflect.get(item, 'note');
    if (typeof preferred !== 'string' || !preferred || !Array.isArray(avoid)) continue;
    // An empty spelling would be found everywhere, and never advance the search.
    const terms = avoid.filter((t): t is string => typeof t === 'string' && t !== '');
    entries.push({ preferred, avoid: terms, ...(typeof note === 'string' ? { note } : {}) });
  }
  return entries;
}

export default defineRule({
  id: 'style/glossary',
  severity: 'warning',
  description: '账号术语表：用推荐写法（account.yaml 的 glossary）。The account brand glossary.',
  examples: {
    valid: ['欢迎关注山野咖啡。'],
    invalid: [{ markdown: '欢迎关注山野咖啡馆的公号。', findings: [
          { line: 1, column: 5, message: '术语表：请写“山野咖啡”，不写“山野咖啡馆”', suggestions: ['山野咖啡'] },
          { line: 1, column: 11, message: '术语表：请写“公众号”，不写“公号”', suggestions: ['公众号'] },
        ] }],
  },
  check(context) {
    const glossary = glossaryOf(context.account.glossary);
    for (const block of [...context.meta.filter((b) => b.kind === 'title' || b.kind === 'digest'), ...context.prose]) {
      for (const { preferred, avoid, note } of glossary) {
        for (const term of avoid) {
          for (let at = block.text.indexOf(term); at >= 0; at = block.text.indexOf(term, at + term.length)) {
            // "青禾茶事" avoided as "青禾茶室": never flag an avoided spelling inside the preferred one.
            const around = block.text.slice(Math.max(0, at - preferred.length), at + term.length + preferred.length);
            if (around.includes(preferred) && preferred.includes(term)) continue;
            context.report({
              span: blockSpan(block, at, at + term.length),
              message: `术语表：请写“${preferred}”，不写“${term}”。${note ?? ''}`,
              suggestions: [preferred],
            });
          }
        }
      }
    }
  },
});
