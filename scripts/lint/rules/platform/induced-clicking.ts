import { inducementIn } from './inducement.ts';
import { inducementFinding } from './inducement-finding.ts';
import { platformRule } from './platform-rule.ts';
import { voteIn } from './votes.ts';

export default platformRule({
  id: 'platform/induced-clicking',
  basis: '《微信公众平台运营规范》（诱导点赞、点击）；《微信外部链接内容管理规范》2.1.2。WeChat operating rules on induced likes and clicks.',
  severity: 'error',
  description: '诱导点击：点赞、点“在看”、点击广告与奖励、门槛或祝福诅咒在同一句（点在看抽奖、点赞过 500 发福利、点广告送会员）。Induced likes, 在看 and ad clicks.',
  scope: 'all',
  detect(sentence) {
    const found = inducementIn(sentence, 'click');
    if (!found) return undefined;
    // 点赞最多者赢大奖: likes counted as votes are a vote campaign, which vote-collecting reports.
    if (found.action.term !== '在看' && voteIn(sentence)) return undefined;
    return inducementFinding(found, {
      act: '点赞、在看或点广告',
      basis: '《微信公众平台运营规范》（图文内诱导用户点赞）和《微信外部链接内容管理规范》2.1.2（以积分或金钱利益诱导用户分享、点击、点赞）',
      advice: '“喜欢就点个在看”可以保留；抽奖和福利不要以点赞、在看或点广告为条件。',
    });
  },
  examples: {
    valid: ['喜欢就点个在看吧。', '在看和点赞是对我们最大的鼓励。', '文中的广告由平台自动投放，与本号观点无关。', '主队赢下这场，结束了三连败，球员每人得一块纪念章。'],
    invalid: [
      { markdown: '看完记得点个在看，周五从点在看的读者里抽三位送新茶。', findings: [{ line: 1, column: 7, message: '“在看”与“抽三位”在同一句：以奖励诱导点赞、在看或点广告（利诱）' }] },
      { markdown: '点赞过 300，下周就发冬茶试饮券。', findings: [{ line: 1, column: 1, message: '“点赞”与' }] },
      { markdown: '帮忙点一下文末的广告，点满一千次我们就送书。', findings: [{ line: 1, column: 3, message: '“点一下”与' }] },
    ],
  },
});
