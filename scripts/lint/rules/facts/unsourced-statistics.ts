import { defineRule } from '../../define-rule.ts';
import { blockSpan } from '../../prose.ts';

const statistic = /\d+(?:\.\d+)?\s*[%％]|百分之[零一二三四五六七八九十百\d]+|(?:增长|下降|上涨|下跌|增加|减少|提升)了?\s*\d+(?:\.\d+)?\s*(?:倍|成)|排名第\s*[一二三四五六七八九十\d]+|(?:数据|调查|统计|研究|报告)(?:显示|表明|指出)|研究发现/gu;

export default defineRule({
  id: 'facts/unsourced-statistics',
  severity: 'warning',
  description: '统计数据与研究结论要在 frontmatter 的 sources 里列出至少两个独立来源。Statistics need two sources.',
  basis: '《广告法》第十一条第二款（引证内容应真实、准确并表明出处）；编辑部事实核查要求。Advertising Law art. 11(2) on cited data; the desk\'s fact-checking rule.',
  examples: {
    valid: [
      '冬天喝茶，暖和。',
      '---\ntitle: 存茶\nstatus: draft\nsources:\n  - {title: 国家标准, url: https://a.example}\n  - {title: 行业报告, url: https://b.example}\n---\n\n数据显示，湿度超过 60% 茶叶易受潮。\n',
    ],
    invalid: [{ markdown: '数据显示，湿度超过 60% 茶叶易受潮。', findings: [
          { line: 1, column: 1, message: '“数据显示”是统计数据或研究结论' },
          { line: 1, column: 11, message: '“60%”是统计数据' },
        ] }, { markdown: '---\ntitle: 存茶\nstatus: draft\nsources:\n  - {title: 一个来源}\n---\n\n销量增长 3 倍。\n', findings: [{ line: 8, column: 3, message: '“增长 3 倍”是统计数据或研究结论，frontmatter 的 sources 里需要至少两个独立来源（现有 1 个）' }] }],
  },
  check(context) {
    const sources = Array.isArray(context.doc.data.sources) ? context.doc.data.sources.length : 0;
    if (sources >= 2) return;
    for (const block of context.blocks) {
      for (const match of block.text.matchAll(statistic)) {
        context.report({
          span: blockSpan(block, match.index, match.index + match[0].length),
          message: `“${match[0]}”是统计数据或研究结论，frontmatter 的 sources 里需要至少两个独立来源（现有 ${sources} 个）。`,
        });
      }
    }
  },
});
