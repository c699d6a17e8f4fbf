import { dictionaryRule, quoted } from '../dictionary-rule.ts';

export default dictionaryRule({
  id: 'sensitive/words',
  severity: 'error',
  description: '敏感词：内置、团队（content/words.yaml）和账号（content/<账号>/words.yaml）词表。Sensitive words from the layered lists.',
  basis: '《网络信息内容生态治理规定》第六、七条；团队与账号词表。Provisions on the Governance of the Online Information Content Ecosystem arts. 6–7; team and account lists.',
  dictionary: 'sensitive',
  message: (entry, text) =>
    `${quoted(entry, text)}是敏感词（${entry.category}${entry.tags?.length ? `：${entry.tags.join('、')}` : ''}，来自${entry.list}）。${entry.message ?? ''}`,
  examples: {
    valid: ['冬天的茶席，一壶一盏就够了。'],
    invalid: [{ markdown: '本店支持刷单返利。', findings: [{ line: 1, column: 5, message: '“刷单返利”是敏感词（诈骗：违法、诈骗，来自内置 sensitive-builtin.yaml）' }] }],
  },
});
