import { visit } from 'unist-util-visit';
import { nodeSpan } from '../../../content/index.ts';
import { defineRule } from '../../define-rule.ts';
import { blockSpan } from '../../prose.ts';

const shopHosts = /(?:taobao|tmall|jd|pinduoduo|yangkeduo|youzan|weidian|koudaitong|m\.tb)\.(?:com|cn)/i;
const signals: Array<[RegExp, string]> = [
  [/(?:优惠码|优惠券码|折扣码|券码|口令)[:：]?\s*[A-Za-z0-9]{4,}/gu, '优惠码'],
  [/[¥￥]\s*\d+(?:\.\d+)?|\d+(?:\.\d+)?\s*元(?=.{0,12}(?:立即|马上|点击|扫码)?(?:购买|下单|抢购|入手))/gu, '价格与购买引导'],
  [/(?:立即购买|马上下单|点击购买|扫码购买|限时抢购|下单立减)/gu, '购买引导'],
];

export default defineRule({
  id: 'ad-label/unmarked-ad',
  severity: 'warning',
  description: '读起来像广告却没标 sponsored：购买链接、优惠码、价格加购买引导（《广告法》第十四条，广告应当具有可识别性）。Reads like an ad but is not marked sponsored.',
  basis: '《广告法》第十四条（广告应当具有可识别性）；《互联网广告管理办法》第九条（以知识介绍、体验分享、消费测评等形式推销商品并附购物链接的，应显著标明“广告”）。Advertising Law art. 14; Internet Advertising Measures art. 9.',
  examples: {
    valid: [
      '冬天的红茶，甜香明显。',
      '---\ntitle: 联名盖碗\nstatus: draft\nsponsored: {advertiser: 素山青瓷}\n---\n\n限时抢购，¥ 268，立即购买。\n',
    ],
    invalid: [{ markdown: '这款盖碗 ¥268，立即购买！', findings: [
          { line: 1, column: 6, message: '“¥268”（价格与购买引导）读起来像广告' },
          { line: 1, column: 11, message: '“立即购买”（购买引导）' },
        ] }, { markdown: '[点这里](https://item.taobao.com/item.htm?id=1) 就能买到。', findings: [{ line: 1, column: 1, message: '购物链接 https://item.taobao.com/item.htm?id=1 读起来像广告' }] }],
  },
  check(context) {
    if (context.doc.data.sponsored) return;
    const advice = '如属商业推广，请在 frontmatter 写 sponsored: {advertiser: …}，渲染时会加上“广告”标识；否则请删去。';
    for (const block of context.blocks) {
      for (const [pattern, what] of signals) {
        for (const match of block.text.matchAll(pattern)) {
          context.report({ span: blockSpan(block, match.index, match.index + match[0].length), message: `“${match[0]}”（${what}）读起来像广告，但文章没有标注 sponsored。${advice}` });
        }
      }
    }
    visit(context.tree, 'link', (node) => {
      if (shopHosts.test(node.url)) context.report({ span: nodeSpan(context.source, node), message: `购物链接 ${node.url} 读起来像广告，但文章没有标注 sponsored。${advice}` });
    });
  },
});
