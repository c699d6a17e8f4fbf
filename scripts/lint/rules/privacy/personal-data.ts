import { defineRule } from '../../define-rule.ts';
import { blockSpan } from '../../prose.ts';
import { luhn, validResidentId } from './checks.ts';

/** Digits with the spaces or dashes people put in them; lookarounds keep a match from starting mid-number. */
const patterns: Array<{ kind: string; pattern: RegExp; valid: (digits: string) => boolean }> = [
  { kind: '身份证号', pattern: /(?<![\dA-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![\dA-Za-z])/g, valid: validResidentId },
  { kind: '手机号', pattern: /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g, valid: (d) => /^(86)?1[3-9]\d{9}$/.test(d) },
  { kind: '银行卡号', pattern: /(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)/g, valid: (d) => d.length >= 16 && d.length <= 19 && luhn(d) },
  { kind: '电子邮箱', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, valid: () => true },
];

export default defineRule({
  id: 'privacy/personal-data',
  severity: 'error',
  description: '个人信息：手机号、身份证号（校验位）、银行卡号（Luhn）、电子邮箱。Personal data in the body.',
  basis: '《中华人民共和国个人信息保护法》第十三、二十五、二十八条。Personal Information Protection Law arts. 13, 25, 28.',
  examples: {
    valid: ['订单号 20261203123456 不是手机号。', '身份证号 110101199003071234 校验位不对，不报。', '价格 6222 元。'],
    invalid: [
      { markdown: '有问题请打 138 0013 8000。', findings: [{ line: 1, column: 7, message: '手机号“138 0013 8000”' }] },
      { markdown: '中奖者：张三，11010519491231002X。', findings: [{ line: 1, column: 8, message: '身份证号“11010519491231002X”' }] },
      { markdown: '请转账到 6222 0200 0000 0000 018。', findings: [{ line: 1, column: 6, message: '银行卡号“6222 0200 0000 0000 018”' }] },
      { markdown: '投稿请发 tea@example.com。', findings: [{ line: 1, column: 6, message: '电子邮箱“tea@example.com”' }] },
    ],
  },
  check(context) {
    for (const block of context.blocks) {
      const taken: Array<[number, number]> = [];
      for (const { kind, pattern, valid } of patterns) {
        for (const match of block.text.matchAll(pattern)) {
          const from = match.index;
          const to = from + match[0].length;
          if (taken.some(([a, b]) => from < b && to > a)) continue;
          if (!valid(match[0].replace(/[^\dXx@A-Za-z.]/g, '').replace(/^\+/, ''))) continue;
          taken.push([from, to]);
          context.report({
            span: blockSpan(block, from, to),
            message: `正文里出现了${kind}“${match[0]}”。发布他人个人信息需取得同意（《个人信息保护法》第十三条），请删除或打码。`,
          });
        }
      }
    }
  },
});
