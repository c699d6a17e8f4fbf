import { basis, dictionaryRule, quoted } from '../dictionary-rule.ts';

export default dictionaryRule({
  id: 'ad-law/absolute-terms',
  severity: 'error',
  description: '广告法绝对化用语（最佳、第一、国家级、100% 等）。Absolute terms banned by Advertising Law art. 9(3).',
  dictionary: 'absolute',
  message: (entry, text) => `${quoted(entry, text)}属于绝对化用语（${entry.category}），${basis(entry)}不得在广告中使用。${entry.message ?? ''}`,
  examples: {
    valid: [
      '最近天气转凉，第一次泡岩茶的朋友可以从第一步开始。',
      '水温最好不要超过 90 ℃，最后一泡可以闷久一点。',
      '```\n最佳 第一\n```\n\n代码里的字不算。',
    ],
    invalid: [
      { markdown: '这是市面上最佳的白茶。' },
      { markdown: '全网销量第一，国家级工艺。', count: 2 },
      { markdown: '最 佳 的口感，國家級品质，ＮＯ．１。', count: 3 },
      { markdown: '---\ntitle: 史上最好喝的红茶\nstatus: draft\n---\n\n正文。\n' },
    ],
  },
});
