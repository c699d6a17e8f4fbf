import { has, originalText, sentenceText, type Sentence, type Token } from './clauses.ts';
import { isAsked } from './inducement.ts';
import { contactAfter, divertAfter, divertBefore, divertLure, namedAccount, phoneNumber } from './patterns.ts';
import { platformRule, quote } from './platform-rule.ts';

const basis = '《微信公众平台运营规范》（导流与恶意营销）和《微信外部链接内容管理规范》（诱导、误导下载或跳转）';

interface Diversion {
  token: Token;
  reading: string;
  /** Where the quoted words start, when the verb before the destination belongs to them (加客服微信). */
  from?: number;
}

const lured = (sentence: Sentence): boolean => divertLure.test(sentenceText(sentence)) || sentence.tokens.some((t) => has(t, 'reward'));

/**
 * A reader sent off the platform: to a personal WeChat or QQ, a group, another platform's account or shop, an
 * app download or an outside browser (SOURCES.md decision 5). WeChat's own 小程序、视频号、搜一搜 are not.
 */
function diversionIn(sentence: Sentence): Diversion | undefined {
  const text = sentence.text;
  for (const token of sentence.tokens) {
    if (!isAsked(sentence, token)) continue;
    if (has(token, 'divert')) return { token, reading: '引导添加个人号、进群或跳转站外' };
    if (has(token, 'group') && (/扫码|扫描|扫$/.test(text.slice(Math.max(sentence.start, token.start - 2), token.start)) || lured(sentence))) return { token, reading: '以福利引导进群' };
    const platform = has(token, 'platform');
    if (!has(token, 'offsite') && !platform) continue;
    const before = text.slice(Math.max(sentence.start, token.start - 8), token.start);
    const after = text.slice(token.end, sentence.end);
    // Another platform is diversion when an account or shop is named (抖音号、店铺“小明茶舍”), not “淘宝上能买到”.
    // Folding drops the quotation marks of a named account or app (小红书搜“青禾的茶”, 下载“青禾”App).
    const originalBefore = originalText(sentence, Math.max(sentence.start, token.start - 12), token.start);
    if (platform && !(token.term.endsWith('号') || namedAccount.test(after) || namedAccount.test(originalText(sentence, token.end, sentence.end)) || /我|我们|本店/.test(before.slice(-4)))) continue;
    const browser = token.term === '浏览器';
    if (browser && !lured(sentence)) continue;
    const verb = divertBefore.exec(before);
    if (verb || divertBefore.test(originalBefore) || divertAfter.test(after)) {
      const reading = browser ? '引导到浏览器打开站外内容' : '引导到个人号、群、站外平台或下载 App';
      return { token, reading, ...(verb ? { from: token.start - before.length + verb.index } : {}) };
    }
    // An ID after a WeChat, a QQ or a group is a contact; after 客户端、App or 网盘 it is the next item of a list (BI 客户端，Slack 通知).
    const software = /客户端|app|浏览器|网盘/iu.test(token.term);
    if ((contactAfter.test(after) && !software) || (/信|qq/.test(token.term) && phoneNumber.test(sentenceText(sentence)))) return { token, reading: '留下个人微信号、QQ 号等联系方式' };
  }
  return undefined;
}

export default platformRule({
  id: 'platform/traffic-diversion',
  basis: '《微信公众平台运营规范》（导流与恶意营销）；《微信外部链接内容管理规范》（诱导、误导下载或跳转）。WeChat operating rules on diverting traffic off the platform.',
  severity: 'warning',
  description: '站外导流：加个人微信或 QQ、进群领福利、去其他平台搜索、下载 App、复制链接到浏览器、淘口令；小程序、视频号、菜单、阅读原文不算。Diverting readers off the platform.',
  scope: 'all',
  detect(sentence) {
    const found = diversionIn(sentence);
    if (!found) return undefined;
    const { token, reading } = found;
    const from = found.from ?? token.start;
    return {
      from,
      to: token.end,
      message: `${quote(sentence, from, token.end)}可能被判定为导流（${reading}），依据${basis}。请改用公众号菜单、小程序、视频号或留言。`,
    };
  },
  examples: {
    valid: ['在小程序「青禾茶事」里就能下单。', '微信搜一搜“青禾茶事”，可以找到我们的公众号。', '他加了我的微信，说下次一起喝茶。', '监控数据可以展示给自定义的 BI 客户端，Slack 通知等等。', '如果有人尝试和你私聊，请礼貌地引导他到公开的邮件列表。'],
    invalid: [
      { markdown: '想要样品的朋友加微信领取。', findings: [{ line: 1, column: 8, message: '“加微信”可能被判定为导流（引导添加个人号、进群或跳转站外）' }] },
      { markdown: '有兴趣的朋友可以找我私聊。', findings: [{ line: 1, column: 11, message: '“私聊”可能被判定为导流' }] },
      { markdown: '详情 V X 私聊。', findings: [{ line: 1, column: 4, message: '“V X”可能被判定为导流' }] },
      { markdown: '小红书搜“青禾的茶”，有更多冲泡视频。', findings: [{ line: 1, column: 1, message: '“小红书”可能被判定为导流（引导到个人号、群、站外平台或下载 App）' }] },
    ],
  },
});
