import { luhn, validResidentId } from './checks.ts';

/** A personal number or address found in a sentence. */
export interface PersonalNumber {
  start: number;
  end: number;
  kind: string;
  /** 个人信息保护法 article the finding cites: 28 for sensitive information (ID, bank account), 13 otherwise. */
  sensitive: boolean;
}

/**
 * Numbers people put about themselves or others (个人信息保护法第四条): mobile numbers with spaces, dashes, +86 or
 * one space between every digit; resident ID numbers whose check digit holds (GB 11643); bank card numbers that
 * pass Luhn; personal e-mail addresses. Lookarounds keep a match from starting or ending mid-number. Landlines and
 * 400 numbers do not start with 1[3-9]; masked numbers (138****8000) break the digit run.
 */
const patterns: Array<{ kind: string; sensitive: boolean; pattern: RegExp; valid: (digits: string, sentence: string) => boolean }> = [
  { kind: '身份证号', sensitive: true, pattern: /(?<![\dA-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![\dA-Za-z])/g, valid: validResidentId },
  { kind: '手机号', sensitive: false, pattern: /(?<![\dA-Za-z+])(?:\+?86[ -]?)?1(?:[ -]?\d){10}(?![\dA-Za-z])/g, valid: (d) => /^(?:86)?1[3-9]\d{9}$/.test(d) },
  { kind: '银行卡号', sensitive: true, pattern: /(?<![\dA-Za-z])(?:\d[ -]?){15,18}\d(?![\dA-Za-z])/g, valid: (d) => d.length >= 16 && d.length <= 19 && luhn(d) },
  { kind: '个人电子邮箱', sensitive: false, pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, valid: (address, sentence) => !genericMailbox(address, sentence) },
];

/** The label before a number says what it is: 订单号、商品编号、快递单号、ISBN … are not personal. */
const notPersonalLabel = /(?:订单号?|单号|编号|批号|货号|型号|序列号|条码|条形码|ISBN|流水号|会员号|工号|学号|证书号|发票号码?|税号|账单号|合同号|版本号)\s*[:：]?\s*$/u;

/**
 * Mailboxes of a role, not a person (service@、hr@、tougao@、business@), and placeholders (name@example.com), unless
 * the sentence says the box is someone's own (个人邮箱、私人邮箱).
 */
const roleLocalPart =
  /^(?:[a-z0-9]+-)?(?:project|service|services|support|help|info|contact|contactus|hello|admin|webmaster|postmaster|noreply|no-reply|hr|job|jobs|career|careers|recruit|zhaopin|tougao|gaojian|editor|editors|bianji|press|media|pr|marketing|market|sales|business|biz|bd|partner|partners|cooperation|hezuo|shangwu|kefu|feedback|complaint|legal|finance|invoice|office|mail|team|ad|ads|events|security|privacy|abuse|community|conduct|report|docs|news|newsletter|dev|developers|maintainer|maintainers|opensource|sponsor|sponsors|sponsorship|donate|donations|funding|licensing|license|trademarks?|copyright|steering|board|committee|tsc|pmc|private|users?|announce|discuss|lists?|bugs|issues|translations?|i18n|www|web|webteam|staff|volunteers?|outreach|foundation|name|username|yourname|you|your|someone|xxx|test|demo|sample|example)(?:[-_.][a-z]{1,8})?\d{0,4}$/i;

/**
 * Domains reserved for examples (RFC 2606, RFC 6761: example.com, *.example, *.test, *.invalid, *.localhost) take no
 * one's mail; an address there is a placeholder when the sentence shows it as one (例如、示例、换成你自己的), as how-to
 * prose does. 联系人邮箱：li.hua@example.com names a contact, and stays.
 */
const exampleDomain = /@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|[a-z0-9-]+\.(?:example|test|invalid|localhost))$/i;
const shownAsExample = /例如|比如|譬如|示例|举例|样例|范例|假设|假如|占位|(?:换成|替换成|替换为|改成|改为)(?:你|您)|user\.email|e\.g\./iu;

/**
 * A help service's public mailbox, offered beside its hotline or its site for the reader to get help (拨打免费电话 116 123，
 * 发邮件给 jo@samaritans.org，或者访问撒玛利亚会官方网站): the box of the service, not of a person.
 */
const helpService = /(?:免费电话|热线|求助电话)[^。；]*(?:官方网站|官网)|(?:寻求|获得|获取)(?:帮助|援助)/u;

function genericMailbox(address: string, sentence: string): boolean {
  if (helpService.test(sentence) && /\.org$/iu.test(address)) return true;
  return roleLocalPart.test(address.slice(0, address.indexOf('@'))) || (exampleDomain.test(address) && shownAsExample.test(sentence));
}

/** Sentences without a run of digits or an @ hold none of these. */
const gate = /\d[\d -]{9}|@/u;

export function personalNumbers(sentence: string): PersonalNumber[] {
  if (!gate.test(sentence)) return [];
  const found: PersonalNumber[] = [];
  const ownMailbox = /个人邮箱|私人邮箱|私人的邮箱|个人的邮箱/u.test(sentence);
  for (const { kind, sensitive, pattern, valid } of patterns) {
    for (const match of sentence.matchAll(pattern)) {
      const from = match.index;
      const to = from + match[0].length;
      if (found.some((f) => from < f.end && to > f.start)) continue;
      const isMail = kind === '个人电子邮箱';
      const value = isMail ? match[0] : match[0].replace(/[^\dXx]/g, '');
      if (!valid(value, sentence) && !(isMail && ownMailbox)) continue;
      if (!isMail && notPersonalLabel.test(sentence.slice(Math.max(0, from - 12), from))) continue;
      found.push({ start: from, end: to, kind, sensitive });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
