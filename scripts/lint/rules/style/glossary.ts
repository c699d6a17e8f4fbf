import { defineRule } from '../../define-rule.ts';
import { blockSpan } from '../../prose.ts';

interface GlossaryEntry {
  preferred: string;
  avoid: string[];
  note?: string;
}

export default defineRule({
  id: 'style/glossary',
  severity: 'warning',
  description: '账号术语表：用推荐写法（account.yaml 的 glossary）。The account brand glossary.',
  examples: {
    valid: ['欢迎关注山野咖啡。'],
    invalid: [{ markdown: '欢迎关注山野咖啡馆的公号。', count: 2 }],
  },
  check(context) {
    const glossary = (Array.isArray(context.account.glossary) ? context.account.glossary : []) as GlossaryEntry[];
    for (const block of [...context.meta.filter((b) => b.kind === 'title' || b.kind === 'digest'), ...context.blocks]) {
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
