import { defineRule } from '../../define-rule.ts';
import { contiguousMatches } from '../block-matches.ts';

const fullwidth: Record<string, string> = { ',': '，', '!': '！', '?': '？', ';': '；', ':': '：', '.': '。' };

export default defineRule({
  id: 'style/fullwidth-punctuation',
  severity: 'warning',
  description: '中文句子用全角标点。Full-width punctuation in Chinese sentences.',
  examples: {
    valid: ['冬天喝什么茶？答案很简单。', 'Version 2.0 is out, try it.', '水温 85.5 ℃ 左右。'],
    invalid: [{ markdown: '冬天喝什么茶?答案很简单,就是红茶.', count: 3 }],
  },
  check(context) {
    for (const block of context.blocks) {
      // A half-width mark right after a Han character, and (for the full stop) not inside a number or a name.
      for (const { match, span } of contiguousMatches(block, /\p{Script=Han}[,!?;:]|\p{Script=Han}\.(?![0-9A-Za-z])/gu)) {
        const mark = match[0].at(-1)!;
        context.report({
          span: [span[1] - 1, span[1]],
          message: `中文句子里的半角“${mark}”应改为全角“${fullwidth[mark]}”。`,
          suggestions: [fullwidth[mark]!],
          fix: { span: [span[1] - 1, span[1]], text: fullwidth[mark]! },
        });
      }
    }
  },
});
