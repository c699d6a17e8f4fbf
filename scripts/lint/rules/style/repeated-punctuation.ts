import { defineRule } from '../../define-rule.ts';
import { contiguousMatches } from '../block-matches.ts';

export default defineRule({
  id: 'style/repeated-punctuation',
  severity: 'warning',
  description: '不重复使用标点（！！！、？？）。No repeated punctuation.',
  examples: {
    valid: ['真好喝！', '省略号……和破折号——不算。'],
    invalid: [{ markdown: '真好喝！！！' }, { markdown: '为什么？？还有!!', count: 2 }],
  },
  check(context) {
    for (const block of context.blocks) {
      for (const { match, span } of contiguousMatches(block, /([！？。，、；：!?,;])\1+/gu)) {
        const mark = match[1]!;
        context.report({
          span,
          message: `标点“${match[0]}”重复，用一个“${mark}”即可。`,
          suggestions: [mark],
          fix: { span, text: mark },
        });
      }
    }
  },
});
