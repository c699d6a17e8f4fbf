import type { Link } from 'mdast';
import { visit } from '../../../shared/visit.ts';
import { nodeSpan } from '../../../content/index.ts';
import { defineRule } from '../../define-rule.ts';
import { blockSpan, breaker, type TextBlock } from '../../prose.ts';
import { altBlocks, oncePerSpan, plainText, sentencesOf } from '../plain-text.ts';
import { buyLinkText, buySignals } from './buy-signals.ts';

const shopHosts = /(?:taobao|tmall|jd|pinduoduo|yangkeduo|youzan|weidian|koudaitong|m\.tb)\.(?:com|cn)/i;
/** 【广告】、广告｜、[推广]、（赞助）… at the start of the title or the body: the article marks itself. */
const marker = /^\s*(?:[【\[（(]\s*(?:广告|推广|商业推广|赞助)\s*[】\]）)]|(?:广告|推广|商业推广)\s*[｜|丨:：\s])/u;
const basis =
  '《互联网广告管理办法》第九条：以知识介绍、体验分享、消费测评等形式推销商品或服务并附加购物链接等购买方式的，应当显著标明“广告”；《广告法》第十四条：广告应当具有可识别性';
const advice = '如属商业推广，请在 frontmatter 写 sponsored: {advertiser: …}，渲染时会加上“广告”标识；否则请删去购买方式。';

export default defineRule({
  id: 'ad-label/unmarked-ad',
  basis: '《广告法》第十四条（广告应当具有可识别性）；《互联网广告管理办法》第九条。Advertising Law art. 14; Internet Advertising Measures art. 9.',
  severity: 'warning',
  description:
    '带购买方式（优惠码、口令、点击或扫码购买、购物链接、下单立减、私信下单）的文章没有标注 sponsored，也没有以“【广告】”开头（《互联网广告管理办法》第九条、《广告法》第十四条）。Carries a way to buy but is not marked as an ad.',
  examples: {
    valid: [
      '冬天的红茶，甜香明显。',
      '这把紫砂壶的价格是 1200 元起，我没有买。',
      '春节期间物流会有延迟，请提前下单。',
      '会员日可以在门店领取优惠券，每人限一张。',
      '【广告】本文由素山青瓷赞助，点击购买同款盖碗。',
      '检查完所有内容了吗？点击 "publish" 以及拍下自己的后背。',
      '---\ntitle: 联名盖碗\nstatus: draft\nsponsored: {advertiser: 素山青瓷}\n---\n\n限时抢购，¥ 268，立即购买。\n',
    ],
    invalid: [
      { markdown: '这款盖碗 ¥268，立即购买！', findings: [{ line: 1, column: 11, message: '“立即购买”（购买号召）是购买方式' }] },
      { markdown: '茶友专享：优惠码 TEA618 下单立减 18 元。', findings: [{ line: 1, column: 6, message: '“优惠码 TEA618”（优惠码或口令）、“下单立减”（下单优惠）' }] },
      { markdown: '我们试喝了五款冷泡茶，最推荐第二款，点击下方卡片购买。', findings: [{ line: 1, column: 19, message: '购买渠道' }] },
      { markdown: '扫码预约品鉴会，到店享八折。', findings: [{ line: 1, column: 3, message: '预约或报名优惠' }] },
      { markdown: '扫码加店长微信，领取优惠券。', findings: [{ line: 1, column: 9, message: '“领取优惠券”（预约或报名优惠）是购买方式' }] },
      { markdown: '![商品图：扫码购买同款茶杯](cup.jpg)', findings: [{ line: 1, column: 7, message: '“扫码购买”' }] },
      { markdown: '[点这里](https://item.taobao.com/item.htm?id=1) 就能买到。', findings: [{ line: 1, column: 1, message: '购物链接 https://item.taobao.com/item.htm?id=1' }] },
      { markdown: '喜欢这只杯子的可以看[同款链接](https://example.com/cup)。', findings: [{ line: 1, column: 11, message: '链接文字“同款链接”是购买方式' }] },
    ],
  },
  check(context) {
    if (context.doc.data.sponsored) return;
    const title = context.meta.find((b) => b.kind === 'title');
    const opening = context.blocks[0];
    if ((title && marker.test(title.text)) || (opening && marker.test(plainText(opening.text)))) return;
    const report = oncePerSpan(context.report);
    const tail = `读起来像广告，但文章没有标注 sponsored。${basis}。${advice}`;
    const blocks: TextBlock[] = [...context.meta.filter((b) => b.kind !== 'author'), ...context.blocks, ...altBlocks(context.source, context.tree)];
    // Links first: a sentence signal inside a link already reported (点这里 → 淘宝) is the same finding.
    const linkSpans: Array<readonly [number, number]> = [];
    visit(context.tree, 'link', (node) => {
      const text = plainText(linkText(node)).trim();
      const why = shopHosts.test(node.url) ? `购物链接 ${node.url}` : buyLinkText.test(text) ? `链接文字“${text}”` : undefined;
      if (!why) return;
      const span = nodeSpan(context.source, node);
      linkSpans.push(span);
      report({ span, message: `${why}是购买方式，${tail}` });
    });
    for (const block of blocks) {
      for (const sentence of sentencesOf(block)) {
        const at = (i: number) => sentence.start + i;
        const signals = buySignals(sentence.text).filter((s) => {
          const [from, to] = blockSpan(block, at(s.start), at(s.end));
          return !linkSpans.some(([a, b]) => from < b && to > a);
        });
        if (!signals.length) continue;
        const named = signals.map((s) => `“${block.text.slice(at(s.start), at(s.end)).replaceAll(breaker, '')}”（${s.kind}）`).join('、');
        report({ span: blockSpan(block, at(signals[0]!.start), at(signals[0]!.end)), message: `${named}是购买方式，${tail}` });
      }
    }
  },
});

function linkText(node: Link): string {
  let text = '';
  visit(node, 'text', (child) => {
    text += child.value;
  });
  return text;
}
