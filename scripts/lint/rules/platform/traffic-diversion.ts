import { basis, dictionaryRule, quoted } from '../dictionary-rule.ts';

export default dictionaryRule({
  id: 'platform/traffic-diversion',
  severity: 'warning',
  description: '站外导流（加微信、VX、+V、扫码加群）。Diverting readers off the platform.',
  basis: '《微信公众平台运营规范》外链与导流条款。WeChat operating rules on diverting traffic off the platform.',
  dictionary: 'platform',
  categories: ['外链导流'],
  message: (entry, text) => `${quoted(entry, text)}可能被判定为导流（${entry.category}），${basis(entry)}。请改用公众号菜单、小程序或留言。${entry.message ?? ''}`,
  examples: {
    valid: ['在小程序「青禾茶事」里就能下单。'],
    invalid: [{ markdown: '想要样品的朋友加微信领取。', findings: [{ line: 1, column: 8, message: '“加微信”可能被判定为导流' }] }, { markdown: '详情 V X 私聊。', findings: [{ line: 1, column: 4, message: '“V X”（即“VX”）可能被判定为导流' }] }],
  },
});
