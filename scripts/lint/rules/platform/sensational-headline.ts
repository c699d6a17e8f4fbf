import { has, sentenceText, type Token } from './clauses.ts';
import { baitPatterns } from './patterns.ts';
import { platformRule, quote } from './platform-rule.ts';

const basis = '《网络信息内容生态治理规定》第七条（夸张标题）和微信公众平台治理“标题党”的公告（混淆官方、煽动蛊惑、夸大误导）';

export default platformRule({
  id: 'platform/sensational-headline',
  basis: '《网络信息内容生态治理规定》第七条；微信公众平台治理“标题党”的公告。Online content governance provisions art. 7; WeChat notices on sensational headlines.',
  severity: 'warning',
  description: '标题党：震惊、速看、99% 的人都不知道、你还在……吗，或两个以上的夸张信号（刚刚！重大决定），只查标题、摘要和小标题。Sensational headlines, in the title, digest and headings.',
  scope: 'headlines',
  unit: 'block',
  detect(sentence) {
    const text = sentenceText(sentence);
    const strong = sentence.tokens.find((t) => has(t, 'bait'));
    const pattern = baitPatterns.map((p) => p.exec(text)).find((m) => m !== null);
    const weak = sentence.tokens.filter((t) => has(t, 'bait-weak'));
    const hits: Token[] = strong ? [strong] : weak.length >= 2 ? weak : [];
    if (!hits.length && !pattern) return undefined;
    const from = pattern && !hits.length ? sentence.start + pattern.index : Math.min(...hits.map((t) => t.start));
    const to = pattern && !hits.length ? from + pattern[0].length : Math.max(...hits.map((t) => t.end));
    const words = hits.length ? hits.map((t) => quote(sentence, t.start, t.end)).join('、') : quote(sentence, from, to);
    const reading = strong || pattern ? '是标题党用语' : '几处夸张说法叠在一起，像标题党';
    return { from, to, message: `${words}${reading}，依据${basis}，可能被限流，与正文不符的会被删文。标题请直接写文章讲什么。` };
  },
  examples: {
    valid: ['正文里说一句“我很震惊”不算标题党。', '## 冬天怎么选茶', '---\ntitle: 重要提醒：本周六门店暂停营业\nstatus: draft\n---\n\n正文。\n'],
    invalid: [
      { markdown: '---\ntitle: 震惊！冬天喝茶的秘密\nstatus: draft\n---\n\n正文。\n', findings: [{ line: 2, column: 8, message: '“震惊”是标题党用语' }] },
      { markdown: '## 速看：存茶的三个误区', findings: [{ line: 1, column: 4, message: '“速看”是标题党用语' }] },
      { markdown: '## 你还在用开水泡绿茶吗？', findings: [{ line: 1, column: 4, message: '“你还在用开水泡绿茶吗”是标题党用语' }] },
    ],
  },
});
