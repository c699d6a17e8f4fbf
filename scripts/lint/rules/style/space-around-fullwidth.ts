import { defineRule } from '../../define-rule.ts';
import { contiguousMatches } from '../block-matches.ts';

export default defineRule({
  id: 'style/space-around-fullwidth',
  severity: 'warning',
  description: '全角标点两侧不加空格。No spaces next to full-width punctuation.',
  examples: {
    valid: ['先温杯，再投茶。', '用 Python，很方便。'],
    invalid: [{ markdown: '先温杯 ，再投茶 。', count: 2 }, { markdown: '「 好茶 」', count: 2 }],
  },
  check(context) {
    for (const block of context.blocks) {
      for (const { span } of contiguousMatches(block, /[ \t\u3000]+(?=[，。！？；：、」』）》】”’])|(?<=[，。！？；：、「『（《【“‘])[ \t\u3000]+/gu)) {
        context.report({ span, message: '全角标点两侧不应有空格。', suggestions: [''], fix: { span, text: '' } });
      }
    }
  },
});
