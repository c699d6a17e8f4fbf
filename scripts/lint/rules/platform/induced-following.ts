import { inducementIn } from './inducement.ts';
import { inducementFinding } from './inducement-finding.ts';
import { platformRule } from './platform-rule.ts';

export default platformRule({
  id: 'platform/induced-following',
  basis: '《微信公众平台运营规范》诱导关注条款；2014 年 12 月 30 日《关于整顿诱导分享及诱导关注行为的公告》。WeChat operating rules on induced following.',
  severity: 'error',
  description: '诱导关注：关注公众号与奖励、解锁条件或胁迫话术在同一句（关注领红包、关注后回复领取资料、关注后才能查看）。Induced following, against the WeChat operating rules.',
  scope: 'all',
  detect(sentence) {
    const found = inducementIn(sentence, 'follow');
    return found
      ? inducementFinding(found, {
          act: '关注',
          basis: '《微信公众平台运营规范》诱导关注条款（以奖励或其他方式强制、诱导关注）和 2014 年 12 月 30 日《关于整顿诱导分享及诱导关注行为的公告》',
          advice: '可以写“欢迎关注”，或说明后台回复能查到什么；不要把关注和奖品、资料、答案挂钩。',
        })
      : undefined;
  },
  examples: {
    valid: ['长按二维码可以关注我们，每周三更新一篇茶知识。', '关注公众号不是参加品鉴会的条件。', '后台回复“门店”可以查看各门店地址。', '推文可能需要一些时间才能推送到你的所有关注者那里。', '如果你继续关注这些奇装异服，你定会交好运。', '各位的心意我心领了，这不代表我们不关注大家。'],
    invalid: [
      { markdown: '关注青禾茶事，后台回复“冬茶”即可领取冲泡手册。', findings: [{ line: 1, column: 1, message: '“关注”与“领取”在同一句：以奖励诱导关注（利诱）' }] },
      { markdown: '想知道你适合哪款茶？关注后回复“测试”。', findings: [{ line: 1, column: 11, message: '“关注”，前一句“想知道你适合哪款茶？”是它的条件：把关注当作查看、领取或解锁的条件（强制关注）' }] },
      // 汪 and 洼 are built like 注 (Unihan four-corner and Cangjie codes), a character apart.
      { markdown: '关汪青禾茶事，后台回复“冬茶”即可领取冲泡手册。', findings: [{ line: 1, column: 1, message: '可以写“欢迎关注”，或说明后台回复能查到什么；不要把关注和奖品、资料、答案挂钩。（“关注”的变体写法：“汪”形近“注”）' }] },
      { markdown: '取消关注的读者将无法领取积分。', findings: [{ line: 1, column: 3, message: '“关注”与“无法领取”在同一句：把关注当作查看、领取或解锁的条件' }] },
    ],
  },
});
