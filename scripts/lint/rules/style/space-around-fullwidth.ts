import { defineRule } from '../../define-rule.ts';
import { blockSpan } from '../../prose.ts';
import { contiguousMatches } from '../block-matches.ts';
import { at, before } from './cjk.ts';

export default defineRule({
  id: 'style/space-around-fullwidth',
  severity: 'warning',
  description: '全角标点两侧不加空格。No spaces next to full-width punctuation.',
  examples: {
    valid: ['先温杯，再投茶。', '用 Python，很方便。'],
    invalid: [
      {
        markdown: '先温杯 ，再投茶 。',
        findings: [
          { line: 1, column: 3, message: '“杯 ，”应写作“杯，”', suggestions: ['杯，'] },
          { line: 1, column: 8, message: '“茶 。”应写作“茶。”', suggestions: ['茶。'] },
        ],
      },
      {
        markdown: '「 好茶 」',
        findings: [
          { line: 1, column: 1, message: '“「 好”应写作“「好”', suggestions: ['「好'] },
          { line: 1, column: 4, message: '“茶 」”应写作“茶」”', suggestions: ['茶」'] },
        ],
      },
    ],
  },
  check(context) {
    for (const block of context.prose) {
      for (const { match, span } of contiguousMatches(block, /[ \t\u3000]+(?=[，。！？；：、」』）》】”’])|(?<=[，。！？；：、「『（《【“‘])[ \t\u3000]+/gu)) {
        // The characters either side, so the suggestion shows what to write (never an empty one).
        const from = before(block.text, match.index);
        const to = match.index + match[0].length;
        const next = at(block.text, to);
        const start = from && from.char !== '\uFFFC' && from.char !== '\n' ? from.at : match.index;
        const end = next && next !== '\uFFFC' && next !== '\n' ? to + next.length : to;
        const written = block.text.slice(start, end);
        const joined = block.text.slice(start, match.index) + block.text.slice(to, end);
        context.report({
          span: blockSpan(block, start, end),
          message: `全角标点两侧不应有空格：“${written}”应写作“${joined}”。`,
          suggestions: [joined],
          fix: { span, text: '' },
        });
      }
    }
  },
});
