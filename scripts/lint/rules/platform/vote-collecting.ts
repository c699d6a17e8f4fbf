import { sharingBasis } from './induced-sharing.ts';
import { platformRule, quote } from './platform-rule.ts';
import { voteIn } from './votes.ts';

export default platformRule({
  id: 'platform/vote-collecting',
  basis: '《微信外部链接内容管理规范》2.1.2（集赞、助力、投票、砍价）；《微信公众平台运营规范》诱导分享条款。WeChat rules on vote and like collecting.',
  severity: 'error',
  description: '集赞、拉票、刷票活动，和以奖励或请求拉动的投票、点赞排名（集满 38 个赞送甜品、请帮我家孩子投一票）。Vote and like-collecting campaigns.',
  scope: 'all',
  detect(sentence) {
    const found = voteIn(sentence);
    if (!found) return undefined;
    const { token, because } = found;
    const words = quote(sentence, token.start, token.end);
    const reading = because === undefined
      ? `${words}是集赞、拉票类的收集任务`
      : because === 'request'
        ? `${words}：请读者投票、拉票`
        : `${words}与${quote(sentence, because.start, because.end)}在同一句：以奖励拉动投票或点赞排名`;
    const to = because && because !== 'request' ? Math.max(token.end, because.end) : token.end;
    return {
      from: Math.min(token.start, because && because !== 'request' ? because.start : token.start),
      to,
      message: `${reading}，属于以集赞、投票诱导分享，违反${sharingBasis}（集赞、集卡等收集任务），文章可能被删除。评选请由评委打分，或让读者在留言区自由表达，不以点赞数、票数发奖。`,
    };
  },
  examples: {
    valid: ['投票结果出来了，大家最喜欢的是白茶。', '本次评选不开放网络投票，由评委打分。', '因为票数最低，她没能进入决赛；随后主持人送上投票的公证材料。',
      '周二是动员投票的日子，但如果已登记的选民不在名单上就毫无意义了。',
      '我事后问她是不是明白为什么人们会投票给这位候选人。',
      '“我今天来到这里是为了国家的未来和年轻人而投票，这样他们就能自由地生活，”79 岁的 Olivera 说。',
    ],
    invalid: [
      { markdown: '朋友圈集赞 30 个，到店领一杯冬日热饮。', findings: [{ line: 1, column: 4, message: '“集赞”是集赞、拉票类的收集任务' }] },
      { markdown: '给 5 号茶艺师投票吧，每天都能投，拜托大家了。', findings: [{ line: 1, column: 9, message: '“投票”：请读者投票、拉票' }] },
      { markdown: '我家孩子参加了评选，请大家为我投票，投满十票送奶茶。', findings: [{ line: 1, column: 16, message: '“投票”' }] },
      { markdown: '评选进入决赛，请大家每天为 3 号候选人投票。', findings: [{ line: 1, column: 21, message: '“投票”：请读者投票、拉票' }] },
      { markdown: '留言点赞最多的三位读者，各送一罐新茶。', findings: [{ line: 1, column: 3, message: '“点赞最多”与“各送”在同一句：以奖励拉动投票或点赞排名' }] },
    ],
  },
});
