import { basis, dictionaryRule, quoted } from '../dictionary-rule.ts';

export default dictionaryRule({
  id: 'platform/induced-sharing',
  severity: 'error',
  description: '诱导分享、诱导关注（转发朋友圈领奖、集赞、关注领取）。Induced sharing or following, against the WeChat platform rules.',
  basis: '《微信公众平台运营规范》诱导分享条款；《微信外部链接内容管理规范》2.1.2（利益诱惑诱导分享）。WeChat Official Accounts operating rules on induced sharing; external-link content rules 2.1.2.',
  dictionary: 'platform',
  categories: ['诱导分享', '诱导关注'],
  message: (entry, text) => `${quoted(entry, text)}属于${entry.category}，${basis(entry)}，文章可能被删除或限制功能。${entry.message ?? ''}`,
  examples: {
    valid: ['喜欢这篇文章的话，欢迎分享给同样爱茶的朋友。'],
    invalid: [{ markdown: '转发朋友圈领奖，集赞 30 个送茶叶一罐。', findings: [
          { line: 1, column: 1, message: '“转发朋友圈领奖”属于诱导分享' },
          { line: 1, column: 9, message: '“集赞”属于诱导分享' },
        ] }],
  },
});
