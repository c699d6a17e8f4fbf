import { defineRule } from '../../define-rule.ts';

export default defineRule({
  id: 'style/cjk-latin-spacing',
  severity: 'warning',
  description: '中文与英文、数字之间加空格。A space between Chinese and Latin letters or digits.',
  examples: {
    valid: ['用 Python 统计 3 款茶的销量。', '`code`和[链接](https://a.com)旁边不管。', '**WeChat**公众号里的加粗不跨过去。'],
    invalid: [{ markdown: '用Python统计3款茶。', count: 4 }],
  },
  check(context) {
    for (const block of context.blocks) {
      // The lookahead leaves the second character for the next gap: 3 in 统计3款 borders two gaps.
      for (const match of block.text.matchAll(/\p{Script=Han}(?=[A-Za-z0-9])|[A-Za-z0-9](?=\p{Script=Han})/gu)) {
        const from = match.index;
        const to = from + match[0].length;
        const left = block.offsets[from]!;
        // Only where both characters touch in the source: not across **, links or code.
        if (left < 0 || block.offsets[to] !== left + match[0].length) continue;
        const pair = block.text.slice(from, to + (block.text.codePointAt(to)! > 0xffff ? 2 : 1));
        const gap = left + match[0].length;
        context.report({
          span: [left, gap + pair.length - match[0].length],
          message: `“${pair}”之间缺少空格：中文与英文、数字之间应加一个空格。`,
          suggestions: [[...pair].join(' ')],
          fix: { span: [gap, gap], text: ' ' },
        });
      }
    }
  },
});
