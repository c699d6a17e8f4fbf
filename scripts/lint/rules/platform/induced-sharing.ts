import { has } from './clauses.ts';
import { inducementIn } from './inducement.ts';
import { inducementFinding } from './inducement-finding.ts';
import { platformRule } from './platform-rule.ts';
import { voteIn } from './votes.ts';

export const sharingBasis = '《微信公众平台运营规范》3.3.1 诱导分享和《微信外部链接内容管理规范》2.1.2';

export default platformRule({
  id: 'platform/induced-sharing',
  basis: '《微信公众平台运营规范》3.3.1 诱导分享；《微信外部链接内容管理规范》2.1.2（利益诱惑诱导分享）。WeChat operating rules 3.3.1; external-link content rules 2.1.2.',
  severity: 'error',
  description: '诱导分享：分享、转发与奖励、解锁条件或胁迫话术在同一句（转发领红包、分享后查看答案、不转不是中国人、好友助力）。Induced sharing, against the WeChat operating rules.',
  scope: 'all',
  detect(sentence) {
    const found = inducementIn(sentence, 'share');
    if (!found) return undefined;
    // 邀请好友为你的作品点赞: the invitation is to vote, which vote-collecting reports.
    if (has(found.action, 'share-to') && !has(found.action, 'share') && voteIn(sentence)) return undefined;
    return inducementFinding(found, {
      act: '分享',
      basis: sharingBasis,
      advice: '分享只能是邀请（如“欢迎分享给需要的朋友”），不要和奖励、解锁内容或祝福诅咒挂钩。',
    });
  },
  examples: {
    valid: ['喜欢这篇文章的话，欢迎分享给同样爱茶的朋友。', '本次抽奖不需要转发，留言即可参加。', '他把那张老照片转发到了家族群里。', '测试写完后，你可以跳转到下一节，领取示例代码继续练习。', '创伤后的无助感可能迅速转化为抑郁，情绪也会在两极之间迅速转换。', '轮班时要避免单一成员长期顶在前面，大家互相分享预警信号。'],
    invalid: [
      { markdown: '把这篇茶单晒到朋友圈，到店出示就送一杯桂花乌龙。', findings: [{ line: 1, column: 6, message: '“晒到”与“就送”在同一句：以奖励诱导分享（利诱）' }] },
      { markdown: '测一测你是哪种茶。分享给三位好友后才能看到结果。', findings: [{ line: 1, column: 10, message: '“分享”与“才能”在同一句：把分享当作查看、领取或解锁的条件（强制分享）' }] },
      { markdown: '分享到朋友圈，本店全单免单一次。', findings: [{ line: 1, column: 1, message: '“分享”与“免单”在同一句：以奖励诱导分享（利诱）' }] },
      { markdown: '速转！下周起这些药店停业。', findings: [{ line: 1, column: 1, message: '“速转”' }] },
      { markdown: '这条消息不转发的人，今年都会倒霉。', findings: [{ line: 1, column: 5, message: '“不转”与“倒霉”在同一句：用胁迫、煽动或祝福诅咒的话术诱导分享' }] },
      { markdown: '喊上好友帮我砍一刀，茶礼盒 0 元带回家。', findings: [{ line: 1, column: 5, message: '“帮我砍”：助力、砍价、集卡这类任务本身就是以奖励换分享' }] },
    ],
  },
});
