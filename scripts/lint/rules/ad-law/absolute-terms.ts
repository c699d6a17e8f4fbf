import { basis, dictionaryRule, quoted } from '../dictionary-rule.ts';

export default dictionaryRule({
  id: 'ad-law/absolute-terms',
  severity: 'error',
  description: '广告法绝对化用语（最佳、第一、国家级、100% 等）。Absolute terms banned by Advertising Law art. 9(3).',
  basis: '《中华人民共和国广告法》第九条第（三）项；市场监管总局《广告绝对化用语执法指南》（2023）。Advertising Law art. 9(3); SAMR guideline on absolute terms (2023).',
  dictionary: 'absolute',
  message: (entry, text) => `${quoted(entry, text)}属于绝对化用语（${entry.category}），${basis(entry)}不得在广告中使用。${entry.message ?? ''}`,
  examples: {
    valid: [
      '最近天气转凉，第一次泡岩茶的朋友可以从第一步开始。',
      '水温最好不要超过 90 ℃，最后一泡可以闷久一点。',
      '```\n最佳 第一\n```\n\n代码里的字不算。',
    ],
    invalid: [
      { markdown: '这是市面上最佳的白茶。', findings: [{ line: 1, column: 6, message: '“最佳”属于绝对化用语（最高级）', suggestions: ['很好', '出色'] }] },
      { markdown: '全网销量第一，国家级工艺。', findings: [
          { line: 1, column: 3, message: '“销量第一”属于绝对化用语' },
          { line: 1, column: 8, message: '“国家级”属于绝对化用语' },
        ] },
      { markdown: '最 佳 的口感，國家級品质，ＮＯ．１。', findings: [
          { line: 1, column: 1, message: '“最 佳”（即“最佳”）' },
          { line: 1, column: 9, message: '“國家級”（即“国家级”）' },
          { line: 1, column: 15, message: '“ＮＯ．１”（即“NO.1”）' },
        ] },
      { markdown: '---\ntitle: 史上最好喝的红茶\nstatus: draft\n---\n\n正文。\n', findings: [{ line: 2, column: 8, message: '“史上最”属于绝对化用语' }] },
    ],
  },
});
