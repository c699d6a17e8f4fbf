import { breaker } from '../../prose.ts';
import { has, mentioned, sentenceText, tokensWith, type Sentence, type Token } from './clauses.ts';
import { liveActions } from './inducement.ts';
import { readerCue, secondPerson } from './patterns.ts';
import { isHeadline, platformRule, quote, type PlatformFinding } from './platform-rule.ts';

const basis = '《微信外部链接内容管理规范》6.1（虚假红包）、2015 年 2 月 5 日《微信团队清理违规抢红包行为的公告》（仿造微信红包消息、关注后才能领取）和 2023 年 11 月《规范公众号群发诱骗点击类消息》（仿冒系统消息、红包积分到账或过期）';

/** 到账、待领取、查收……: the words that make money a message to the reader rather than a topic. */
const claimNotices = new Set(['到账', '待领取', '未领取', '查收', '等你领', '点击领取', '点此领取', '打开领取', '被抽中', '待确认', '点我领']);
const isClaim = (t: Token): boolean => claimNotices.has(t.term);
/** Cash as WeChat pays it out (现金红包), the thing S37 says is faked, not a shop's 红包 that is a coupon. */
const isCash = (t: Token): boolean => has(t, 'money') && t.term.includes('现金');

interface Evidence {
  reading: string;
  tokens: Token[];
}

/** Why a sentence imitates a red packet or a system notice; titles, alt and link text are read as notices. */
function evidence(sentence: Sentence): Evidence | undefined {
  const tokens = sentence.tokens.filter((t) => !mentioned(sentence, t));
  const headline = isHeadline(sentence.block);
  // In the body, opening a packet is a call only when the reader is addressed or it is a link (孩子们拆红包 is not).
  const toReader = headline || readerCue.test(sentenceText(sentence)) || linked(sentence);
  const money = tokens.find((t) => has(t, 'money'));
  const notice = tokens.find((t) => has(t, 'notice'));
  const claim = tokens.find(isClaim);
  const impersonation = tokens.find((t) => has(t, 'impersonation'));
  const addressed = secondPerson.test(sentenceText(sentence));
  const opened = tokens.find((t) => has(t, 'open-packet'));
  if (opened && toReader) return { reading: '模仿拆微信红包', tokens: [opened] };
  if (impersonation && (claim || (headline && (notice || addressed)))) return { reading: '冒充微信或系统的通知', tokens: [impersonation, ...(claim ? [claim] : [])] };
  if (addressed && claim) return { reading: '以系统通知的口吻告诉读者有钱待领', tokens: money ? [money, claim] : [claim] };
  const told = claim ?? (addressed ? notice : undefined);
  if (headline && money && told) return { reading: '以红包、现金到账或过期的通知作标题', tokens: [money, told] };
  const packet = tokens.find((t) => has(t, 'money') && t.term.includes('红包'));
  const clicked = tokens.find((t) => (isClaim(t) || has(t, 'open')) && /点|打开|拆/.test(t.term));
  if (packet && clicked && toReader) return { reading: '让读者点开、领取文中的红包', tokens: [clicked, packet] };
  const cash = tokens.find((t) => isCash(t) && claimed(sentence, t));
  const condition = liveActions(sentence, 'follow')[0] ?? tokens.find((t) => has(t, 'personal-data'));
  if (cash && condition) return { reading: '现金红包要关注或留下手机号才能领', tokens: [condition, cash] };
  return undefined;
}

/** Link text ends where the engine put a breaker (U+FFFC) in the block. */
const linked = (sentence: Sentence): boolean => sentenceText(sentence).includes(breaker);

/** The reader is to take the packet (领、拆、抢 before it, 待领取 after), not read about someone sending one. */
function claimed(sentence: Sentence, packet: Token): boolean {
  const before = sentence.text.slice(Math.max(sentence.start, packet.start - 8), packet.start);
  return /领|拆|抢|点开|打开/.test(before) || tokensWith(sentence, 'notice').some((t) => t.start >= packet.end && isClaim(t));
}

export default platformRule({
  id: 'platform/fake-red-packet',
  basis: '《微信外部链接内容管理规范》（虚假红包）；2015 年《微信团队清理违规抢红包行为的公告》；2023 年《规范公众号群发诱骗点击类消息》。WeChat notices on fake red packets and fake system messages.',
  severity: 'error',
  description: '虚假红包和仿冒系统通知：标题、图片说明、链接文字里的“红包待领取”“已到账”“系统通知”，正文里点开、拆开或关注后才能领的红包。Fake red packets and imitated system notices.',
  scope: 'all',
  detect(sentence): PlatformFinding | undefined {
    const found = evidence(sentence);
    if (!found) return undefined;
    const from = Math.min(...found.tokens.map((t) => t.start));
    const to = Math.max(...found.tokens.map((t) => t.end));
    const words = found.tokens.map((t) => quote(sentence, t.start, t.end)).join('、');
    return {
      from,
      to,
      message: `${words}：${found.reading}，属于虚假红包或诱骗点击，违反${basis}，文章可能被删除、账号被限制功能。真实的活动请写明规则，不要用红包、到账、系统通知的样子吸引点击。`,
    };
  },
  examples: {
    valid: ['红包封面是我们春节时的设计作品，仅做展示。', '过年长辈给孩子发红包是传统习俗。'],
    invalid: [
      { markdown: '---\ntitle: 【到账提醒】您有一笔 66 元现金待领取\nstatus: draft\n---\n\n正文。\n', findings: [{ line: 2, column: 9, message: '“到账提醒”、“待领取”：冒充微信或系统的通知' }] },
      { markdown: '点开下方红包，先关注我们才能领取。', findings: [{ line: 1, column: 1, message: '“点开”、“红包”：让读者点开、领取文中的红包' }] },
      { markdown: '## 系统通知：您的积分即将过期', findings: [{ line: 1, column: 4, message: '“系统通知”：冒充微信或系统的通知' }] },
    ],
  },
});
