/**
 * Solicitation for illegal goods and services as sentence patterns (《网络信息内容生态治理规定》第六条; 反电信网络诈骗
 * 法), so a line is caught however the goods are spelled: a trade verb with contraband in the same clause (出售各大平台会员
 * 账号、收购银行卡、代办各类证件), an offer to fake invoices (代开……各行业都能开), and the marks of the 刷单 job scam
 * and the 网赌回血 scam that the police list (公安部刑侦局 2023-02-24《大学生反诈第一课》: 兼职刷单、小额佣金、垫付;
 * 一单一结、日赚三百、宝妈学生都能做). Ordinary mentions (警方破获赌博案、警惕刷单返利陷阱) are left to `framedAsWarning`.
 */
export interface Solicitation {
  start: number;
  end: number;
  category: string;
}

const contraband =
  '(?:银行卡|银行账户|对公账户|U盾|四件套|手机卡|电话卡|流量卡|物联网卡|微信号|QQ号|会员账号|平台账号|实名账号|账号|支付宝账户|身份证|公民信息|个人信息|客户资料|假证|假币|枪支|仿真枪|气枪|猎枪|子弹|弓弩|管制刀具|迷药|听话水|窃听器|针孔摄像头|象牙|犀牛角|穿山甲|器官|肾源|A\\s*货|高仿)';
const patterns: Array<[RegExp, RegExp, string]> = [
  [/出售|收购|高价收|回收|买卖|批发|供应|有售|专卖|低价出|转让|出租|租用|出借/u, new RegExp(`(?:出售|收购|高价收|回收|买卖|批发|供应|有售|专卖|低价出|转让|出租|租用|出借)[^，。；！？]{0,10}?${contraband}`, 'gu'), '违禁品或账户买卖'],
  [/代办|假|刻章/u, /代办[^，。；！？]{0,6}?(?:证件|毕业证|学位证|文凭|学历|驾驶证|驾照|职称|资格证)|办理假证|(?:制作|办)假(?:证|文凭|学历|毕业证|驾照)|刻章办证/gu, '虚假证件'],
  [/代开|虚开/u, /代开[^。；！？]{0,10}?(?:各行业|都能开|都可以开|点数|税点|价格优惠|低价|正规|发票|专票|普票|fp)|虚开(?:增值税)?(?:专用)?发票/giu, '虚开发票'],
  [/刷|代考|替考/u, /(?:提供|承接|代刷|接)[^，。；！？]{0,4}?(?:刷单|刷好评|刷销量|刷信誉|刷评论|代考|替考)/gu, '刷单或替考服务'],
  [/处方药/u, /代购[^，。；！？]{0,4}?处方药|处方药代购/gu, '违规销售处方药'],
  [/回血/u, /回血[^。；！？]{0,12}?(?:回本|导师|带单|上岸|稳赚|包赢)/gu, '网赌回血诈骗'],
  [/黑户|征信/u, /(?:黑户|不看征信|不查征信|无视征信)[^。；！？]{0,10}?(?:下款|放款|秒批|秒到)|(?:下款|放款|秒批|秒到)[^。；！？]{0,10}?(?:黑户|不看征信|不查征信)/gu, '非法放贷'],
];

/** The 刷单 job scam: a scam mark (一单一结、日赚三百、垫付、返佣) with another mark of the pitch. */
const scamCore = /一单一结|日赚\s*[\d一二三四五六七八九十百千两]+|垫付|返佣|返利|躺赚|动动手指|足不出户/gu;
const scamPitch = /兼职|兼值|刷|单|宝妈|学生|日结|在家|手机就能|一单一结|日赚|垫付|返佣|返利/gu;

export function solicitations(sentence: string): Solicitation[] {
  const found: Solicitation[] = [];
  for (const [gate, pattern, category] of patterns) {
    if (!gate.test(sentence)) continue;
    for (const m of sentence.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length, category });
  }
  const cores = [...sentence.matchAll(scamCore)];
  if (cores.length) {
    const marks = new Set([...sentence.matchAll(scamPitch)].map((m) => m[0]));
    if (marks.size >= 2) found.push({ start: cores[0]!.index, end: cores[0]!.index + cores[0]![0].length, category: '刷单返利诈骗' });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A sentence that reports or warns rather than solicits: news of a case (破获、查处、判处), a warning (警惕、谨防、
 * 骗局), or a refusal (本店不接受好评返现).
 */
const warning =
  /破获|查处|侦破|抓获|被抓|落网|判处|判刑|判决|涉嫌|警方|公安|民警|法院|检察院|打击|严打|整治|揭秘|警惕|谨防|当心|提防|骗局|诈骗|陷阱|受害|被骗|上当|举报|切勿|千万别|千万不要|严禁|禁止|违法|犯罪|报道|新闻/u;
const refused = /(?:不接受|拒绝|谢绝|杜绝|不做|不提供|不参与|远离|不要|别)[^，。；]{0,4}$/u;

export function framedAsWarning(sentence: string, at: number): boolean {
  return warning.test(sentence) || refused.test(sentence.slice(0, at));
}

/**
 * A drug of abuse named in medical writing by the harm it does (可卡因中毒、兴奋剂（可卡因、甲基苯丙胺）可能引发类躁狂症状、
 * 大麻使用障碍): a clinical reference, like news of a case. A sale, a price or a contact in the sentence keeps it a finding.
 */
const harm = /中毒|戒断|滥用|成瘾|依赖|使用障碍|所致|诱发|引发|精神活性物质|过量|毒性|致幻|停用|共病/u;
const dealing = /出售|售卖|代购|购买|有货|货到|出货|价格|[0-9]+元|联系|微信|vx|加我|私聊|渠道|哪里买|包邮/iu;

export function namesHarm(sentence: string): boolean {
  return harm.test(sentence) && !dealing.test(sentence);
}
