import { defineRule } from '../../define-rule.ts';
import { blockSpan } from '../../prose.ts';

export default defineRule({
  id: 'style/heading-levels',
  severity: 'warning',
  description: '标题层级：正文不用一级标题，层级不跳级。Heading levels: no H1 in the body, no skipped levels.',
  examples: {
    valid: ['## 一\n\n### 二\n\n## 三'],
    invalid: [{ markdown: '# 大标题\n\n正文。', findings: [{ line: 1, column: 3, message: '正文里不用一级标题' }] }, { markdown: '## 一\n\n#### 跳到四级', findings: [{ line: 3, column: 6, message: '标题从 2 级跳到了 4 级，应为 3 级', suggestions: ['###'] }] }],
  },
  check(context) {
    let previous = 1;
    for (const block of context.blocks) {
      if (block.kind !== 'heading' || !block.depth) continue;
      const span = blockSpan(block, 0, block.text.length);
      if (block.depth === 1) {
        context.report({ span, message: '正文里不用一级标题：文章标题在 frontmatter 的 title 里，正文从二级标题（##）开始。' });
      } else if (block.depth > previous + 1) {
        context.report({ span, message: `标题从 ${previous} 级跳到了 ${block.depth} 级，应为 ${previous + 1} 级。`, suggestions: ['#'.repeat(previous + 1)] });
      }
      previous = block.depth;
    }
  },
});
