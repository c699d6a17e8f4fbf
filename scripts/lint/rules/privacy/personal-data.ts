import { defineRule } from '../../define-rule.ts';
import { blockSpan, type TextBlock } from '../../prose.ts';
import { altBlocks, oncePerSpan, sentencesOf } from '../plain-text.ts';
import { identifiable } from './identifiable.ts';
import { personalNumbers } from './numbers.ts';

const consent = '发布他人个人信息需取得本人同意（《个人信息保护法》第十三条、第二十五条）';
const sensitiveConsent = '身份证号、金融账户、医疗健康和行踪轨迹属于敏感个人信息，处理需取得单独同意（《个人信息保护法》第二十八条、第二十九条）';

export default defineRule({
  id: 'privacy/personal-data',
  basis: '《中华人民共和国个人信息保护法》第十三、二十五、二十八条。Personal Information Protection Law arts. 13, 25, 28.',
  severity: 'error',
  description:
    '个人信息：手机号（含空格、横线、+86、全角写法）、身份证号（校验位）、银行卡号（Luhn）、个人邮箱，以及不含号码也能认出人的信息（姓名加住址、学校、行踪、病情，证件照、病历、聊天记录）。Personal data.',
  examples: {
    valid: [
      '订单号 20261203123456 不是手机号。',
      '身份证号 110101199003071234 校验位不对，不报。',
      '价格 6222 元。',
      '这是部长今年以来的第三次行程。',
      '客服热线 400-820-8820，投稿邮箱 tougao@example.com。',
      '如需报告安全漏洞，请发送电子邮件至 security@vuejs.org。',
      '配置 Git 时先运行 git config user.email "you@example.com"，把示例地址换成你自己的邮箱。',
      '赞助事宜请写信给 sponsors@example.org，维护者的邮件列表是 maintainers@lists.example.org。',
      '违反行为守则的行为可以发邮件到 khmer-project@idyll.org 报告。',
      '如果你觉得撑不下去了，可以拨打免费电话 116 123，发邮件给 jo@samaritans.org，或者访问撒玛利亚会官方网站获得帮助。',
      '中奖读者：张**，手机尾号 8000。',
      '平台提醒：不要在群里发身份证照片。',
      '采访对象要求匿名，文中称她为小林。',
    ],
    invalid: [
      { markdown: '有问题请打 138 0013 8000。', findings: [{ line: 1, column: 7, message: '手机号“138 0013 8000”' }] },
      { markdown: '中奖者：张三，11010519491231002X。', findings: [{ line: 1, column: 8, message: '身份证号“11010519491231002X”' }] },
      { markdown: '请转账到 6222 0200 0000 0000 018。', findings: [{ line: 1, column: 6, message: '银行卡号“6222 0200 0000 0000 018”' }] },
      { markdown: '投稿作者的邮箱是 chenmo_1992@163.com。', findings: [{ line: 1, column: 10, message: '个人电子邮箱“chenmo_1992@163.com”' }] },
      { markdown: '联系人邮箱：li.hua@example.com。', findings: [{ line: 1, column: 7, message: '个人电子邮箱“li.hua@example.com”' }] },
      { markdown: '想获得帮助，就发邮件给 jo.li@163.com。', findings: [{ line: 1, column: 13, message: '个人电子邮箱“jo.li@163.com”' }] },
      { markdown: '联系店长：１５８　０００１　２２３３。', findings: [{ line: 1, column: 6, message: '手机号“１５８　０００１　２２３３”' }] },
      { markdown: '老主顾周某，住在青石巷 7 号，每天傍晚一个人在家。', findings: [{ line: 1, column: 4, message: '“周某”（姓名和住址）' }] },
      { markdown: '![店员身份证正反面照片](cup.jpg)', findings: [{ line: 1, column: 5, message: '公开他人的证件、记录或住址' }] },
    ],
  },
  check(context) {
    const report = oncePerSpan(context.report);
    const blocks: TextBlock[] = [...context.blocks, ...altBlocks(context.source, context.tree)];
    for (const block of blocks) {
      for (const sentence of sentencesOf(block)) {
        const at = (i: number) => sentence.start + i;
        for (const n of personalNumbers(sentence.text)) {
          const text = block.text.slice(at(n.start), at(n.end));
          report({
            span: blockSpan(block, at(n.start), at(n.end)),
            message: `正文里出现了${n.kind}“${text}”。${n.sensitive ? sensitiveConsent : consent}，请删除或打码。`,
          });
        }
        for (const hit of identifiable(sentence.text)) {
          const text = block.text.slice(at(hit.start), at(hit.end));
          report({
            span: blockSpan(block, at(hit.start), at(hit.end)),
            message: `“${text}”（${hit.kind}）能认出具体的人，属于个人信息。${sensitiveConsent}；${consent}，请删除、化名或打码。`,
          });
        }
      }
    }
  },
});
